/**
 * The shell every demo page shares, drawn like a model-driven app: a dark header with the app's name, a left
 * navigation (Opportunities, Partner Center, Operator) and the page's own content, which the browser script fills
 * in. Everything it loads comes from the site itself: no CDN, no web font.
 */
import { SITE_ROUTES } from "../shared/siteContract";

export type SitePageName = "opportunities" | "partner-center";

export interface SitePage {
  readonly name: SitePageName;
  readonly title: string;
  /** Static HTML of the page's content area (trusted: written here, never built from data). */
  readonly content: string;
  /** Scripts to load before the site's own (e.g. the web resource with the grid's icon function). */
  readonly scripts?: readonly string[];
}

const NAVIGATION: readonly {
  readonly page: SitePageName | "operator";
  readonly label: string;
  readonly href: string;
}[] = [
  { page: "opportunities", label: "Opportunities", href: SITE_ROUTES.opportunities },
  { page: "partner-center", label: "Partner Center", href: SITE_ROUTES.partnerCenter },
  { page: "operator", label: "Operator", href: SITE_ROUTES.operator },
];

export function sitePageHtml(page: SitePage): string {
  const links = NAVIGATION.map((item) => {
    const current = item.page === page.name ? ' aria-current="page"' : "";
    return `<li><a href="${item.href}"${current}>${item.label}</a></li>`;
  }).join("");
  const scripts = [...(page.scripts ?? []), SITE_ROUTES.script]
    .map((src) => `<script src="${src}"></script>`)
    .join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title} · Co-sell Bridge demo</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${SITE_ROUTES.styles}">
</head>
<body data-page="${page.name}">
<header class="app-header"><span class="waffle" aria-hidden="true"></span><span class="app-name">Dynamics 365</span><span class="app-area">Sales Hub · Co-sell Bridge demo</span></header>
<div class="app-body">
<nav class="app-nav" aria-label="Site map"><ul>${links}</ul></nav>
<main class="app-main">
<h1 class="page-title">${page.title}</h1>
<div class="page-alert" role="alert" hidden></div>
${page.content}
</main>
</div>
${scripts}
</body>
</html>
`;
}
