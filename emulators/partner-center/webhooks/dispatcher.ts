/**
 * Sends signed webhook events to the registered receivers, like Partner Center's notification dispatch
 * (partner-center.md §2.3 to §2.5), with switches for the faults a receiver must survive: duplicates, out-of-order
 * batches and a paused sender that later bursts.
 */
import { systemClock, type Clock } from "../../shared/clock";
import { randomIds, type IdGenerator } from "../../shared/ids";
import type { PayloadSigner } from "./certificate";
import { DeliveryRunner, type Delivery } from "./delivery-runner";
import {
  DEFAULT_BEHAVIOUR,
  mergeBehaviour,
  type BehaviourChanges,
  type DeliveryBehaviour,
  type DeliveryLogEntry,
  type OfflineDelivery,
  type PublishedEvent,
  type WebhookDispatcherOptions,
} from "./dispatcher-options";
import { EventAddresses } from "./event-addresses";
import { referralEventBody, validationEventBody } from "./event-body";
import type { RegistrationLookup, ValidationEventRequest, ValidationEventSender, WebhookRegistration } from "./model";
import { ReorderingWindow } from "./reordering-window";
import { signEvent, type SignedEventInput } from "./signed-event";

/** Publishes referral events and validation events to whoever registered for them. */
export class WebhookDispatcher implements ValidationEventSender {
  private behaviour: DeliveryBehaviour;
  private isPaused: boolean;
  private readonly held: Delivery[] = [];
  private readonly registrations: RegistrationLookup;
  private readonly signer: PayloadSigner;
  private readonly clock: Clock;
  private readonly ids: IdGenerator;
  private readonly addresses: EventAddresses;
  private readonly runner: DeliveryRunner;
  private readonly window: ReorderingWindow<Delivery>;

  constructor(options: WebhookDispatcherOptions) {
    const { registrations, signer, paused, clock, ids, random, fetch, ...rest } = options;
    const { apiBaseUrl, certificateUrl, resourceUriTemplate, validationUriTemplate, ...behaviour } = rest;
    this.addresses = new EventAddresses({ apiBaseUrl, certificateUrl, resourceUriTemplate, validationUriTemplate });
    this.behaviour = mergeBehaviour(DEFAULT_BEHAVIOUR, behaviour);
    this.registrations = registrations;
    this.signer = signer;
    this.clock = clock ?? systemClock;
    this.ids = ids ?? randomIds;
    this.isPaused = paused ?? false;
    this.runner = new DeliveryRunner({
      clock: this.clock,
      fetch: fetch ?? globalThis.fetch,
      behaviour: () => this.behaviour,
      onRetryDue: (delivery) => {
        this.send(delivery, false);
      },
    });
    this.window = new ReorderingWindow<Delivery>(
      this.runner,
      (batch) => {
        this.releaseBatch(batch);
      },
      random ?? Math.random,
    );
  }

  /** The emulator's base URL, used in ResourceUri and the default certificate URL. */
  get apiBaseUrl(): string {
    return this.addresses.apiBaseUrl;
  }

  /** Set once the emulator listens and knows its port. */
  setApiBaseUrl(url: string): void {
    this.addresses.apiBaseUrl = url;
  }

  /** What `X-MS-Certificate-Url` carries: the override, or the emulator's CERTIFICATE_PATH. */
  get certificateUrl(): string {
    return this.addresses.certificateUrl;
  }

  /** Points `X-MS-Certificate-Url` elsewhere, or back at the default with undefined. */
  setCertificateUrl(url: string | undefined): void {
    this.addresses.overrideCertificateUrl(url);
  }

  /** Changes retry, timeout and fault settings; deliveries under way use them from their next attempt. */
  configure(changes: BehaviourChanges): void {
    this.behaviour = mergeBehaviour(this.behaviour, changes);
  }

  /**
   * Sends `eventName` for a referral to every tenant registered for that event, or only to `tenantId` when given.
   * Returns one entry per tenant it went to: empty when nobody registered for the event.
   */
  publish(eventName: string, referralId: string, changedAt?: Date | string, tenantId?: string): PublishedEvent[] {
    const when = changedAt === undefined ? this.clock.now() : new Date(changedAt);
    if (Number.isNaN(when.getTime())) throw new RangeError(`changedAt is not a date: ${String(changedAt)}`);
    const eventBody = referralEventBody(eventName, this.addresses.referralUri(referralId), when);
    return this.targets(tenantId)
      .filter(([, registration]) => registration.WebhookEvents.includes(eventName))
      .map(([target, registration]) =>
        this.dispatch({ ...this.signing(), tenantId: target, registration, eventBody, subject: { referralId } }),
      );
  }

  /** Sends one test-created event for a validation request; WebhookRegistrations calls this. */
  sendValidationEvent(request: ValidationEventRequest): void {
    const { tenantId, correlationId, registration, observer } = request;
    const eventBody = validationEventBody(this.addresses.validationUri(correlationId), this.clock.now());
    const subject = { correlationId };
    this.dispatch({ ...this.signing(), tenantId, registration, eventBody, subject, copies: 1, observer });
  }

  /** True while events queue instead of going out. */
  get paused(): boolean {
    return this.isPaused;
  }

  /** Queues new events and due retries without sending them. */
  pause(): void {
    this.isPaused = true;
  }

  /** Sends everything that queued while paused, in one burst. */
  resume(): void {
    this.isPaused = false;
    for (const delivery of this.held.splice(0)) this.send(delivery, isFirstSendOfReferralEvent(delivery));
  }

  /** Every attempt so far, oldest first. */
  deliveryLog(): readonly DeliveryLogEntry[] {
    return this.runner.deliveryLog();
  }

  /** Deliveries that used up their attempts. */
  offlineQueue(): readonly OfflineDelivery[] {
    return this.runner.offlineQueue();
  }

  /** Gives an offline delivery a fresh round of attempts; false when no such delivery is offline. */
  redeliver(deliveryId: string): boolean {
    const delivery = this.runner.takeFromOffline(deliveryId);
    if (delivery === undefined) return false;
    this.send(delivery, false);
    return true;
  }

  /** Resolves when nothing is in flight or scheduled; events held while paused do not count. */
  idle(): Promise<void> {
    return this.runner.idle();
  }

  /** Stops for good: cancels retries, aborts POSTs in flight and drops what was held. */
  async close(): Promise<void> {
    this.held.length = 0;
    this.window.discard();
    await this.runner.close();
  }

  private signing(): Pick<SignedEventInput, "signer" | "certificateUrl" | "ids" | "copies"> {
    return {
      signer: this.signer,
      certificateUrl: this.addresses.certificateUrl,
      ids: this.ids,
      copies: this.behaviour.duplicates,
    };
  }

  private targets(tenantId: string | undefined): (readonly [string, WebhookRegistration])[] {
    if (tenantId === undefined) return [...this.registrations.entries()];
    const registration = this.registrations.find(tenantId);
    return registration === undefined ? [] : [[tenantId, registration]];
  }

  private dispatch(input: SignedEventInput): PublishedEvent {
    const { published, deliveries } = signEvent(input);
    for (const delivery of deliveries) this.send(delivery, isFirstSendOfReferralEvent(delivery));
    return published;
  }

  /** Holds while paused; the first send of a referral event goes through the reordering window when enabled. */
  private send(delivery: Delivery, reorderable: boolean): void {
    if (this.runner.isClosed()) return;
    if (this.isPaused) {
      this.held.push(delivery);
      return;
    }
    const { outOfOrder } = this.behaviour;
    if (reorderable && outOfOrder !== false) this.window.add(delivery, outOfOrder);
    else void this.runner.attempt(delivery);
  }

  /** A reordered batch goes out one first attempt at a time, so the receiver sees exactly the chosen order. */
  private releaseBatch(batch: readonly Delivery[]): void {
    if (this.isPaused) {
      this.held.push(...batch);
      return;
    }
    const sendInTurn = async (): Promise<void> => {
      for (const delivery of batch) await this.runner.attempt(delivery);
    };
    this.runner.track(sendInTurn());
  }
}

/** Validation events and retries skip the reordering window. */
function isFirstSendOfReferralEvent(delivery: Delivery): boolean {
  return delivery.attempts === 0 && delivery.observer === undefined;
}
