/**
 * How a service method says "no" in a way the caller should see: not found, a conflict with the record's state,
 * invalid input, or briefly unavailable. Anything else a service throws is logged and answered with a 500.
 */

/** not-found → 404, conflict → 409, invalid → 422, unavailable → 503 with Retry-After. */
export type RefusalKind = "not-found" | "conflict" | "invalid" | "unavailable";

/** An expected refusal from a service method, shown to the caller as `{ error: { code, message, whatToDo } }`. */
export class ServiceRefusal extends Error {
  override readonly name = "ServiceRefusal";
  /** Stable code for the form, e.g. "referral_not_inbound"; defaults to the kind with underscores. */
  readonly code: string;
  readonly retryAfterSeconds: number | null;

  constructor(
    readonly kind: RefusalKind,
    message: string,
    readonly whatToDo: string,
    options: { readonly code?: string; readonly retryAfterSeconds?: number; readonly cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.code = options.code ?? kind.replace("-", "_");
    this.retryAfterSeconds = options.retryAfterSeconds ?? null;
  }
}
