/**
 * Checks the form's bindings of CoSellPanel (solution/definition/coSellPanel.ts) against the built control's
 * manifest. A required bound property the form leaves unbound would break the form, and so would a binding of a
 * property that is not bound (an input or output): both stop the pack. A binding to a property the built control
 * doesn't have (yet) is left out of the form with a warning, so the solution packs while the control grows; a bound
 * property the form doesn't bind is a warning too.
 */
import { coSellPanel, coSellPanelBindings } from "../definition/coSellPanel";
import type { BuiltControlManifest } from "./controlManifest";
import type { PackProblems } from "./packError";

export interface BindingCheck {
  /** The properties the form binds, per control name (what xml/formXml.ts writes). */
  readonly boundProperties: ReadonlyMap<string, ReadonlySet<string>>;
  readonly warnings: readonly string[];
}

const definitionFile = "solution/definition/coSellPanel.ts";

export function checkControlBindings(manifest: BuiltControlManifest, problems: PackProblems): BindingCheck {
  const warnings: string[] = [];
  const byName = new Map(manifest.properties.map((property) => [property.name, property]));
  const bound = new Set<string>();
  for (const [name, column] of Object.entries(coSellPanelBindings)) {
    const property = byName.get(name);
    if (property === undefined) {
      warnings.push(
        `CoSellPanel has no property '${name}'; the form leaves ${column} unbound. Rebuild the control if it has one now.`,
      );
    } else if (property.usage !== "bound") {
      problems.add(
        `The form binds CoSellPanel's property '${name}' to ${column}, but the built control declares it usage="` +
          `${property.usage}". Make it bound in the manifest, or remove the binding from ${definitionFile}.`,
      );
    } else {
      bound.add(name);
    }
  }
  for (const property of manifest.properties) {
    if (property.usage !== "bound" || Object.hasOwn(coSellPanelBindings, property.name)) continue;
    if (property.required) {
      problems.add(
        `CoSellPanel's property '${property.name}' is bound and required, but the form doesn't bind it: add it to ` +
          `${definitionFile} with its column.`,
      );
    } else {
      warnings.push(
        `CoSellPanel's bound property '${property.name}' is not bound on the form; add it to ${definitionFile}.`,
      );
    }
  }
  return { boundProperties: new Map([[coSellPanel.name, bound]]), warnings };
}
