/**
 * Reads an error answer, whatever shape the API uses:
 * - Dataverse (dataverse.md §4.4): `{"error":{"code":"0x80060882","message":"..."}}`;
 * - Partner Center (partner-center.md §1.7): `{"code":"2055","description":"...","data":[],"source":"..."}`,
 *   and its throttling body `{"statusCode":429,"message":"Rate limit is exceeded. ..."}`;
 * - Azure AD's token endpoint: `{"error":"invalid_grant","error_description":"AADSTS...","error_codes":[50173]}`.
 */

export interface ErrorDetails {
  readonly code: string | null;
  readonly message: string | null;
}

/** Long enough for any real error text; a whole HTML error page is cut. */
const MAX_MESSAGE_LENGTH = 600;

export function readErrorBody(body: unknown): ErrorDetails {
  if (typeof body === "string") return { code: null, message: clip(body) };
  if (!isRecord(body)) return { code: null, message: null };
  const { error } = body;
  if (isRecord(error)) return { code: text(error.code), message: clip(text(error.message)) };
  if (typeof error === "string") {
    const aadCode = Array.isArray(body.error_codes) ? text(body.error_codes[0]) : null;
    return {
      code: aadCode === null ? error : `AADSTS${aadCode}`,
      message: clip(text(body.error_description) ?? error),
    };
  }
  const message = text(body.description) ?? text(body.message);
  return { code: text(body.code), message: clip(message) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A non-empty string or number as text; anything else is absent. */
function text(value: unknown): string | null {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

function clip(message: string | null): string | null {
  if (message === null) return null;
  const oneLine = message.replace(/\s+/g, " ").trim();
  if (oneLine === "") return null;
  return oneLine.length <= MAX_MESSAGE_LENGTH ? oneLine : `${oneLine.slice(0, MAX_MESSAGE_LENGTH - 1)}…`;
}
