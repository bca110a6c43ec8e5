/**
 * The URLs an event carries: ResourceUri (partner-center.md §2.3, host and path UNCONFIRMED, hence templates) and
 * `X-MS-Certificate-Url` (§2.4). They depend on the emulator's base URL, known only once its server listens.
 */
import { CERTIFICATE_PATH } from "./certificate";
import { DEFAULT_REFERRAL_URI_TEMPLATE, DEFAULT_VALIDATION_URI_TEMPLATE, fillUriTemplate } from "./event-body";

/** How the addresses are built; undefined means the default. */
export interface EventAddressOptions {
  readonly apiBaseUrl?: string | undefined;
  readonly certificateUrl?: string | undefined;
  readonly resourceUriTemplate?: string | undefined;
  readonly validationUriTemplate?: string | undefined;
}

/** Builds ResourceUri values and the certificate URL from the current base URL. */
export class EventAddresses {
  private baseUrl: string;
  private certificateUrlOverride: string | undefined;
  private readonly resourceUriTemplate: string;
  private readonly validationUriTemplate: string;

  constructor(options: EventAddressOptions) {
    this.baseUrl = trimTrailingSlash(options.apiBaseUrl ?? "http://localhost");
    this.certificateUrlOverride = options.certificateUrl;
    this.resourceUriTemplate = options.resourceUriTemplate ?? DEFAULT_REFERRAL_URI_TEMPLATE;
    this.validationUriTemplate = options.validationUriTemplate ?? DEFAULT_VALIDATION_URI_TEMPLATE;
    // Fail at start-up, not at the first event, when a template names a placeholder that does not exist.
    this.referralUri("probe");
    this.validationUri("probe");
  }

  get apiBaseUrl(): string {
    return this.baseUrl;
  }

  set apiBaseUrl(url: string) {
    this.baseUrl = trimTrailingSlash(url);
  }

  /** The override, or the emulator's own CERTIFICATE_PATH. */
  get certificateUrl(): string {
    return this.certificateUrlOverride ?? `${this.baseUrl}${CERTIFICATE_PATH}`;
  }

  /** Undefined goes back to the default. */
  overrideCertificateUrl(url: string | undefined): void {
    this.certificateUrlOverride = url;
  }

  referralUri(referralId: string): string {
    return fillUriTemplate(this.resourceUriTemplate, { apiBaseUrl: this.baseUrl, referralId });
  }

  validationUri(correlationId: string): string {
    return fillUriTemplate(this.validationUriTemplate, { apiBaseUrl: this.baseUrl, correlationId });
  }
}

function trimTrailingSlash(url: string): string {
  return url.replace(/\/+$/, "");
}
