/**
 * The operator page's HTML: landmarks, headings and empty tables that the script (browser/main.ts) fills from the
 * admin API. It holds no data, only this deployment's public sign-in facts (the same ones /openapi.json states), so
 * an operator without a token learns where to get one.
 */
import { OPERATOR_ICON_PATH, OPERATOR_SCRIPT_PATH, OPERATOR_STYLES_PATH } from "./paths";

/** What the sign-in box tells an operator about the token it needs. */
export interface OperatorPageSettings {
  readonly issuer: string;
  readonly audience: string;
  readonly adminRole: string;
}

const ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

function signInSection(settings: OperatorPageSettings): string {
  const issuer = escapeHtml(settings.issuer);
  const audience = escapeHtml(settings.audience);
  const role = escapeHtml(settings.adminRole);
  return `<section id="sign-in" class="card sign-in" aria-labelledby="sign-in-title" hidden>
  <h2 id="sign-in-title">Sign in</h2>
  <p>Paste an admin access token to see the queue, recent syncs and failures. The token stays in this browser tab
  (sessionStorage) and is sent only to this service.</p>
  <form id="sign-in-form">
    <label for="token-input">Admin access token</label>
    <textarea id="token-input" rows="4" autocomplete="off" spellcheck="false" required></textarea>
    <button type="submit">Sign in</button>
  </form>
  <h3>Where to get a token</h3>
  <ul>
    <li>Local demo: choose <strong>Operator</strong> in the demo site's menu, which signs you in.</li>
    <li>Otherwise: an access token from <code>${issuer}</code> for the audience <code>${audience}</code>, for a user
    or app that has the app role <code>${role}</code> (an Azure AD admin assigns it). With the Azure CLI:
    <code>az account get-access-token --resource ${audience} --query accessToken -o tsv</code>.</li>
  </ul>
</section>`;
}

const QUEUE_SECTION = `<section class="card" aria-labelledby="queue-title">
  <h2 id="queue-title">Queue</h2>
  <dl class="depth">
    <div><dt>Waiting</dt><dd id="depth-queued">–</dd></div>
    <div><dt>Running</dt><dd id="depth-running">–</dd></div>
    <div><dt>Failed, retrying</dt><dd id="depth-retrying">–</dd></div>
    <div><dt>Parked</dt><dd id="depth-failed">–</dd></div>
  </dl>
  <p id="queue-notes" class="notes"></p>
</section>`;

const FAILURES_SECTION = `<section class="card" aria-labelledby="failures-title">
  <div class="heading-row">
    <h2 id="failures-title">Failures</h2>
    <button type="button" id="retry-all">Retry all parked jobs</button>
  </div>
  <p id="failures-empty" class="empty" hidden>No failed jobs.</p>
  <table id="failures-table" class="stacking">
    <caption class="visually-hidden">Jobs that failed, most recent failure first</caption>
    <thead><tr>
      <th scope="col">Failed at</th><th scope="col">Job</th><th scope="col">Reason</th><th scope="col">Attempts</th>
      <th scope="col">Last error</th><th scope="col">What to do</th><th scope="col">Action</th>
    </tr></thead>
    <tbody id="failures-rows"></tbody>
  </table>
</section>`;

const LATENCY_SECTION = `<section class="card" aria-labelledby="latency-title">
  <h2 id="latency-title">Sync latency</h2>
  <figure class="chart">
    <div id="latency-chart"></div>
    <figcaption id="latency-summary">No syncs yet.</figcaption>
  </figure>
</section>`;

const SYNCS_SECTION = `<section class="card" aria-labelledby="syncs-title">
  <h2 id="syncs-title">Recent syncs</h2>
  <p id="syncs-empty" class="empty" hidden>No syncs yet.</p>
  <table id="syncs-table" class="stacking">
    <caption class="visually-hidden">Finished syncs, newest first</caption>
    <thead><tr>
      <th scope="col">Finished at</th><th scope="col">Direction</th><th scope="col">Outcome</th>
      <th scope="col">Opportunity</th><th scope="col">Referral</th><th scope="col">Summary</th>
      <th scope="col">Latency</th>
    </tr></thead>
    <tbody id="syncs-rows"></tbody>
  </table>
</section>`;

/** The whole page for `settings`. */
export function operatorPageHtml(settings: OperatorPageSettings): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Operator · Co-sell Bridge</title>
<link rel="icon" href="${OPERATOR_ICON_PATH}" type="image/svg+xml">
<link rel="stylesheet" href="${OPERATOR_STYLES_PATH}">
<script src="${OPERATOR_SCRIPT_PATH}" defer></script>
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="top">
  <h1>Co-sell Bridge <span class="subtitle">operator</span></h1>
  <p id="connection" class="connection">Loading…</p>
  <button type="button" id="sign-out" hidden>Sign out</button>
</header>
<main id="main" tabindex="-1">
<div id="alert" class="alert" role="alert" hidden></div>
<div id="action-result" class="action-result" role="status" aria-live="polite"></div>
${signInSection(settings)}
<div id="dashboard" class="dashboard" hidden>
${QUEUE_SECTION}
${FAILURES_SECTION}
${LATENCY_SECTION}
${SYNCS_SECTION}
</div>
</main>
<footer class="bottom">
  <p>Refreshes every 5 seconds while this tab is visible. Last updated: <span id="updated">not yet</span>.</p>
</footer>
</body>
</html>
`;
}
