/**
 * Builds the three webhook parts and connects them: the registrations API hands validation events to the
 * dispatcher, the dispatcher reads registrations and signs with the certificate.
 */
import type { Clock } from "../../shared/clock";
import type { IdGenerator } from "../../shared/ids";
import { createSigningCertificate, type SigningCertificate, type SigningCertificateOptions } from "./certificate";
import { WebhookDispatcher } from "./dispatcher";
import type { WebhookDispatcherOptions } from "./dispatcher-options";
import { WebhookRegistrations, type WebhookRegistrationsOptions } from "./registrations";

/** Options for the whole webhook side; `clock` and `ids` are shared by all parts unless a part overrides them. */
export interface WebhookEmulatorOptions {
  readonly clock?: Clock;
  readonly ids?: IdGenerator;
  /** An existing certificate, or options for a new one. */
  readonly certificate?: SigningCertificate | SigningCertificateOptions;
  readonly registrations?: Omit<WebhookRegistrationsOptions, "validationEventSender">;
  readonly dispatcher?: Omit<WebhookDispatcherOptions, "registrations" | "signer">;
}

/** The connected parts; close the dispatcher when the emulator stops. */
export interface WebhookEmulator {
  readonly certificate: SigningCertificate;
  readonly registrations: WebhookRegistrations;
  readonly dispatcher: WebhookDispatcher;
}

function isSigningCertificate(value: SigningCertificate | SigningCertificateOptions): value is SigningCertificate {
  return "certificateDer" in value;
}

/** Creates the certificate (unless given), the registrations API and the dispatcher, connected. */
export async function createWebhookEmulator(options: WebhookEmulatorOptions = {}): Promise<WebhookEmulator> {
  const shared = {
    ...(options.clock === undefined ? {} : { clock: options.clock }),
    ...(options.ids === undefined ? {} : { ids: options.ids }),
  };
  const given = options.certificate ?? {};
  // The certificate's validity follows the system clock by default: receivers check it against real time.
  const certificate = isSigningCertificate(given) ? given : await createSigningCertificate(given);
  const registrations = new WebhookRegistrations({ ...shared, ...options.registrations });
  const dispatcher = new WebhookDispatcher({ ...shared, ...options.dispatcher, registrations, signer: certificate });
  registrations.setValidationEventSender(dispatcher);
  return { certificate, registrations, dispatcher };
}
