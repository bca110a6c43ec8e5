/**
 * The host page's HTML: the platform libraries in the order Dynamics makes them available to a virtual control
 * (React, ReactDOM, the Reactv16 alias, Fluent), then the browser-side host (which defines
 * ComponentFramework.registerControl), then the control's bundle (which calls it), then the form's script libraries
 * (web resources, which only define functions until the form calls them), then the page boots.
 */
import { HOST_CONFIG_ELEMENT_ID, HOST_ROUTES, type HostConfig } from "../shared/hostConfig";

const LANGUAGE_TAGS: Readonly<Record<number, string>> = { 1033: "en", 1049: "ru" };

/** `libraries`: the URLs of the form's script web resources, in the order the form lists them. */
export function hostPageHtml(config: HostConfig, libraries: readonly string[]): string {
  // JSON inside <script>: "<" is escaped so no value can close the element.
  const configJson = JSON.stringify(config).replace(/</g, "\\u003c");
  return `<!doctype html>
<html lang="${LANGUAGE_TAGS[config.options.languageId] ?? "en"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Opportunity · Co-sell Bridge</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${HOST_ROUTES.hostStyles}">
<script>
  // Fluent registers its Segoe UI font faces from a CDN unless told otherwise; an empty base URL registers none
  // (@fluentui/style-utilities registerDefaultFontFaces skips a falsy base URL). The control draws its icons itself.
  window.FabricConfig = { fontBaseUrl: "" };
</script>
</head>
<body>
<div id="form-root" data-frame="${config.options.frame}"></div>
<script type="application/json" id="${HOST_CONFIG_ELEMENT_ID}">${configJson}</script>
<script src="${HOST_ROUTES.react}"></script>
<script src="${HOST_ROUTES.reactDom}"></script>
<script>window.Reactv16 = window.React;</script>
<script src="${HOST_ROUTES.fluent}"></script>
<script src="${HOST_ROUTES.hostScript}"></script>
<script src="${HOST_ROUTES.controlBundle}"></script>
${libraries.map((library) => `<script src="${escapeAttribute(library)}"></script>\n`).join("")}</body>
</html>
`;
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}
