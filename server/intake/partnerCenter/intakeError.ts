/**
 * The one error type of Partner Center webhook intake. The HTTP layer answers with `status` and may show `code` and
 * `message`; no message ever contains a signature or other header secret. The statuses follow the sample receiver of
 * shared/reference/partner-center.md §2.4 (401 for anything about the signature or certificate, 400 for a missing
 * certificate URL or algorithm header); 503 means "try again later", which Partner Center does up to 10 times (§2.5).
 */

/** Why a delivery was refused; stable for logs, metrics and tests. */
export type IntakeErrorCode =
  | "missing-signature"
  | "invalid-signature-header"
  | "missing-certificate-url"
  | "invalid-certificate-url"
  | "missing-signature-algorithm"
  | "unsupported-signature-algorithm"
  | "duplicate-header"
  | "certificate-url-not-allowed"
  | "certificate-unavailable"
  | "certificate-invalid"
  | "certificate-expired"
  | "certificate-untrusted"
  | "signature-mismatch"
  | "invalid-json"
  | "invalid-event";

/** The HTTP statuses intake answers with. */
export type IntakeStatus = 400 | 401 | 503;

/** A refused webhook delivery: answer `status`, log `code` and `message`. */
export class IntakeError extends Error {
  override readonly name = "IntakeError";
  readonly status: IntakeStatus;
  readonly code: IntakeErrorCode;

  constructor(status: IntakeStatus, code: IntakeErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.status = status;
    this.code = code;
  }

  /** True when the sender should retry: the failure was on our side or in transit, not in the delivery. */
  get retryable(): boolean {
    return this.status >= 500;
  }
}
