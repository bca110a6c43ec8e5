/**
 * Webhook calls as the emulators really sent them: a fetch that records each one (URL, headers, exact body bytes)
 * before passing it on, and a replay of a recorded call, as is or tampered with.
 */

/** One webhook POST as an emulator sent it. */
export interface CapturedWebhook {
  /** The full URL, query string (Dataverse's ?code=) included. */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
  /** The receiver's status, or null when no answer came (the service was down). */
  status: number | null;
}

export interface WebhookCapture {
  readonly dataverse: CapturedWebhook[];
  readonly partnerCenter: CapturedWebhook[];
}

function headersOf(init: HeadersInit | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  new Headers(init).forEach((value, name) => {
    headers[name] = value;
  });
  return headers;
}

/** A fetch that records every call before passing it on. */
export function capturingFetch(into: CapturedWebhook[]): typeof fetch {
  return async (input, init) => {
    // Both emulators send their bodies as a Uint8Array.
    const body = init?.body instanceof Uint8Array ? Buffer.from(init.body) : Buffer.alloc(0);
    const url = input instanceof Request ? input.url : String(input);
    const entry: CapturedWebhook = {
      url,
      headers: headersOf(init?.headers),
      body,
      status: null,
    };
    into.push(entry);
    const response = await fetch(input, init);
    entry.status = response.status;
    return response;
  };
}

/** Headers a replay must not copy: the connection's own. */
const CONNECTION_HEADERS = new Set(["host", "content-length", "connection", "transfer-encoding", "keep-alive"]);

/** POSTs a captured webhook again, to its URL or `changes.url`, with headers changed or removed (undefined). */
export function replayWebhook(
  webhook: CapturedWebhook,
  changes: {
    readonly url?: string;
    readonly headers?: Readonly<Record<string, string | undefined>>;
    readonly body?: Buffer;
  } = {},
): Promise<Response> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(webhook.headers)) {
    if (!CONNECTION_HEADERS.has(name)) headers[name] = value;
  }
  for (const [name, value] of Object.entries(changes.headers ?? {})) {
    if (value === undefined) Reflect.deleteProperty(headers, name);
    else headers[name] = value;
  }
  return fetch(changes.url ?? webhook.url, {
    method: "POST",
    headers,
    body: Uint8Array.from(changes.body ?? webhook.body),
  });
}
