/**
 * A small log of the webhook POSTs the emulator attempted, for the admin API: which step, which URL (without its
 * query string, which carries the key, §3.1), the status and when. The receiver sees the requests themselves; this
 * is for a test or the demo that wants to know what was tried, retries included (§3.4: one more attempt on
 * 502/503/504). It wraps the fetch the webhook caller sends with, so it sees exactly the attempts made.
 */
import type { Clock } from "../shared/clock";
import { urlWithoutQuery } from "./webhooks";

/** One attempted POST. */
export interface WebhookDeliveryEntry {
  /** When the attempt started, by the emulator's clock (ISO 8601). */
  readonly at: string;
  /** `OwningExtension.Id` of the body: the step. */
  readonly stepId: string | null;
  /** `x-ms-dynamics-request-name`, e.g. "Update". */
  readonly message: string | null;
  /** `x-ms-dynamics-entity-name`, e.g. "opportunity". */
  readonly entity: string | null;
  /** `x-ms-correlation-request-id`. */
  readonly correlationId: string | null;
  /** The endpoint URL without query string or fragment. */
  readonly url: string;
  /** The answer's status, or null when none came (timeout, network error, closed). */
  readonly status: number | null;
  /** Why no status came, e.g. "TimeoutError"; null when one did. */
  readonly error: string | null;
}

export class DeliveryLog {
  private entries: WebhookDeliveryEntry[] = [];

  constructor(
    private readonly clock: Clock,
    private readonly maxEntries = 500,
  ) {}

  /** A fetch that records every call it passes on to `inner`. */
  wrap(inner: typeof fetch): typeof fetch {
    return async (input, init) => {
      const at = this.clock.now().toISOString();
      const headers = new Headers(init?.headers);
      const base = {
        at,
        stepId: stepIdOf(init?.body),
        message: headers.get("x-ms-dynamics-request-name"),
        entity: headers.get("x-ms-dynamics-entity-name"),
        correlationId: headers.get("x-ms-correlation-request-id"),
        url: urlWithoutQuery(urlOf(input)),
      };
      try {
        const response = await inner(input, init);
        this.record({ ...base, status: response.status, error: null });
        return response;
      } catch (error) {
        this.record({ ...base, status: null, error: error instanceof Error ? error.name : "Error" });
        throw error;
      }
    };
  }

  /** The attempts, oldest first. */
  list(): readonly WebhookDeliveryEntry[] {
    return [...this.entries];
  }

  clear(): void {
    this.entries = [];
  }

  private record(entry: WebhookDeliveryEntry): void {
    this.entries.push(entry);
    if (this.entries.length > this.maxEntries) this.entries.splice(0, this.entries.length - this.maxEntries);
  }
}

function urlOf(input: Parameters<typeof fetch>[0]): string {
  if (typeof input === "string") return input;
  return input instanceof URL ? input.href : input.url;
}

/** The step id from the body; trimmed bodies (§3.3) keep OwningExtension, so it is always there. */
function stepIdOf(body: RequestInit["body"]): string | null {
  if (!(body instanceof Uint8Array)) return null;
  try {
    const context = JSON.parse(Buffer.from(body).toString("utf8")) as { OwningExtension?: { Id?: unknown } };
    const id = context.OwningExtension?.Id;
    return typeof id === "string" ? id : null;
  } catch {
    return null;
  }
}
