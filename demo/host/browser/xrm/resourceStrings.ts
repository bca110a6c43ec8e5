/**
 * Xrm.Utility.getResourceString over the form libraries' String (RESX) web resources, which the host reads from
 * the build (webResourceFiles.ts): the user's language first, then the base language (1033), as Dynamics falls back
 * for the resx files a script declares as dependencies
 * (https://learn.microsoft.com/power-apps/developer/model-driven-apps/clientapi/reference/xrm-utility/getresourcestring).
 * A name that is not a dependency throws, as the platform does; a key in neither language is a bug of the scripts
 * or their resx and is reported on the console.
 */
import { HOST_ROUTES, type WebResourceStrings } from "../../shared/hostConfig";
import { reportError, reportWarning } from "../hostConsole";

export async function loadWebResourceStrings(languageId: number): Promise<WebResourceStrings> {
  const response = await fetch(`${HOST_ROUTES.webResourceStrings}${languageId}`);
  if (!response.ok) {
    throw new Error(`The web resources' strings did not load: ${response.status} ${await response.text()}`);
  }
  return (await response.json()) as WebResourceStrings;
}

export function resourceStringLookup(
  loaded: WebResourceStrings,
): (webResourceName: string, key: string) => string | null {
  const reported = new Set<string>();
  const once = (message: string, report: (text: string) => void) => {
    if (reported.has(message)) return;
    reported.add(message);
    report(message);
  };
  return (webResourceName, key) => {
    const resource = loaded.resources[webResourceName];
    if (resource === undefined) throw new Error(`${webResourceName} does not exist`);
    const own = resource.strings?.[key];
    if (own !== undefined) return own;
    const base = resource.baseStrings[key];
    if (base === undefined) {
      once(`${webResourceName} has no string '${key}' in any language.`, reportError);
      return null;
    }
    if (resource.strings !== null) {
      once(`${webResourceName}.${loaded.languageId}.resx has no '${key}'; showing the base language's.`, reportWarning);
    }
    return base;
  };
}
