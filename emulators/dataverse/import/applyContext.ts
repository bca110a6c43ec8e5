/**
 * What the writing half of an import carries around: the organization (the real one, or the copy the import is
 * rehearsed on), who writes, and the tally of outcomes; and how a refusal of the organization is tied to the
 * component that caused it.
 */
import { DataverseError, type DataverseOrganization, type WriteContext } from "../model";
import type { SolutionWarning } from "../solution";
import type { ComponentKind, ComponentTally } from "./importResult";
import { saveRow, type DesiredRow, type SavedRow } from "./rowWrites";

/** The organization being written, the acting user, and the outcomes so far. */
export interface ApplyContext {
  readonly organization: DataverseOrganization;
  readonly write: WriteContext;
  readonly tally: ComponentTally;
  /** What the emulator could not apply as the solution says; only the real run's reach the result. */
  readonly warnings: SolutionWarning[];
}

/** The organization refused a change that belongs to `component`, e.g. "webResource csb_/x.js". */
export class ComponentRefusal extends Error {
  constructor(
    readonly component: string,
    readonly refusal: DataverseError,
  ) {
    super(`${component}: ${refusal.message}`);
    this.name = "ComponentRefusal";
  }
}

/** Runs `work`, naming `component` in any refusal of the organization. */
export function asComponent<T>(component: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof DataverseError) throw new ComponentRefusal(component, error);
    throw error;
  }
}

/** Saves a component's row and records its outcome under `kind` and `name`. @throws ComponentRefusal. */
export function writeComponent(context: ApplyContext, kind: ComponentKind, name: string, row: DesiredRow): SavedRow {
  const saved = asComponent(`${kind} ${name}`, () => saveRow(context.organization, context.write, row));
  context.tally.record(kind, name, saved.outcome);
  return saved;
}
