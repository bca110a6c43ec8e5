import type { Clock } from "../shared/clock";

/** The `error` values Azure AD v2 uses on its token endpoint. */
export type AadErrorName =
  | "invalid_request"
  | "invalid_client"
  | "invalid_grant"
  | "invalid_scope"
  | "invalid_resource"
  | "unauthorized_client"
  | "unsupported_grant_type";

/** The JSON body of a token endpoint error, shaped like Azure AD's. */
export interface AadErrorBody {
  readonly error: AadErrorName;
  readonly error_description: string;
  readonly error_codes: readonly number[];
  readonly timestamp: string;
  readonly trace_id: string;
  readonly correlation_id: string;
}

/**
 * A refusal from the token endpoint, with the AADSTS number real clients match on. The description is sent to the
 * caller as `AADSTS<code>: <description>`: it may name a client id, never a secret.
 */
export class AadError extends Error {
  readonly status: 400 | 401;
  readonly error: AadErrorName;
  readonly aadsts: number;

  constructor(error: AadErrorName, aadsts: number, description: string) {
    super(description);
    this.name = "AadError";
    this.error = error;
    this.aadsts = aadsts;
    // Azure AD answers a failed client authentication with 401 and every other refusal with 400.
    this.status = error === "invalid_client" ? 401 : 400;
  }
}

/** A missing form parameter, worded as Azure AD words it (AADSTS900144). */
export function missingParameter(name: string): AadError {
  return new AadError("invalid_request", 900144, `The request body must contain the following parameter: '${name}'.`);
}

/** Renders an AadError for the wire; ids come from the issuer's IdGenerator. */
export function aadErrorBody(error: AadError, clock: Clock, traceId: string, correlationId: string): AadErrorBody {
  // Azure AD writes "2026-01-01 00:00:00Z": ISO 8601 with a space and no fraction.
  const timestamp = clock
    .now()
    .toISOString()
    .replace("T", " ")
    .replace(/\.\d+Z$/, "Z");
  return {
    error: error.error,
    error_description: `AADSTS${error.aadsts}: ${error.message}`,
    error_codes: [error.aadsts],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
  };
}
