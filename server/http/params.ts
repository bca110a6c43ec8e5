/**
 * Checks of path parameters and small request bodies. Each failure is a 400 naming the parameter, what was wrong and
 * what a valid value looks like; the value itself is echoed only when short and harmless.
 */
import { HttpProblem } from "./problem";

const GUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
/** A GUID, optionally in braces as Xrm's `getId()` returns it. */
const GUID_PARAMETER = new RegExp(`^(?:\\{(${GUID})\\}|(${GUID}))$`);
const FULL_GUID = new RegExp(`^${GUID}$`);
/** Referral and job ids: GUIDs in practice (partner-center.md §1.3), but only the shape of one path segment is sure. */
const OPAQUE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/;

/** Shows a value in a message only when it cannot carry anything surprising. */
function shown(value: string): string {
  return value.length <= 80 && /^[\x20-\x7e]*$/.test(value) ? `'${value}'` : "the value given";
}

/** The opportunity id of a path, lower-cased and without braces. @throws HttpProblem 400 invalid_opportunity_id */
export function opportunityIdParameter(value: string): string {
  const match = GUID_PARAMETER.exec(value);
  const id = match?.[1] ?? match?.[2];
  if (id === undefined) {
    throw new HttpProblem(
      400,
      "invalid_opportunity_id",
      `the opportunity id must be a GUID such as 6d81597f-0f9f-e711-8122-000d3aa2331c; got ${shown(value)}`,
      "Send the opportunityid of the Dataverse row (without braces, or with both).",
    );
  }
  return id.toLowerCase();
}

function opaqueId(value: string, what: "referral" | "job", example: string): string {
  if (!OPAQUE_ID.test(value)) {
    throw new HttpProblem(
      400,
      `invalid_${what}_id`,
      `the ${what} id must be 1 to 200 letters, digits, '.', '_', ':' or '-', such as ${example}; got ${shown(value)}`,
      `Send the ${what} id exactly as the service or Partner Center gave it.`,
    );
  }
  return FULL_GUID.test(value) ? value.toLowerCase() : value;
}

/** A Partner Center referral id. @throws HttpProblem 400 invalid_referral_id */
export function referralIdParameter(value: string): string {
  return opaqueId(value, "referral", "5a5e8d95-8e8b-4b7b-a3c4-2d7f0b6f8e61");
}

/** A queue job id. @throws HttpProblem 400 invalid_job_id */
export function jobIdParameter(value: string): string {
  return opaqueId(value, "job", "0b2a8a4e-3f6c-4f55-9f65-7c2a1d9e3b10");
}

/** Longest decline reason kept; Partner Center's own notes fields are of this order. */
export const MAX_DECLINE_REASON_LENGTH = 1000;

/**
 * The `reason` of a decline body (`{ "reason"?: string | null }`; no body at all is fine).
 * @throws HttpProblem 400 invalid_body
 */
export function declineReason(body: unknown): string | null {
  if (body === undefined || body === null) return null;
  const refuse = (message: string): never => {
    throw new HttpProblem(400, "invalid_body", message, 'Send { "reason": "<why>" }, or no body at all.');
  };
  if (typeof body !== "object" || Array.isArray(body)) return refuse("the body must be a JSON object");
  const unknown = Object.keys(body).filter((key) => key !== "reason");
  if (unknown.length > 0) refuse(`the body may only have 'reason'; it also has ${unknown.join(", ")}`);
  const reason = (body as { reason?: unknown }).reason;
  if (reason === undefined || reason === null) return null;
  if (typeof reason !== "string") return refuse("'reason' must be a string");
  const trimmed = reason.trim();
  if (trimmed.length > MAX_DECLINE_REASON_LENGTH) {
    refuse(`'reason' has ${trimmed.length} characters; at most ${MAX_DECLINE_REASON_LENGTH} are kept`);
  }
  return trimmed === "" ? null : trimmed;
}

/** The `limit` query parameter: 1 to `max`, default `fallback`. @throws HttpProblem 400 invalid_limit */
export function limitParameter(value: unknown, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const limit = typeof value === "string" && /^\d{1,6}$/.test(value) ? Number(value) : Number.NaN;
  if (!(limit >= 1 && limit <= max)) {
    throw new HttpProblem(400, "invalid_limit", `limit must be a whole number from 1 to ${max}`, "Fix the limit.");
  }
  return limit;
}
