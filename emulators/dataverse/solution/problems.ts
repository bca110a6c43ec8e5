/**
 * What can be wrong with a solution zip, and the one error that reports all of it. Every message is written for the
 * admin who tried to import the solution: it names the part, says what is wrong and what to do about it.
 */

/** Why a solution zip was refused, from the outermost layer (the zip container) to the cross-checks between parts. */
export type SolutionProblemCode =
  /** The bytes are not a zip, or an entry has an unsafe name, or the zip exceeds a size limit. */
  | "InvalidZip"
  /** solution.xml, customizations.xml or [Content_Types].xml is not in the zip. */
  | "MissingPart"
  /** An XML part is not well-formed, not UTF-8, or has the wrong root element. */
  | "MalformedXml"
  /** solution.xml does not describe the solution correctly (name, version, managed flag, publisher). */
  | "InvalidManifest"
  /** A component in customizations.xml or its own files breaks a rule of the format. */
  | "InvalidComponent"
  /** A secret (a webhook key, a secret environment variable value) travels inside the solution. */
  | "SecretInSolution"
  /** A file that a component names is not in the zip. */
  | "MissingFile"
  /** The parts disagree: a root component without its part, a part without its root component, and the like. */
  | "ComponentMismatch";

/**
 * The order in which codes name the whole error: the first code (in this order) among the problems found becomes
 * `SolutionImportError.code`. A secret comes before the content checks because it is the one an admin must act on.
 */
export const problemCodePrecedence: readonly SolutionProblemCode[] = [
  "InvalidZip",
  "MissingPart",
  "MalformedXml",
  "SecretInSolution",
  "InvalidManifest",
  "InvalidComponent",
  "MissingFile",
  "ComponentMismatch",
];

/** One reason to refuse the zip. `part` is the zip entry it concerns, or "(zip)" for the container itself. */
export interface SolutionProblem {
  code: SolutionProblemCode;
  part: string;
  message: string;
}

/** A finding that does not stop the import but that an admin or the packer should know about. */
export interface SolutionWarning {
  part: string;
  message: string;
}

/** The `part` of findings about the zip container rather than one of its entries. */
export const zipContainerPart = "(zip)";

/** The refusal of a solution zip, listing every problem found, not just the first. */
export class SolutionImportError extends Error {
  readonly code: SolutionProblemCode;
  readonly problems: readonly SolutionProblem[];

  constructor(problems: readonly SolutionProblem[]) {
    const code = problemCodePrecedence.find((candidate) => problems.some((problem) => problem.code === candidate));
    const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
    const lines = problems.map((problem, index) => `${index + 1}. ${problem.part}: ${problem.message}`);
    super(`The solution can't be imported (${count}):\n${lines.join("\n")}`);
    this.name = "SolutionImportError";
    this.code = code ?? "InvalidZip";
    this.problems = problems;
  }
}

/** Collects problems and warnings while the parts are read, so that one error can name them all at the end. */
export class Findings {
  readonly problems: SolutionProblem[] = [];
  readonly warnings: SolutionWarning[] = [];

  problem(code: SolutionProblemCode, part: string, message: string): void {
    this.problems.push({ code, part, message });
  }

  warn(part: string, message: string): void {
    this.warnings.push({ part, message });
  }

  get hasProblems(): boolean {
    return this.problems.length > 0;
  }

  /** Stops the import here when anything was found so far; used where later steps need what failed. */
  throwIfAny(): void {
    if (this.hasProblems) throw new SolutionImportError(this.problems);
  }
}
