/**
 * From raw request bytes to a JSON value: media type, size and encoding checks before anything is parsed.
 * Dataverse posts the RemoteExecutionContext as JSON (dataverse.md §3.3) and trims bodies above 256 KB itself,
 * sending `x-ms-dynamics-msg-size-exceeded` instead, so a much larger body did not come from Dataverse.
 */
import { IntakeError } from "./errors";
import { headerValue, type RequestHeaders } from "./request-headers";

/** 1 MiB: four times the size at which Dataverse trims (§3.3), leaving room for multi-byte text and headers. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** How the body is read. */
export interface BodyLimits {
  /** Bodies above this many bytes get 413. Default DEFAULT_MAX_BODY_BYTES. */
  readonly maxBodyBytes?: number;
}

const ACCEPTED_CHARSETS = new Set(["utf-8", "utf8"]);

function unquoted(value: string): string {
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
}

/**
 * Throws IntakeError 415 unless `content-type` is `application/json` with no charset or a UTF-8 one. Needs only the
 * headers, so the HTTP layer may call it before it reads the body.
 */
export function checkContentType(headers: RequestHeaders): void {
  const contentType = headerValue(headers, "content-type");
  const [mediaType = "", ...parameters] = (contentType ?? "").split(";").map((part) => part.trim());
  if (mediaType.toLowerCase() !== "application/json") {
    const got = contentType === undefined ? "no content-type" : `content-type '${contentType}'`;
    throw new IntakeError(415, "unsupported_media_type", `expected application/json, got ${got}`);
  }
  for (const parameter of parameters) {
    const [name = "", value = ""] = parameter.split("=", 2).map((part) => part.trim());
    if (name.toLowerCase() === "charset" && !ACCEPTED_CHARSETS.has(unquoted(value).toLowerCase())) {
      throw new IntakeError(415, "unsupported_media_type", `expected a UTF-8 JSON body, got charset '${value}'`);
    }
  }
}

function maxBytesOf(limits: BodyLimits): number {
  const max = limits.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (!Number.isSafeInteger(max) || max <= 0) throw new RangeError("maxBodyBytes must be a positive integer");
  return max;
}

/** One decoder for every request: decode() without `stream` keeps no state between calls. */
const UTF8 = new TextDecoder("utf-8", { fatal: true });

function decodeUtf8(rawBody: Buffer): string {
  try {
    // The decoder drops a leading byte order mark, which some .NET writers emit.
    return UTF8.decode(rawBody);
  } catch {
    throw new IntakeError(400, "invalid_body", "the body is not valid UTF-8");
  }
}

/**
 * Checks the content type and size of `rawBody` and parses it as JSON. Throws IntakeError 415, 413 (naming the
 * limit) or 400 (empty, not UTF-8, not JSON). The parser's message is left out of the 400: it quotes the body.
 */
export function readJsonBody(rawBody: Buffer, headers: RequestHeaders, limits: BodyLimits = {}): unknown {
  checkContentType(headers);
  const maxBytes = maxBytesOf(limits);
  if (rawBody.byteLength > maxBytes) {
    throw new IntakeError(
      413,
      "payload_too_large",
      `the body is ${rawBody.byteLength} bytes, above the limit of ${maxBytes}; ` +
        "Dataverse trims webhook bodies above 256 KB, so this did not come from Dataverse",
    );
  }
  const text = decodeUtf8(rawBody);
  if (text.trim() === "") throw new IntakeError(400, "invalid_body", "the body is empty; expected JSON");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new IntakeError(400, "invalid_body", "the body is not valid JSON");
  }
}
