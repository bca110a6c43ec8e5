/**
 * The control's getOutputs() applied to the form's record, as the platform does for bound properties: only the
 * contract's output properties, only when the user may change them, and only values of the property's type.
 */
import type { PageOptions } from "../shared/pageOptions";
import { boundProperty, type BoundProperty } from "./boundProperties";
import { sameRaw, type RawValue } from "./columnValues";
import { reportContractBreach } from "./contractGuard";
import { reportError, reportWarning } from "./hostConsole";
import type { FormRecord } from "./formRecord";
import { isEditable } from "./parameters";

/** Returns the names of the properties whose values changed. */
export function applyControlOutputs(
  outputs: Readonly<Record<string, unknown>>,
  record: FormRecord,
  options: PageOptions,
): string[] {
  const changed: string[] = [];
  for (const [name, value] of Object.entries(outputs)) {
    if (value === undefined) continue;
    const property = boundProperty(name);
    if (property?.output !== true) {
      reportContractBreach(`getOutputs().${name}`);
      continue;
    }
    const raw = rawOfOutput(property, value);
    if (raw === undefined) {
      reportError(`getOutputs().${name} must be a ${property.type} value; got ${JSON.stringify(value)}.`);
      continue;
    }
    if (!isEditable(property, options)) {
      // The platform drops outputs for columns the user can't change; a control shouldn't offer such a change.
      if (!sameRaw(record.value(property), raw)) reportWarning(`getOutputs().${name} ignored: the field is read-only.`);
      continue;
    }
    if (record.set(property, raw)) changed.push(name);
  }
  return changed;
}

/** The output as a raw value of the property's type, or undefined when it has another type. */
function rawOfOutput(property: BoundProperty, value: unknown): RawValue | undefined {
  switch (property.type) {
    case "TwoOptions":
      return typeof value === "boolean" ? value : undefined;
    case "MultiSelectOptionSet":
      if (value === null) return null;
      if (!isNumberArray(value)) return undefined;
      // No option chosen is stored as an empty column, so [] and null are the same value.
      return value.length === 0 ? null : value;
    default:
      return value === null || typeof value === "string" ? value : undefined;
  }
}

function isNumberArray(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((item) => typeof item === "number");
}
