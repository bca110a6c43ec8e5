/**
 * Which of core's validation problems stop a sync. Creating a referral must pass all of them (core's
 * validateOpportunityForSync). Updating one is different: the outcome is judged by core's transitions instead (a Won
 * or Lost opportunity is not "closed at creation"), a closed deal's close date may lie in the past, and a problem
 * about a field that is not being sent would block every other update for nothing, so only problems about the
 * fields being sent (and the help, sharing, solution and contact rules that go together) count.
 */
import {
  validateOpportunityForSync,
  type FieldMapping,
  type MappedField,
  type OpportunitySnapshot,
  type ValidationCode,
  type ValidationProblem,
} from "../../core";

const outcomeCodes: readonly ValidationCode[] = ["wonTooSoon", "closedAtCreation"];
/** Rules about co-selling that hold together: any of these fields changing makes all of them relevant. */
const coSellCodes: readonly ValidationCode[] = ["helpNeedsSharing", "contactMissing", "solutionMissing"];
const coSellFields: readonly MappedField[] = ["helpRequested", "sharedWithMicrosoft", "solutions"];

export function problemsForCreate(
  snapshot: OpportunitySnapshot,
  mapping: FieldMapping,
  now: Date,
): ValidationProblem[] {
  return validateOpportunityForSync(snapshot, mapping, { now });
}

export function problemsForUpdate(
  snapshot: OpportunitySnapshot,
  mapping: FieldMapping,
  now: Date,
  sending: readonly MappedField[],
  closed: boolean,
): ValidationProblem[] {
  const coSellChanging = sending.some((field) => coSellFields.includes(field));
  return validateOpportunityForSync(snapshot, mapping, { now }).filter((problem) => {
    if (outcomeCodes.includes(problem.code)) return false;
    if (problem.code === "closeDateInPast" && closed) return false;
    if (coSellCodes.includes(problem.code) && coSellChanging) return true;
    return sending.includes(problem.field);
  });
}

/** One sentence listing the problems, for the audit line. */
export function describeProblems(problems: readonly ValidationProblem[]): string {
  return `Not sent to Partner Center: ${problems.map((problem) => problem.message).join(" ")}`;
}
