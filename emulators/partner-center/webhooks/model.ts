/**
 * The shapes the registration API and the dispatcher share. Registrations are stored and returned in PascalCase,
 * the casing the Partner Center Events connector and the docs' responses use (partner-center.md §2.1).
 */

/** One tenant's registration: the Webhooks.json model of §2.1 in PascalCase. `Properties` only when it was sent. */
export interface WebhookRegistration {
  readonly SubscriberId: string;
  readonly WebhookUrl: string;
  readonly WebhookEvents: readonly string[];
  readonly SignatureTokenToMsSignatureHeader: boolean;
  readonly Properties?: Readonly<Record<string, string>>;
  /** ISO 8601 with `+00:00`, like the event dates. */
  readonly LastModifiedTimestamp: string;
}

/** Read access to registrations, which is all the dispatcher needs. */
export interface RegistrationLookup {
  /** The tenant's registration, or undefined when it has none. */
  find(tenantId: string): WebhookRegistration | undefined;
  /** Every tenant that has a registration, with it. */
  entries(): Iterable<readonly [tenantId: string, registration: WebhookRegistration]>;
}

/** What one POST to the receiver produced. */
export interface AttemptOutcome {
  /** 1-based over the whole life of the delivery, including redeliveries from the offline queue. */
  readonly attempt: number;
  readonly delivered: boolean;
  /** The receiver's status, absent when no response came back (refused, reset, timed out). */
  readonly statusCode?: number;
  /** Why no response came back. */
  readonly error?: string;
  /** The start of the receiver's response body, for validation-event results. */
  readonly responseText: string;
  readonly at: Date;
}

/** Follows one delivery; validation events use it to fill their `results`. */
export interface DeliveryObserver {
  onAttempt(outcome: AttemptOutcome): void;
  /** Called once the delivery succeeded, or once it gave up and went to the offline queue. */
  onSettled(delivered: boolean): void;
}

/** A request to deliver one `test-created` event for a validation request. */
export interface ValidationEventRequest {
  readonly tenantId: string;
  readonly correlationId: string;
  readonly registration: WebhookRegistration;
  readonly observer: DeliveryObserver;
}

/** Whatever sends validation events; the WebhookDispatcher is one. */
export interface ValidationEventSender {
  sendValidationEvent(request: ValidationEventRequest): void;
}
