/**
 * Service protection limits (dataverse.md §4.4): per user, a number of requests over a sliding window (code
 * 0x80072322) and a number of concurrent requests (0x80072326, which "trips immediately"), answered 429 with
 * `Retry-After` in seconds. The combined execution time limit (0x80072321) is not emulated. The user is the caller
 * whose token the request carries (an application user acting for another user still counts as itself).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { HttpError } from "../../http";
import type { Clock } from "../../shared/clock";
import { resolveLimits, type ServiceProtectionLimits } from "../options";
import { CONCURRENCY_LIMIT_CODE, REQUEST_LIMIT_CODE, requestLimitMessage } from "./errors";

const ANONYMOUS = "(no token)";
/** Set by `track` on a request over the concurrency limit, read by `admit` once the token is verified. */
const THROTTLED_HEADER = "x-dataverse-emulator-throttled";

export class ServiceProtection {
  private current: ServiceProtectionLimits | undefined;
  private readonly arrivals = new Map<string, number[]>();
  private readonly inFlight = new Map<string, number>();

  constructor(
    limits: ServiceProtectionLimits | undefined,
    private readonly clock: Clock,
  ) {
    this.current = limits;
  }

  /** The limits in force; undefined when service protection is off. */
  get limits(): ServiceProtectionLimits | undefined {
    return this.current;
  }

  /** Changes some limits (or turns protection off with false) and forgets the counted requests. @throws RangeError. */
  configure(limits: Partial<ServiceProtectionLimits> | false): ServiceProtectionLimits | undefined {
    this.current = limits === false ? undefined : resolveLimits(limits, this.current);
    this.arrivals.clear();
    return this.current;
  }

  /**
   * Counts a request as in flight from its arrival until its response closes, or marks it refused when its caller
   * already has the most concurrent requests allowed (§4.4: that limit "trips immediately"). Call before the
   * pipeline; the mark travels as a header that the emulator sets itself (a client's own value is removed).
   */
  track(request: IncomingMessage, response: ServerResponse): void {
    request.headers[THROTTLED_HEADER] = undefined;
    const limits = this.current;
    const key = callerKeyOf(request.headers.authorization);
    const running = this.inFlight.get(key) ?? 0;
    if (limits !== undefined && running >= limits.concurrentRequests) {
      request.headers[THROTTLED_HEADER] = "concurrency";
      return;
    }
    this.inFlight.set(key, running + 1);
    response.once("close", () => {
      const left = (this.inFlight.get(key) ?? 1) - 1;
      if (left <= 0) this.inFlight.delete(key);
      else this.inFlight.set(key, left);
    });
  }

  /**
   * Admits an authenticated request of `caller` (the token's `oid`) or refuses it.
   * @throws HttpError 429 with Retry-After and the documented code and message.
   */
  admit(caller: string, headers: Readonly<Record<string, string>>): void {
    const limits = this.current;
    if (limits === undefined) return;
    if (headers[THROTTLED_HEADER] !== undefined) {
      throw new HttpError(
        429,
        CONCURRENCY_LIMIT_CODE,
        `Number of concurrent requests exceeded the limit of ${limits.concurrentRequests}.`,
        { "retry-after": "1" },
      );
    }
    const now = this.clock.now().getTime();
    const recent = (this.arrivals.get(caller) ?? []).filter((arrival) => arrival > now - limits.windowMs);
    this.arrivals.set(caller, recent);
    if (recent.length >= limits.requestsPerWindow) {
      const oldest = recent[0] ?? now;
      const seconds = Math.max(1, Math.ceil((oldest + limits.windowMs - now) / 1000));
      throw new HttpError(429, REQUEST_LIMIT_CODE, requestLimitMessage(limits.requestsPerWindow, limits.windowMs), {
        "retry-after": String(seconds),
      });
    }
    recent.push(now);
  }
}

/**
 * The `oid` of a bearer token, read without checking it: only to count concurrent requests before the token is
 * verified. A request whose token is not what it claims is refused by the verification anyway.
 */
export function callerKeyOf(authorization: string | undefined): string {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? "")?.[1];
  const payload = token?.split(".")[1];
  if (payload === undefined) return ANONYMOUS;
  try {
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { oid?: unknown };
    return typeof claims.oid === "string" ? claims.oid : ANONYMOUS;
  } catch {
    return ANONYMOUS;
  }
}
