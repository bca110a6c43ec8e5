/**
 * The HTTP side of DataverseAdminClient: one JSON request, and a typed error that keeps the status and the parsed
 * body of a refusal (`{"error":{"code","message"}}`) so a test can assert on either.
 */

/** A refusal from the admin API (or the emulator behind it). */
export class DataverseAdminError extends Error {
  /** The HTTP status, e.g. 404 or 409. */
  readonly status: number;
  /** The parsed JSON body, or the raw text when it is not JSON. */
  readonly body: unknown;

  constructor(method: string, path: string, status: number, body: unknown) {
    super(`${method} ${path} answered ${status}: ${describeBody(body)}`);
    this.name = "DataverseAdminError";
    this.status = status;
    this.body = body;
  }
}

/** How to reach the admin API. */
export interface AdminTransportOptions {
  /** Sent as `x-emulator-admin-key` when the emulator was started with an adminKey. */
  readonly adminKey?: string;
  /** Default the global fetch. */
  readonly fetch?: typeof fetch;
}

/** Sends admin requests to one emulator. */
export class AdminTransport {
  private readonly fetchImpl: typeof fetch;
  private readonly headers: Readonly<Record<string, string>>;

  constructor(
    readonly baseUrl: string,
    options: AdminTransportOptions = {},
  ) {
    this.fetchImpl = options.fetch ?? globalThis.fetch;
    this.headers = options.adminKey === undefined ? {} : { "x-emulator-admin-key": options.adminKey };
  }

  /**
   * Sends one request and returns the parsed JSON body (undefined for 204).
   * @throws DataverseAdminError for any status of 400 or more.
   */
  async send<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: "application/json", ...this.headers };
    if (body !== undefined) headers["content-type"] = "application/json";
    const response = await this.fetchImpl(`${this.baseUrl.replace(/\/+$/, "")}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    const parsed = parseBody(text);
    if (response.status >= 400) throw new DataverseAdminError(method, path, response.status, parsed);
    return parsed as T;
  }
}

function parseBody(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function describeBody(body: unknown): string {
  if (typeof body === "object" && body !== null && "error" in body) {
    const { error } = body as { error: { message?: unknown } };
    return String(error.message);
  }
  if (typeof body === "string") return body.slice(0, 200);
  return body === undefined ? "no body" : JSON.stringify(body);
}
