/**
 * Errors of the local Partner Center, in the generic Partner Center error body (shared/reference/partner-center.md
 * §1.7): `{ code, description (at most 1024 characters), data: [...], source }`. The HTTP layer turns a thrown
 * PartnerCenterError into a response with `httpStatus` and `body`, so every description must make sense on its own.
 */

/** The `source` of every error body, so a developer can tell the emulator's answers from anything else. */
export const errorSource = "PartnerCenterEmulator";

/** Partner Center limits `description` to 1024 characters (§1.7). */
export const maxDescriptionLength = 1024;

/** The error codes this emulator uses. "2055" is Partner Center's own code for a stale eTag (§1.6). */
export type PartnerCenterErrorCode =
  | "InvalidInput"
  | "InvalidQuery"
  | "InvalidSkipToken"
  | "InvalidPatch"
  | "ReadOnlyField"
  | "IfMatchRequired"
  | "PreconditionFailed"
  | "Conflict"
  | "2055"
  | "InvalidStatusTransition"
  | "ReferralClosed"
  | "NotFound"
  | "EngagementNotFound"
  | "MicrosoftReferralExists"
  | "OwnedByMicrosoft"
  | "SolutionExists";

/** The JSON body Partner Center sends with an error. */
export interface PartnerCenterErrorBody {
  code: string;
  description: string;
  data: unknown[];
  source: typeof errorSource;
}

/** A refusal of the emulated service: what the HTTP layer should answer, with which status and body. */
export class PartnerCenterError extends Error {
  readonly httpStatus: number;
  readonly body: PartnerCenterErrorBody;

  constructor(httpStatus: number, code: PartnerCenterErrorCode, description: string, data: unknown[] = []) {
    const bounded =
      description.length <= maxDescriptionLength ? description : `${description.slice(0, maxDescriptionLength - 1)}…`;
    super(bounded);
    this.name = "PartnerCenterError";
    this.httpStatus = httpStatus;
    this.body = { code, description: bounded, data, source: errorSource };
  }

  get code(): string {
    return this.body.code;
  }
}

/** One problem with a request body, named by its dotted field path (e.g. `customerProfile.address.country`). */
export interface FieldProblem {
  field: string;
  message: string;
}

/** A 400 for a body that breaks one or more rules; the description lists them all, the data holds them one by one. */
export function invalidInput(problems: readonly FieldProblem[]): PartnerCenterError {
  const sentences = problems.map((problem) => problem.message);
  return new PartnerCenterError(400, "InvalidInput", sentences.join(" "), [...problems]);
}

export function referralNotFound(id: string): PartnerCenterError {
  return new PartnerCenterError(404, "NotFound", `No referral has the id '${id}'.`, [{ id }]);
}
