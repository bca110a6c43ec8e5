import type { HeaderMap } from "./http-error";
import type { ReplyBody } from "./reply";

/** Which requests a fault rule applies to; every given condition must hold, and no condition matches everything. */
export interface FaultMatch {
  /** Case-insensitive method, e.g. "PATCH". */
  readonly method?: string;
  /** The raw path starts with this text. */
  readonly pathPrefix?: string;
  /** A RegExp source tested against the raw path (kept as text so rules can travel as JSON). */
  readonly pathPattern?: string;
}

/** What happens to a matching request. */
export type Fault =
  /** Answer with this status instead of the real handler; without a body, the emulator's error renderer writes one. */
  | { readonly kind: "status"; readonly status: number; readonly body?: ReplyBody; readonly headers?: HeaderMap }
  /** Let at most `limit` matching requests through per sliding window, then 429 with Retry-After. */
  | {
      readonly kind: "rateLimit";
      readonly limit: number;
      readonly windowMs: number;
      readonly retryAfterSeconds?: number;
    }
  /** Wait (real time) before handling the request normally. */
  | { readonly kind: "latency"; readonly ms: number }
  /** Destroy the connection without any response. */
  | { readonly kind: "drop" };

/** A fault and when to apply it. */
export interface FaultRule {
  /** Names the rule for remove(); generated when absent. */
  readonly id?: string;
  readonly match?: FaultMatch;
  readonly fault: Fault;
  /** Chance (0..1) that a matching request gets the fault; default 1. */
  readonly probability?: number;
  /** Apply the fault this many times, then drop the rule; default unlimited. */
  readonly remaining?: number;
}

/** A registered rule as list() reports it: with its id and the applications left (undefined for unlimited). */
export interface ActiveFaultRule {
  readonly id: string;
  readonly match: FaultMatch;
  readonly fault: Fault;
  readonly probability: number;
  readonly remaining: number | undefined;
}

/**
 * Checks a rule before it is stored, so a bad rule fails where it is added (a test, or an admin call that can turn
 * the error into a 400) instead of at the next request.
 * @throws RangeError or TypeError naming the bad field.
 */
export function validateFaultRule(rule: FaultRule): void {
  const { probability, remaining, fault, match } = rule;
  if (probability !== undefined && !(probability >= 0 && probability <= 1)) {
    throw new RangeError(`probability must be between 0 and 1; got ${String(probability)}`);
  }
  if (remaining !== undefined && !(Number.isInteger(remaining) && remaining > 0)) {
    throw new RangeError(`remaining must be a positive integer; got ${String(remaining)}`);
  }
  if (match?.pathPattern !== undefined) compilePathPattern(match.pathPattern);
  switch (fault.kind) {
    case "status":
      if (!(Number.isInteger(fault.status) && fault.status >= 100 && fault.status <= 599)) {
        throw new RangeError(`status must be an HTTP status code; got ${String(fault.status)}`);
      }
      break;
    case "rateLimit":
      if (!(Number.isInteger(fault.limit) && fault.limit >= 0)) {
        throw new RangeError(`limit must be a non-negative integer; got ${String(fault.limit)}`);
      }
      if (!(fault.windowMs > 0)) throw new RangeError(`windowMs must be positive; got ${String(fault.windowMs)}`);
      if (
        fault.retryAfterSeconds !== undefined &&
        !(Number.isInteger(fault.retryAfterSeconds) && fault.retryAfterSeconds >= 0)
      ) {
        throw new RangeError(
          `retryAfterSeconds must be a non-negative integer; got ${String(fault.retryAfterSeconds)}`,
        );
      }
      break;
    case "latency":
      if (!(fault.ms >= 0 && Number.isFinite(fault.ms)))
        throw new RangeError(`ms must be non-negative; got ${String(fault.ms)}`);
      break;
    case "drop":
      break;
    default:
      throw new TypeError(`unknown fault kind '${String((fault as { kind: unknown }).kind)}'`);
  }
}

/** The request predicate for a rule's match conditions. */
export function compileFaultMatch(match: FaultMatch): (method: string, path: string) => boolean {
  const method = match.method?.toUpperCase();
  const pattern = match.pathPattern === undefined ? undefined : compilePathPattern(match.pathPattern);
  return (requestMethod, path) =>
    (method === undefined || method === requestMethod.toUpperCase()) &&
    (match.pathPrefix === undefined || path.startsWith(match.pathPrefix)) &&
    (pattern === undefined || pattern.test(path));
}

function compilePathPattern(source: string): RegExp {
  try {
    return new RegExp(source);
  } catch {
    throw new TypeError(`pathPattern is not a valid regular expression: ${source}`);
  }
}
