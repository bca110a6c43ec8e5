/**
 * Resolves what each processing step of the package binds to in the organization: its SDK message, the message
 * filter of its table, and its event handler (a service endpoint or plug-in type). Anything missing is a problem
 * found before the first write.
 */
import type { DataverseOrganization } from "../model";
import type { SolutionPackage, SolutionStep } from "../solution";
import type { ApplyProblems } from "./applyProblems";
import { findById, findRows, quoted, type RowBinding } from "./rowWrites";

/** The step's message filter: one the organization has, one to create for a custom table, or none at all. */
export type FilterBinding = { kind: "existing"; id: string } | { kind: "create"; table: string } | { kind: "none" };

/** A step with everything it binds to resolved. */
export interface ResolvedStep {
  readonly step: SolutionStep;
  readonly message: { readonly id: string; readonly name: string };
  readonly filter: FilterBinding;
  readonly handler: RowBinding;
}

/** Tables without a message filter: steps of messages such as WhoAmI name "none" as their primary entity. */
const noTable = new Set(["", "none"]);

/**
 * The organization's sdkmessage row of the step: by id first, then by name. The ids a solution carries are the
 * platform's (solution/sdkMessages.ts), while the emulator's organization gives its messages ids of its own
 * (model/systemRows.ts), so the name is what finds them there.
 */
function findMessage(
  organization: DataverseOrganization,
  step: SolutionStep,
): { id: string; name: string } | undefined {
  const row =
    findById(organization, "sdkmessage", step.messageId) ??
    (step.messageName === undefined
      ? undefined
      : findRows(organization, "sdkmessage", `name eq ${quoted(step.messageName)}`)[0]);
  return typeof row?.sdkmessageid === "string" && typeof row.name === "string"
    ? { id: row.sdkmessageid, name: row.name }
    : undefined;
}

/**
 * The filter of the message on the step's table. Dataverse has a filter for every table; the emulator's organization
 * starts with opportunity's only, so the import creates the filter of a custom table (one it creates, or one the
 * organization has from a solution) and refuses a platform table that has none.
 */
function resolveFilter(
  organization: DataverseOrganization,
  message: { id: string; name: string },
  step: SolutionStep,
  newTables: ReadonlySet<string>,
): FilterBinding | undefined {
  const table = step.primaryEntity.toLowerCase();
  if (noTable.has(table)) return { kind: "none" };
  const filter = `_sdkmessageid_value eq ${message.id} and primaryobjecttypecode eq ${quoted(table)}`;
  const id = findRows(organization, "sdkmessagefilter", filter)[0]?.sdkmessagefilterid;
  if (typeof id === "string") return { kind: "existing", id };
  const existingTable = organization.metadata.findTable(table);
  const isCustom = newTables.has(table) || existingTable?.isCustomEntity === true;
  return isCustom ? { kind: "create", table } : undefined;
}

function resolveHandler(organization: DataverseOrganization, step: SolutionStep): RowBinding | undefined {
  const { handler } = step;
  if (handler.kind === "serviceEndpoint") {
    const known = handler.inSolution || findById(organization, "serviceendpoint", handler.serviceEndpointId);
    return known
      ? {
          column: "eventhandler",
          navigation: "eventhandler_serviceendpoint",
          entitySet: "serviceendpoints",
          id: handler.serviceEndpointId,
        }
      : undefined;
  }
  const row =
    (handler.pluginTypeId === undefined ? undefined : findById(organization, "plugintype", handler.pluginTypeId)) ??
    (handler.pluginTypeName === undefined
      ? undefined
      : findRows(organization, "plugintype", `typename eq ${quoted(handler.pluginTypeName)}`)[0]);
  const id = row?.plugintypeid;
  return typeof id === "string"
    ? { column: "eventhandler", navigation: "eventhandler_plugintype", entitySet: "plugintypes", id }
    : undefined;
}

function handlerName(step: SolutionStep): string {
  const { handler } = step;
  return handler.kind === "serviceEndpoint"
    ? `the service endpoint ${handler.serviceEndpointId}`
    : `the plug-in type ${handler.pluginTypeName ?? handler.pluginTypeId ?? "(unnamed)"}`;
}

/** Resolves every step; a step with anything missing is left out after its problems are recorded. */
export function resolveSteps(
  organization: DataverseOrganization,
  solutionPackage: SolutionPackage,
  newTables: ReadonlySet<string>,
  problems: ApplyProblems,
): ResolvedStep[] {
  return solutionPackage.steps.flatMap((step) => {
    const component = `step ${step.name} (${step.id})`;
    const handler = resolveHandler(organization, step);
    if (handler === undefined) {
      problems.add(
        "MissingEventHandler",
        component,
        `The step runs ${handlerName(step)}, which is neither in the solution nor in the organization. Add it ` +
          "to the solution, or register it in the organization first.",
      );
    }
    const message = findMessage(organization, step);
    if (message === undefined) {
      const name = step.messageName ?? step.messageId;
      problems.add(
        "MissingMessage",
        component,
        `The organization has no SDK message '${name}'. Register the step on a message it has.`,
      );
      return [];
    }
    const filter = resolveFilter(organization, message, step, newTables);
    if (filter === undefined) {
      problems.add(
        "MissingMessageFilter",
        component,
        `The organization has no message filter for ${message.name} of '${step.primaryEntity}', so the step ` +
          "can't be registered there. Register it on a table and message the organization supports.",
      );
    }
    return handler === undefined || filter === undefined ? [] : [{ step, message, filter, handler }];
  });
}
