/**
 * Validation ("send test event") requests and their results: `POST /webhooks/v1/registration/validationEvents` and
 * `GET .../validationEvents/{correlationId}` (partner-center.md §2.1). The docs say the limit is 2 requests a minute
 * and that results are purged after seven days.
 */
import type { Clock } from "../../shared/clock";
import type { IdGenerator } from "../../shared/ids";
import { failure, ok, throttled, type ApiResult } from "./api-result";
import { TEST_EVENT } from "./events";
import type { AttemptOutcome, ValidationEventSender, WebhookRegistration } from "./model";
import { SlidingWindowLimiter, type RateLimit } from "./rate-limiter";
import { formatUtcDate } from "./utc-date";
import { responseCodeName } from "./response-code-names";

/**
 * `completed` is the only status the docs show. `inProgress` while attempts remain and `failed` once the delivery
 * went to the offline queue are the emulator's guesses [UNCONFIRMED].
 */
export type ValidationStatus = "inProgress" | "completed" | "failed";

/** One delivery attempt as the result call reports it. */
export interface ValidationAttemptResult {
  /** The .NET name of the receiver's status ("OK", "InternalServerError"), or "" when no response came back. */
  readonly responseCode: string;
  readonly responseMessage: string;
  /** True when the attempt failed without any response (refused, reset, timed out). */
  readonly systemError: boolean;
  readonly dateTimeUtc: string;
}

/** The body of `GET .../validationEvents/{correlationId}`. */
export interface ValidationEventResult {
  readonly correlationId: string;
  readonly partnerId: string;
  readonly status: ValidationStatus;
  readonly callbackUrl: string;
  readonly results: readonly ValidationAttemptResult[];
}

interface ValidationRecord {
  readonly tenantId: string;
  readonly createdAt: number;
  status: ValidationStatus;
  readonly callbackUrl: string;
  readonly results: ValidationAttemptResult[];
}

/** Limits and retention; every value is the documented one by default. */
export interface ValidationEventOptions {
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** Default 2 requests per 60 000 ms per tenant. */
  readonly limit?: RateLimit;
  /** How long a result stays readable; default seven days. */
  readonly retentionMs?: number;
}

const SEVEN_DAYS_MS = 7 * 24 * 60 * 60 * 1000;
const RESPONSE_MESSAGE_LIMIT = 1024;

/** Accepts validation requests, hands them to a sender, and records what each attempt got back. */
export class ValidationEvents {
  private readonly records = new Map<string, ValidationRecord>();
  private readonly limiter: SlidingWindowLimiter;
  private readonly retentionMs: number;

  constructor(private readonly options: ValidationEventOptions) {
    this.limiter = new SlidingWindowLimiter(options.limit ?? { requests: 2, windowMs: 60_000 }, options.clock);
    this.retentionMs = options.retentionMs ?? SEVEN_DAYS_MS;
  }

  /**
   * The POST: 404 without a registration, 400 when it lacks `test-created` (the docs require it; the status is a
   * guess [UNCONFIRMED]), 429 over the limit, otherwise 200 `{ correlationId }` and the event is on its way.
   */
  request(
    tenantId: string,
    registration: WebhookRegistration | undefined,
    sender: ValidationEventSender | undefined,
  ): ApiResult {
    if (registration === undefined) return failure(404, "No webhook registration exists for this tenant.");
    if (!registration.WebhookEvents.includes(TEST_EVENT)) {
      return failure(400, `The registration must include the '${TEST_EVENT}' event to request a validation event.`);
    }
    const decision = this.limiter.tryAcquire(tenantId);
    if (!decision.allowed) return throttled(decision.retryAfterSeconds);

    const correlationId = this.options.ids();
    const record: ValidationRecord = {
      tenantId,
      createdAt: this.options.clock.now().getTime(),
      status: "inProgress",
      callbackUrl: registration.WebhookUrl,
      results: [],
    };
    this.records.set(correlationId, record);
    sender?.sendValidationEvent({
      tenantId,
      correlationId,
      registration,
      observer: {
        onAttempt: (outcome) => record.results.push(toAttemptResult(outcome)),
        onSettled: (delivered) => (record.status = delivered ? "completed" : "failed"),
      },
    });
    return ok({ correlationId });
  }

  /** The GET: 404 for an unknown, purged or other tenant's correlation id. */
  result(tenantId: string, correlationId: string): ApiResult {
    this.purgeExpired();
    const record = this.records.get(correlationId);
    if (record?.tenantId !== tenantId) {
      return failure(404, `No validation event with correlation id '${correlationId}' was found.`);
    }
    const body: ValidationEventResult = {
      correlationId,
      partnerId: tenantId,
      status: record.status,
      callbackUrl: record.callbackUrl,
      results: record.results.map((result) => ({ ...result })),
    };
    return ok(body);
  }

  private purgeExpired(): void {
    const now = this.options.clock.now().getTime();
    for (const [correlationId, record] of this.records) {
      if (now - record.createdAt >= this.retentionMs) this.records.delete(correlationId);
    }
  }
}

function toAttemptResult(outcome: AttemptOutcome): ValidationAttemptResult {
  const noResponse = outcome.statusCode === undefined;
  return {
    responseCode: noResponse ? "" : responseCodeName(outcome.statusCode),
    responseMessage: (noResponse ? (outcome.error ?? "") : outcome.responseText).slice(0, RESPONSE_MESSAGE_LIMIT),
    systemError: noResponse,
    dateTimeUtc: formatUtcDate(outcome.at),
  };
}
