/**
 * A small fetch wrapper for the emulators' HTTP tests that keeps status, headers, raw text and parsed body.
 */

/** What a call returned. `body` is parsed JSON, the text when it is not JSON, undefined when empty. */
export interface CallResult {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
  readonly text: string;
}

/** The bearer token, body and extra headers of a call. */
export interface CallOptions {
  readonly token?: string;
  /** Sent as is when a string, as JSON otherwise; it makes `content-type` default to application/json. */
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

/** One HTTP request to an emulator, through fetch; `path` is relative to the emulator's URL. */
export async function call(
  emulator: { url: string },
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<CallResult> {
  const headers: Record<string, string> = { accept: "application/json", ...options.headers };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers["content-type"] ??= "application/json";
  const response = await fetch(`${emulator.url}${path}`, {
    method,
    headers,
    ...(options.body === undefined
      ? {}
      : { body: typeof options.body === "string" ? options.body : JSON.stringify(options.body) }),
  });
  const text = await response.text();
  let body: unknown = undefined;
  if (text !== "") {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  return { status: response.status, headers: response.headers, body, text };
}

/** A JSON object from a call, failing the test when the body is something else. */
export function objectOf(result: CallResult): Record<string, unknown> {
  if (typeof result.body !== "object" || result.body === null || Array.isArray(result.body)) {
    throw new Error(`expected a JSON object, got ${result.status} ${result.text}`);
  }
  return result.body as Record<string, unknown>;
}
