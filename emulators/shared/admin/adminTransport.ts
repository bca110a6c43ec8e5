/**
 * The HTTP side of the emulators' admin clients: one JSON request, and a typed error that keeps the status and the
 * parsed body of a refusal so a test can assert on either. Each emulator subclasses the error under its own name and
 * says where its error shape keeps the message.
 */
import { ADMIN_KEY_HEADER } from "./adminTypes";

/** The message of a refusal in the emulator's error shape, or undefined when the body is not in that shape. */
export type RefusalMessageReader = (body: object) => string | undefined;

/** A refusal from an emulator's admin API (or the emulator behind it). */
export class EmulatorAdminError extends Error {
  /** The HTTP status, e.g. 404 or 409. */
  readonly status: number;
  /** The parsed JSON body, or the raw text when it is not JSON. */
  readonly body: unknown;

  constructor(method: string, path: string, status: number, body: unknown, readMessage: RefusalMessageReader) {
    super(`${method} ${path} answered ${status}: ${describeBody(body, readMessage)}`);
    this.name = "EmulatorAdminError";
    this.status = status;
    this.body = body;
  }
}

/** The emulator's own EmulatorAdminError subclass, which the transport throws for a refusal. */
export type AdminErrorClass = new (method: string, path: string, status: number, body: unknown) => EmulatorAdminError;

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
    private readonly refusal: AdminErrorClass,
    options: AdminTransportOptions = {},
  ) {
    this.fetchImpl = options.fetch ?? globalThis.fetch;
    this.headers = options.adminKey === undefined ? {} : { [ADMIN_KEY_HEADER]: options.adminKey };
  }

  /**
   * Sends one request and returns the parsed JSON body (undefined for 204).
   * @throws the emulator's EmulatorAdminError subclass for any status of 400 or more.
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
    if (response.status >= 400) throw new this.refusal(method, path, response.status, parsed);
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

function describeBody(body: unknown, readMessage: RefusalMessageReader): string {
  const message = typeof body === "object" && body !== null ? readMessage(body) : undefined;
  if (message !== undefined) return message;
  if (typeof body === "string") return body.slice(0, 200);
  return body === undefined ? "no body" : JSON.stringify(body);
}
