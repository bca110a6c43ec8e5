/**
 * What a column needs to exist before it can be added: the global choice it uses and the tables its lookup points
 * at, each either in the organization or brought by the same solution.
 */
import type { ColumnSpec } from "../model";
import type { SolutionAttribute } from "../solution";
import type { ApplyProblemCode } from "./applyProblems";
import type { PlanContext } from "./planContext";

/** Why a column can't be added (a choice or table it needs is missing), or undefined. */
function missingReference(
  spec: ColumnSpec,
  context: PlanContext,
): { code: ApplyProblemCode; message: string } | undefined {
  if ("options" in spec && "global" in spec.options && context.choiceOptions(spec.options.global) === undefined) {
    return {
      code: "MissingChoice",
      message:
        `The column uses the global choice '${spec.options.global}', which neither the solution nor the ` +
        "organization has. Add the option set to the solution.",
    };
  }
  if (spec.type !== "Lookup") return undefined;
  if (spec.targets.length === 0) {
    return {
      code: "MissingLookupTarget",
      message: "The lookup names no table: the solution has no relationship for it. Add its relationship.",
    };
  }
  const missing = spec.targets
    .map((target) => target.table)
    .filter((target) => context.catalog.findTable(target) === undefined && !context.newTables.has(target));
  if (missing.length === 0) return undefined;
  return {
    code: "MissingLookupTarget",
    message:
      `The lookup points at ${missing.map((name) => `'${name}'`).join(", ")}, which neither the solution nor the ` +
      "organization has. Import the solution that creates it first.",
  };
}

/** Whether the column's choice and lookup tables will exist; a custom column that can't is a problem. */
export function referencesResolve(
  spec: ColumnSpec,
  attribute: SolutionAttribute,
  component: string,
  context: PlanContext,
): boolean {
  const missing = missingReference(spec, context);
  if (missing === undefined) return true;
  if (attribute.isCustom) context.problems.add(missing.code, component, missing.message);
  else context.warnings.push({ part: component, message: `is a platform column left out: ${missing.message}` });
  return false;
}
