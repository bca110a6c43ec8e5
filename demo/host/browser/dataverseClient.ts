/**
 * The page's calls to Dataverse's Web API, through the host's same-origin proxy (which adds the seller's token), and
 * Dataverse's errors as PCF's webAPI reports them: `errorCode` (the hex code as a number), `code` and `message`.
 */
import { HOST_ROUTES } from "../shared/hostConfig";

/** A refused Web API call, shaped like PCF's ErrorResponse so a control reads it the same way. */
export class WebApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly errorCode: number,
  ) {
    super(message);
    this.name = "WebApiError";
  }
}

export interface WebApiAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Record<string, unknown> | null;
}

/** Formatted values and lookup names come with every read, as Xrm.WebApi and PCF's webAPI ask for them. */
const READ_PREFERENCE = 'odata.include-annotations="*"';

export async function callWebApi(
  method: "GET" | "POST" | "PATCH" | "DELETE",
  path: string,
  options: { readonly body?: unknown; readonly prefer?: readonly string[]; readonly ifMatch?: string } = {},
): Promise<WebApiAnswer> {
  const headers: Record<string, string> = {
    accept: "application/json",
    "odata-version": "4.0",
    "odata-maxversion": "4.0",
    prefer: [READ_PREFERENCE, ...(options.prefer ?? [])].join(","),
  };
  if (options.body !== undefined) headers["content-type"] = "application/json; charset=utf-8";
  if (options.ifMatch !== undefined) headers["if-match"] = options.ifMatch;
  let response: Response;
  try {
    response = await fetch(`${HOST_ROUTES.webApi}${path.replace(/^\/+/, "")}`, {
      method,
      headers,
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
  } catch (error) {
    throw new WebApiError(`The page could not reach the host: ${String(error)}. Check that it still runs.`, 0, "", 0);
  }
  const text = await response.text();
  const body = jsonObjectOf(text);
  if (!response.ok) throw errorOf(response.status, body, text);
  return { status: response.status, headers: response.headers, body };
}

function jsonObjectOf(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function errorOf(status: number, body: Record<string, unknown> | null, text: string): WebApiError {
  const error = (body?.error ?? {}) as { code?: unknown; message?: unknown };
  const code = typeof error.code === "string" ? error.code : "";
  const fallback = text.trim() === "" ? `Dataverse answered ${status}.` : text.trim();
  const message = typeof error.message === "string" ? error.message : fallback;
  const errorCode = /^0x[0-9a-f]+$/i.test(code) ? Number.parseInt(code, 16) : status;
  return new WebApiError(message, status, code, errorCode);
}
