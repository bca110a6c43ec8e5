/**
 * The solution's web resources as the host serves them: the built files of out/webresources under their web resource
 * names, as Dynamics serves `/WebResources/<name>`, and the String (RESX) web resources the form libraries declare as
 * dependencies, which Xrm.Utility.getResourceString answers from. Which files those are is the solution definition's
 * business (solution/definition/webResources.ts, opportunityForm.ts, commandBar.ts), so the demo runs what ships.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { commandBar } from "../../../solution/definition/commandBar";
import type { WebResourceDefinition } from "../../../solution/definition/model";
import { opportunityForm } from "../../../solution/definition/opportunityForm";
import { webResources } from "../../../solution/definition/webResources";
import type { ResourceStrings, WebResourceStrings } from "../shared/hostConfig";
import { BASE_LANGUAGE_ID, readResxFile } from "./resxStrings";

export interface ServedFile {
  readonly path: string;
  readonly contentType: string;
}

const CONTENT_TYPES: Readonly<Record<WebResourceDefinition["type"], string>> = {
  // The scripts are UTF-8 (webresources/README.md): say so, rather than leave it to the page's encoding.
  JavaScript: "text/javascript; charset=utf-8",
  SVG: "image/svg+xml",
  StringResx: "application/xml; charset=utf-8",
};

/** The web resources the form page loads as scripts: the form's libraries, then the command bar's, each once. */
export function formLibraries(): string[] {
  const formFunctions = opportunityForm.events.map((event) => event.handler);
  const commandFunctions = commandBar.buttons.flatMap((button) => [button.action, button.enableRule]);
  return [...new Set([...formFunctions, ...commandFunctions].map((script) => script.library))];
}

/** Every web resource of the solution by name, plus each script's source map (the script links to it). */
export function webResourceFiles(webResourcesRoot: string): ReadonlyMap<string, ServedFile> {
  const files = new Map<string, ServedFile>();
  for (const resource of webResources) {
    const path = join(webResourcesRoot, resource.name);
    files.set(resource.name, { path, contentType: CONTENT_TYPES[resource.type] });
    if (resource.type === "JavaScript") {
      files.set(`${resource.name}.map`, { path: `${path}.map`, contentType: "application/json; charset=utf-8" });
    }
  }
  return files;
}

/** @throws Error saying to run `npm run build` when a built web resource is missing. */
export function checkWebResources(webResourcesRoot: string): void {
  for (const file of webResourceFiles(webResourcesRoot).values()) {
    if (!existsSync(file.path)) {
      throw new Error(`${file.path} is missing: run \`npm run build\` first to build the web resources.`);
    }
  }
}

/** The String (RESX) dependencies of the form libraries, by the name getResourceString takes: no language, no .resx. */
function stringResources(): Map<string, WebResourceDefinition[]> {
  const libraries = new Set(formLibraries());
  const byName = new Map<string, WebResourceDefinition[]>();
  for (const resource of webResources.filter((candidate) => libraries.has(candidate.name))) {
    for (const dependency of resource.dependsOn ?? []) {
      if (dependency.type !== "StringResx") continue;
      const name = dependency.name.replace(/(\.\d+)?\.resx$/i, "");
      byName.set(name, [...(byName.get(name) ?? []), dependency]);
    }
  }
  return byName;
}

/** Each string resource in `languageId` (null when the solution has no resx in it) and in the base language. */
export async function readWebResourceStrings(
  webResourcesRoot: string,
  languageId: number,
): Promise<WebResourceStrings> {
  const resources: Record<string, ResourceStrings> = {};
  for (const [name, files] of stringResources()) {
    const inLanguage = async (language: number) => {
      const file = files.find((candidate) => candidate.languageCode === language);
      return file === undefined ? null : readResxFile(join(webResourcesRoot, file.name));
    };
    const baseStrings = await inLanguage(BASE_LANGUAGE_ID);
    if (baseStrings === null) {
      throw new Error(`${name}.${BASE_LANGUAGE_ID}.resx is missing: run \`npm run build\` to build the web resources.`);
    }
    resources[name] = { strings: await inLanguage(languageId), baseStrings };
  }
  return { languageId, resources };
}
