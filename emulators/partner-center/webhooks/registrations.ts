/**
 * The Partner Center webhook registration API (partner-center.md §2.1), one registration per tenant. Each method is
 * one route and returns an ApiResult, so the emulator's router only picks the tenant from the token, parses JSON
 * and copies the result onto the response.
 */
import { systemClock, type Clock } from "../../shared/clock";
import { randomIds, type IdGenerator } from "../../shared/ids";
import { failure, ok, type ApiResult } from "./api-result";
import { SUPPORTED_EVENTS } from "./events";
import type { RegistrationLookup, ValidationEventSender, WebhookRegistration } from "./model";
import type { RateLimit } from "./rate-limiter";
import { parseRegistrationBody, type RegistrationInput } from "./registration-body";
import { formatUtcDate } from "./utc-date";
import { ValidationEvents } from "./validation-events";

/** Settings for the registration API; every default is the documented behaviour or the reference's guess. */
export interface WebhookRegistrationsOptions {
  readonly clock?: Clock;
  /** Makes SubscriberId and validation correlation ids. */
  readonly ids?: IdGenerator;
  /** DELETE is not documented (§2.1, UNCONFIRMED): false (default) answers 405, true removes the registration. */
  readonly allowDelete?: boolean;
  /** The test-created limit; default 2 requests per minute per tenant (§2.1). */
  readonly validationLimit?: RateLimit;
  /** How long validation results stay readable; default seven days. */
  readonly validationRetentionMs?: number;
  /** Delivers validation events; usually the WebhookDispatcher, also settable later. */
  readonly validationEventSender?: ValidationEventSender;
}

/** The message Webhooks.json documents for a second POST (§2.1). */
export const REGISTRATION_EXISTS_MESSAGE = "Registration already exists, use the PUT method to update a registration.";

const NO_REGISTRATION_MESSAGE = "No webhook registration exists for this tenant. Use POST to create one.";

/** Stores registrations by tenant and answers the registration routes. */
export class WebhookRegistrations implements RegistrationLookup {
  private readonly byTenant = new Map<string, WebhookRegistration>();
  private readonly clock: Clock;
  private readonly ids: IdGenerator;
  private readonly allowDelete: boolean;
  private readonly validationEvents: ValidationEvents;
  private validationEventSender: ValidationEventSender | undefined;

  constructor(options: WebhookRegistrationsOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.ids = options.ids ?? randomIds;
    this.allowDelete = options.allowDelete ?? false;
    this.validationEventSender = options.validationEventSender;
    this.validationEvents = new ValidationEvents({
      clock: this.clock,
      ids: this.ids,
      ...(options.validationLimit === undefined ? {} : { limit: options.validationLimit }),
      ...(options.validationRetentionMs === undefined ? {} : { retentionMs: options.validationRetentionMs }),
    });
  }

  /** Connects the dispatcher after both exist (each needs the other). */
  setValidationEventSender(sender: ValidationEventSender): void {
    this.validationEventSender = sender;
  }

  /** The tenant's registration, for the dispatcher. */
  find(tenantId: string): WebhookRegistration | undefined {
    return this.byTenant.get(tenantId);
  }

  /** Every registration, for the dispatcher. */
  entries(): Iterable<readonly [string, WebhookRegistration]> {
    return [...this.byTenant.entries()];
  }

  /** `GET /webhooks/v1/registration/events`. */
  listEvents(): ApiResult<readonly string[]> {
    return ok([...SUPPORTED_EVENTS]);
  }

  /** `GET /webhooks/v1/registration`: 200 with the registration, 404 when the tenant has none. */
  getRegistration(tenantId: string): ApiResult {
    const registration = this.byTenant.get(tenantId);
    return registration === undefined ? failure(404, NO_REGISTRATION_MESSAGE) : ok(registration);
  }

  /** `POST /webhooks/v1/registration`: 200 with the new registration, 409 when one exists, 400 for a bad body. */
  createRegistration(tenantId: string, body: unknown): ApiResult {
    if (this.byTenant.has(tenantId)) return failure(409, REGISTRATION_EXISTS_MESSAGE);
    const parsed = parseRegistrationBody(body);
    if (!parsed.ok) return failure(400, parsed.message);
    return ok(this.store(tenantId, this.ids(), parsed.input));
  }

  /**
   * `PUT /webhooks/v1/registration`: replaces the registration and keeps its SubscriberId; 404 when there is none
   * (the docs only say PUT updates an existing one, so creating on PUT is not emulated).
   */
  updateRegistration(tenantId: string, body: unknown): ApiResult {
    const existing = this.byTenant.get(tenantId);
    if (existing === undefined) return failure(404, NO_REGISTRATION_MESSAGE);
    const parsed = parseRegistrationBody(body);
    if (!parsed.ok) return failure(400, parsed.message);
    return ok(this.store(tenantId, existing.SubscriberId, parsed.input));
  }

  /** `DELETE /webhooks/v1/registration`: 405 unless `allowDelete`; then 204, or 404 when there is none. */
  deleteRegistration(tenantId: string): ApiResult {
    if (!this.allowDelete) {
      return failure(405, "DELETE is not supported on the webhook registration.", { Allow: "GET, POST, PUT" });
    }
    if (!this.byTenant.delete(tenantId)) return failure(404, NO_REGISTRATION_MESSAGE);
    return { status: 204, body: undefined };
  }

  /** `POST /webhooks/v1/registration/validationEvents`: 200 `{ correlationId }`, or 400, 404, 429. */
  postValidationEvent(tenantId: string): ApiResult {
    return this.validationEvents.request(tenantId, this.byTenant.get(tenantId), this.validationEventSender);
  }

  /** `GET /webhooks/v1/registration/validationEvents/{correlationId}`: 200 with the results, or 404. */
  getValidationEvent(tenantId: string, correlationId: string): ApiResult {
    return this.validationEvents.result(tenantId, correlationId);
  }

  private store(tenantId: string, subscriberId: string, input: RegistrationInput): WebhookRegistration {
    // Frozen, because the same object is handed to routes and to the dispatcher.
    const registration: WebhookRegistration = Object.freeze({
      SubscriberId: subscriberId,
      WebhookUrl: input.webhookUrl,
      WebhookEvents: Object.freeze([...input.webhookEvents]),
      SignatureTokenToMsSignatureHeader: input.signatureTokenToMsSignatureHeader,
      ...(input.properties === undefined ? {} : { Properties: Object.freeze({ ...input.properties }) }),
      LastModifiedTimestamp: formatUtcDate(this.clock.now()),
    });
    this.byTenant.set(tenantId, registration);
    return registration;
  }
}
