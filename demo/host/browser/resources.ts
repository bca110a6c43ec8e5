/**
 * context.resources.getString over the control's resx strings: the user's language first, then the base language
 * (1033), as the platform falls back. A key in neither file is a bug in the control, reported as a console error.
 */
import type { ControlStrings } from "../shared/hostConfig";
import { HOST_ROUTES } from "../shared/hostConfig";
import { reportError, reportWarning } from "./hostConsole";

export async function loadControlStrings(languageId: number): Promise<ControlStrings> {
  const response = await fetch(`${HOST_ROUTES.controlStrings}${languageId}`);
  if (!response.ok) throw new Error(`The control's strings did not load: ${response.status} ${await response.text()}`);
  return (await response.json()) as ControlStrings;
}

export function stringResolver(strings: ControlStrings): (key: string) => string {
  const warned = new Set<string>();
  if (strings.strings === null) {
    reportWarning(`The control has no resx for language ${strings.languageId}; its strings show in the base language.`);
  }
  return (key) => {
    const own = strings.strings?.[key];
    if (own !== undefined) return own;
    const base = strings.baseStrings[key];
    if (base !== undefined) {
      if (strings.strings !== null && !warned.has(key)) {
        warned.add(key);
        reportWarning(`The control's resx for language ${strings.languageId} has no '${key}'; showing the base text.`);
      }
      return base;
    }
    if (!warned.has(key)) {
      warned.add(key);
      reportError(`The control asked for the string '${key}', which none of its resx files has.`);
    }
    return key;
  };
}
