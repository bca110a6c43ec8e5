/**
 * Why a solution that reads correctly still can't be applied to this organization, and the one error that reports all
 * of it. The zip itself is fine (readSolutionZip accepted it); these problems come from comparing it with what the
 * organization already holds. Every message is written for the admin: what clashes, and what to do about it.
 */

/** What stops the import, from the solution as a whole down to single components. */
export type ApplyProblemCode =
  /** The organization has a newer version of the solution. */
  | "Downgrade"
  /** A managed solution over an unmanaged one of the same name, or the reverse. */
  | "ManagedMismatch"
  /** The solution is installed from another publisher. */
  | "PublisherMismatch"
  /** The solution creates a table the organization already has from another solution or the platform. */
  | "TableOwnedElsewhere"
  /** The solution adds columns to a table the organization doesn't have. */
  | "MissingTable"
  /** A column exists with another type. */
  | "ColumnTypeClash"
  /** A choice column names a global choice that neither the zip nor the organization has. */
  | "MissingChoice"
  /** A lookup points at a table that neither the zip nor the organization has. */
  | "MissingLookupTarget"
  /** A step's SDK message or message filter doesn't exist. */
  | "MissingMessage"
  | "MissingMessageFilter"
  /** A step's event handler (service endpoint or plug-in type) is neither in the zip nor in the organization. */
  | "MissingEventHandler"
  /** A web resource name is taken by another web resource. */
  | "NameTaken"
  /** An environment variable exists with another type. */
  | "EnvironmentVariableTypeClash"
  /** A holding import (HoldingSolution) that can't stage an upgrade. */
  | "HoldingNotAllowed"
  /** DeleteAndPromote without a holding solution (or without the solution it replaces). */
  | "NoHoldingSolution"
  /** The organization refused a change while the import was rehearsed (a rule the checks above don't cover). */
  | "Refused";

/** The order in which codes name the whole error: the first one present (in this order) becomes its `code`. */
const codePrecedence: readonly ApplyProblemCode[] = [
  "NoHoldingSolution",
  "HoldingNotAllowed",
  "Downgrade",
  "ManagedMismatch",
  "PublisherMismatch",
  "TableOwnedElsewhere",
  "MissingTable",
  "ColumnTypeClash",
  "MissingChoice",
  "MissingLookupTarget",
  "MissingMessage",
  "MissingMessageFilter",
  "MissingEventHandler",
  "NameTaken",
  "EnvironmentVariableTypeClash",
  "Refused",
];

/** One reason to refuse the import. `component` names what it concerns, e.g. "column opportunity.csb_syncstatus". */
export interface ApplyProblem {
  code: ApplyProblemCode;
  component: string;
  message: string;
}

/** The refusal of a solution the organization can't take; nothing was changed. Lists every problem found. */
export class SolutionApplyError extends Error {
  readonly code: ApplyProblemCode;
  readonly problems: readonly ApplyProblem[];

  constructor(solution: string, problems: readonly ApplyProblem[]) {
    const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
    const lines = problems.map((problem, index) => `${index + 1}. ${problem.component}: ${problem.message}`);
    super(
      `The solution '${solution}' can't be imported into this organization (${count}); nothing was changed:\n` +
        lines.join("\n"),
    );
    this.name = "SolutionApplyError";
    this.code = codePrecedence.find((code) => problems.some((problem) => problem.code === code)) ?? "Refused";
    this.problems = problems;
  }
}

/** Collects problems while the import is planned, so that one error can name them all. */
export class ApplyProblems {
  readonly list: ApplyProblem[] = [];

  add(code: ApplyProblemCode, component: string, message: string): void {
    this.list.push({ code, component, message });
  }

  /** Stops the import when anything was found. */
  throwIfAny(solution: string): void {
    if (this.list.length > 0) throw new SolutionApplyError(solution, this.list);
  }
}
