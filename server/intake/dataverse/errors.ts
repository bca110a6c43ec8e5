/**
 * The one error type of the Dataverse webhook intake. The HTTP layer renders it as `{ "error": { "code", "message" } }`
 * with `status`; nothing is enqueued when one is thrown. Dataverse itself ignores the response body and only looks
 * at the status (dataverse.md §3.4), so the body is for people reading the System Job or the service's logs.
 */

/** The HTTP statuses the intake answers with; 500 only for a service that has no webhook key configured. */
export type IntakeErrorStatus = 400 | 401 | 413 | 415 | 500;

/** Stable, machine-readable codes; the message says what to fix. */
export type IntakeErrorCode =
  | "webhook_key_missing"
  | "webhook_key_mismatch"
  | "webhook_key_not_configured"
  | "unsupported_media_type"
  | "payload_too_large"
  | "invalid_body"
  | "not_an_execution_context"
  | "header_body_mismatch";

/** The JSON body the HTTP layer sends with an IntakeError. */
export interface IntakeErrorBody {
  readonly error: { readonly code: IntakeErrorCode; readonly message: string };
}

/** A request the intake refuses. Messages never contain the webhook key. */
export class IntakeError extends Error {
  override readonly name = "IntakeError";

  constructor(
    readonly status: IntakeErrorStatus,
    readonly code: IntakeErrorCode,
    message: string,
  ) {
    super(message);
  }

  /** The response body: `{ "error": { "code", "message" } }`. */
  toResponseBody(): IntakeErrorBody {
    return { error: { code: this.code, message: this.message } };
  }
}

/** A 400 for a body that parses as JSON but is not a RemoteExecutionContext; `detail` names the member. */
export function notAnExecutionContext(detail: string): IntakeError {
  return new IntakeError(400, "not_an_execution_context", `the body is not a RemoteExecutionContext: ${detail}`);
}
