/**
 * Turns one event for one registration into deliveries: the body is serialised and signed once, so every copy and
 * every retry sends the same bytes under the same signature (partner-center.md §2.4 signs "the exact body").
 */
import type { IdGenerator } from "../../shared/ids";
import type { PayloadSigner } from "./certificate";
import { deliveryHeaders } from "./delivery-request";
import type { Delivery } from "./delivery-runner";
import type { PublishedEvent } from "./dispatcher-options";
import { serializeEventBody, type EventBody } from "./event-body";
import type { WebhookRegistration } from "./model";

/** What a signed event is made from. */
export interface SignedEventInput {
  readonly tenantId: string;
  readonly registration: WebhookRegistration;
  readonly eventBody: EventBody;
  readonly subject: Delivery["subject"];
  /** How many identical copies to send (the `duplicates` fault); 1 normally. */
  readonly copies: number;
  readonly observer?: Delivery["observer"];
  readonly signer: PayloadSigner;
  readonly certificateUrl: string;
  readonly ids: IdGenerator;
}

/**
 * The deliveries for one event and what `publish` reports about them. The target URL and signature header are
 * taken from the registration now; a later PUT does not redirect events already published [UNCONFIRMED].
 */
export function signEvent(input: SignedEventInput): { published: PublishedEvent; deliveries: Delivery[] } {
  const { tenantId, registration, eventBody, subject, copies, observer } = input;
  const body = serializeEventBody(eventBody);
  const signature = input.signer.sign(body);
  const headers = deliveryHeaders(signature, input.certificateUrl, registration.SignatureTokenToMsSignatureHeader);
  const eventId = input.ids();
  const deliveries: Delivery[] = Array.from({ length: copies }, () => ({
    deliveryId: input.ids(),
    eventId,
    tenantId,
    eventName: eventBody.EventName,
    subject,
    url: registration.WebhookUrl,
    body,
    headers,
    ...(observer === undefined ? {} : { observer }),
    attempts: 0,
    roundStart: 0,
    lastError: "",
  }));
  const deliveryIds = deliveries.map((delivery) => delivery.deliveryId);
  return { published: { eventId, tenantId, deliveryIds, body: body.toString("utf8") }, deliveries };
}
