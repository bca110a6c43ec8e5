/**
 * `whatToDo(error)`: any error the engine meets, turned into a catalogue entry with the problem in plain words.
 * API errors are sorted by HTTP status (apiError.ts: 408/425/429/5xx/network are retryable) and, for Partner
 * Center's 400s, by the field its message names (partner-center.md §1.7: the body's description names the field).
 */
import { ApiError } from "../apiError";
import { whatToDoCatalogue, type WhatToDoCode } from "./catalogue";
import { SyncError } from "./syncError";

export interface Advice {
  readonly code: WhatToDoCode;
  /** What went wrong, in plain words; never contains a secret. */
  readonly problem: string;
  readonly whatToDo: string;
  readonly retryable: boolean;
  readonly retryAfterMs: number | null;
  readonly httpStatus: number;
}

/** What the engine knows about the deal when the error happened, to name the offending value. */
export interface AdviceContext {
  readonly customerCountry?: string | null;
  readonly currency?: string | null;
}

const maxProblemLength = 400;

export function whatToDo(error: unknown, context: AdviceContext = {}): Advice {
  if (error instanceof SyncError) return advice(error.code, error.message, error.retryAfterMs);
  if (error instanceof ApiError) return adviceOfApiError(error, context);
  const message = error instanceof Error ? error.message : String(error);
  return advice("unexpected", `Unexpected error: ${message}`);
}

/** The same advice as a SyncError, which carries the queue's RetryHint. */
export function toSyncError(error: unknown, context: AdviceContext = {}): SyncError {
  if (error instanceof SyncError) return error;
  const found = whatToDo(error, context);
  return new SyncError(found.code, found.problem, { retryAfterMs: found.retryAfterMs, cause: error });
}

function adviceOfApiError(error: ApiError, context: AdviceContext): Advice {
  const side = error.api === "dataverse" ? "Dynamics" : "Partner Center";
  const detail = `${side} answered ${error.status === 0 ? "nothing" : `HTTP ${error.status}`}: ${error.message}`;
  if (error.api === "tokens") return advice("serviceSignIn", detail, error.retryAfterMs);
  if (error.retryable) {
    // A generic line, so that repeated retries write the same audit line once (audit.ts) instead of churning.
    const answer = error.status === 0 ? "did not answer" : `answered HTTP ${error.status}`;
    const problem = `${side} ${answer}; the sync will be retried.`;
    return advice(error.api === "dataverse" ? "dataverseBusy" : "partnerCenterBusy", problem, error.retryAfterMs);
  }
  if (error.status === 401 || error.status === 403) {
    return advice(error.api === "dataverse" ? "dataverseAccess" : "partnerCenterAccess", detail);
  }
  if (error.status === 412 || error.status === 409) return advice("concurrentChange", detail);
  if (error.api === "dataverse" && error.code === "CurrencyNotFound") return advice("currencyMissing", error.message);
  if (error.api === "dataverse") {
    return advice(error.status === 404 ? "opportunityMissing" : "dataverseRefused", detail);
  }
  if (error.status === 404) return advice("referralMissing", detail);
  return adviceOfPartnerCenterRefusal(error, context);
}

/** A 4xx from Partner Center: which field it refused decides the advice. */
function adviceOfPartnerCenterRefusal(error: ApiError, context: AdviceContext): Advice {
  const text = `${error.code ?? ""} ${error.message}`;
  if (/ReferralClosed|terminal state/i.test(text)) return advice("referralClosed", refused(error));
  if (/InvalidStatusTransition/i.test(text)) {
    return advice(text.includes("72 hours") ? "wonTooSoon" : "transitionRefused", refused(error));
  }
  if (/country/i.test(text)) {
    const country = /country[^;]*;\s*got\s+"?([^".\s]*)/i.exec(error.message)?.[1] ?? context.customerCountry ?? "";
    return advice("countryRefused", `Partner Center refused the customer's country '${country}'.`);
  }
  if (/currency/i.test(text)) {
    return advice("currencyRefused", `Partner Center refused the currency '${context.currency ?? ""}'.`);
  }
  if (/dealValue/i.test(text)) return advice("dealValueRefused", refused(error));
  if (/solution/i.test(text)) return advice("solutionRefused", refused(error));
  if (/closingDateTime/i.test(text)) return advice("closeDateRefused", refused(error));
  return advice("partnerCenterRefused", refused(error));
}

function refused(error: ApiError): string {
  return `Partner Center refused the change: ${error.message}`;
}

function advice(code: WhatToDoCode, problem: string, retryAfterMs: number | null = null): Advice {
  const entry = whatToDoCatalogue[code];
  const bounded = problem.length > maxProblemLength ? `${problem.slice(0, maxProblemLength - 1)}…` : problem;
  return {
    code,
    problem: bounded,
    whatToDo: entry.whatToDo,
    retryable: entry.retryable,
    retryAfterMs,
    httpStatus: entry.httpStatus,
  };
}
