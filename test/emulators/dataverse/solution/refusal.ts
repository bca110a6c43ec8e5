/**
 * Helpers for zips that must be refused: run the reader and return its SolutionImportError (failing the test when the
 * zip is accepted or something else is thrown), and compare the problems it lists with what a test expects.
 */
import { expect } from "vitest";
import {
  readSolutionZip,
  SolutionImportError,
  type ReadSolutionOptions,
  type SolutionProblemCode,
} from "../../../../emulators/dataverse/solution";

/** The error the reader throws for these bytes; fails when it accepts them or throws anything else. */
export function refusalOf(bytes: Uint8Array, options: ReadSolutionOptions = {}): SolutionImportError {
  try {
    readSolutionZip(bytes, options);
  } catch (error) {
    if (error instanceof SolutionImportError) return error;
    throw error;
  }
  throw new Error("the reader accepted a zip it should have refused");
}

/** The codes of the problems, in the order found. */
export function codesOf(error: SolutionImportError): string[] {
  return error.problems.map((problem) => problem.code);
}

/** A problem as a test expects it: its code and part, and text its message contains (or a pattern it matches). */
export interface ExpectedProblem {
  code: SolutionProblemCode;
  part: string;
  says: string | RegExp;
}

/** Checks that the error lists exactly these problems, in this order. */
export function expectProblems(error: SolutionImportError, expected: readonly ExpectedProblem[]): void {
  const found = error.problems.map(({ code, part }) => ({ code, part }));
  expect(found).toEqual(expected.map(({ code, part }) => ({ code, part })));
  expected.forEach(({ says }, index) => {
    const message = error.problems[index]?.message ?? "";
    if (typeof says === "string") expect(message).toContain(says);
    else expect(message).toMatch(says);
  });
}
