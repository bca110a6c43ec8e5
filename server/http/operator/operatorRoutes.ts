/**
 * GET /operator: the operator page and its script, styles and icon. The page is public because it holds no data:
 * everything it shows comes from the bearer-gated admin API, called by the script with an admin token the operator
 * brings (server/http/operator/browser/session.ts). Every answer carries a Content-Security-Policy that allows only
 * this origin, so nothing on the page can load or send anything elsewhere.
 */
import type { FastifyPluginCallback, FastifyReply } from "fastify";
import { operatorIcon, operatorScript, operatorStyles } from "./operatorAssets";
import { operatorPageHtml, type OperatorPageSettings } from "./operatorPage";
import { OPERATOR_ICON_PATH, OPERATOR_PATH, OPERATOR_SCRIPT_PATH, OPERATOR_STYLES_PATH } from "./paths";

/**
 * Only 'self'. `form-action 'none'`: the sign-in form is handled by the script; if the script never ran, a plain
 * submit would put the token in a URL, and so in access logs. Trusted Types: the script never parses HTML.
 * https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Content-Security-Policy
 */
export const OPERATOR_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
].join("; ");

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "content-security-policy": OPERATOR_CSP,
  "x-content-type-options": "nosniff",
  // The token arrives in the fragment, which browsers never send; no-referrer keeps the page's URL to itself too.
  "referrer-policy": "no-referrer",
  // Revalidate on each load, so an upgraded service serves its new page at once.
  "cache-control": "no-cache",
};

function send(reply: FastifyReply, type: string, body: string): FastifyReply {
  return reply.headers(SECURITY_HEADERS).type(type).send(body);
}

/** The page's four routes; register without a prefix. */
export function operatorPage(settings: OperatorPageSettings): FastifyPluginCallback {
  const html = operatorPageHtml(settings);
  return (scope, _options, done) => {
    scope.get(OPERATOR_PATH, (_request, reply) => send(reply, "text/html; charset=utf-8", html));
    scope.get(OPERATOR_SCRIPT_PATH, async (_request, reply) =>
      send(reply, "text/javascript; charset=utf-8", await operatorScript()),
    );
    scope.get(OPERATOR_STYLES_PATH, async (_request, reply) =>
      send(reply, "text/css; charset=utf-8", await operatorStyles()),
    );
    scope.get(OPERATOR_ICON_PATH, (_request, reply) => send(reply, "image/svg+xml", operatorIcon));
    done();
  };
}
