/**
 * The Partner Center webhook registration API, `<webhooksApiUrl>/webhooks/v1/registration` (partner-center.md §2.1),
 * for the CLI: one registration per tenant, created with POST; a second POST answers 409 "Registration already
 * exists, use the PUT method", and only an explicit overwrite replaces it (the original connector asks the same,
 * "Overwrite existing trigger endpoints if present?"). Bodies are PascalCase as the docs and the connector send them;
 * answers are read in either casing.
 */
import { ApiError } from "../../sync/apiError";
import type { PartnerCenterHttp } from "./partnerCenterHttp";

export interface PartnerCenterWebhookRegistration {
  readonly subscriberId: string | null;
  readonly webhookUrl: string;
  readonly webhookEvents: readonly string[];
  readonly signatureTokenToMsSignatureHeader: boolean;
  readonly lastModifiedTimestamp: string | null;
}

export interface RegisterPartnerCenterWebhook {
  readonly webhookUrl: string;
  /** e.g. referral-created, referral-updated, related-referral-created, related-referral-updated (§2.2). */
  readonly events: readonly string[];
  /** Replace an existing registration (the CLI's --overwrite); without it an existing one is an error. */
  readonly overwrite: boolean;
  /** Put the signature in x-ms-signature instead of Authorization (§2.4); default false. */
  readonly signatureTokenToMsSignatureHeader?: boolean;
}

export interface ValidationEventResult {
  readonly correlationId: string;
  /** "completed" is the only documented value; the emulator also answers "inProgress" and "failed". */
  readonly status: string;
  readonly callbackUrl: string | null;
  readonly results: readonly {
    readonly responseCode: string;
    readonly responseMessage: string;
    readonly systemError: boolean;
    readonly dateTimeUtc: string;
  }[];
}

export class PartnerCenterWebhookClient {
  private readonly registrationUrl: string;

  constructor(
    private readonly pc: PartnerCenterHttp,
    webhooksApiUrl: string,
  ) {
    this.registrationUrl = `${new URL(webhooksApiUrl).origin}/webhooks/v1/registration`;
  }

  /** The tenant's registration, or null when it has none. */
  async getRegistration(): Promise<PartnerCenterWebhookRegistration | null> {
    const call = { method: "GET", url: this.registrationUrl, correlationId: this.pc.correlationId() };
    const { request, response } = await this.pc.send(call);
    if (response.status === 404) return null;
    if (response.status !== 200) throw this.pc.failure(request, response);
    return registrationOf(response.body);
  }

  /**
   * Creates the registration, or replaces it when one exists and `overwrite` is set.
   * @throws ApiError 409 naming the current URL and --overwrite when one exists and `overwrite` is not set.
   */
  async registerPartnerCenterWebhook(
    options: RegisterPartnerCenterWebhook,
  ): Promise<{ action: "created" | "updated"; registration: PartnerCenterWebhookRegistration }> {
    const correlationId = this.pc.correlationId();
    const json = {
      WebhookUrl: options.webhookUrl,
      WebhookEvents: [...options.events],
      SignatureTokenToMsSignatureHeader: options.signatureTokenToMsSignatureHeader ?? false,
    };
    const { request, response } = await this.pc.send({
      method: "POST",
      url: this.registrationUrl,
      json,
      correlationId,
    });
    if (response.status === 200 || response.status === 201) {
      return { action: "created", registration: registrationOf(response.body) };
    }
    if (response.status !== 409) throw this.pc.failure(request, response);
    if (!options.overwrite) throw await this.alreadyRegistered(request.method);
    const put = await this.pc.expectOk({ method: "PUT", url: this.registrationUrl, json, correlationId });
    return { action: "updated", registration: registrationOf(put.body) };
  }

  /** Asks Partner Center to send a test-created event (limited to 2 a minute, §2.1); returns its correlation id. */
  async sendValidationEvent(): Promise<string> {
    const call = {
      method: "POST",
      url: `${this.registrationUrl}/validationEvents`,
      correlationId: this.pc.correlationId(),
    };
    const response = await this.pc.expectOk(call);
    const correlationId = field(response.body, "correlationId");
    if (typeof correlationId !== "string") throw this.pc.malformed(call, response.status, "it named no correlationId");
    return correlationId;
  }

  /** What became of a test event sent by sendValidationEvent(). */
  async checkValidationEvent(correlationId: string): Promise<ValidationEventResult> {
    const url = `${this.registrationUrl}/validationEvents/${encodeURIComponent(correlationId)}`;
    const call = { method: "GET", url, correlationId: this.pc.correlationId() };
    const response = await this.pc.expectOk(call);
    const results = field(response.body, "results");
    return {
      correlationId: stringField(response.body, "correlationId") ?? correlationId,
      status: stringField(response.body, "status") ?? "unknown",
      callbackUrl: stringField(response.body, "callbackUrl"),
      results: (Array.isArray(results) ? results : []).map((result: unknown) => ({
        responseCode: stringField(result, "responseCode") ?? "",
        responseMessage: stringField(result, "responseMessage") ?? "",
        systemError: field(result, "systemError") === true,
        dateTimeUtc: stringField(result, "dateTimeUtc") ?? "",
      })),
    };
  }

  private async alreadyRegistered(method: string): Promise<ApiError> {
    const current = await this.getRegistration().catch(() => null);
    const where = current === null ? "" : ` (currently ${withoutQuery(current.webhookUrl)})`;
    return new ApiError(
      {
        api: "partnerCenterWebhooks",
        status: 409,
        code: "RegistrationExists",
        request: `${method} ${new URL(this.registrationUrl).pathname}`,
        retryAfterMs: null,
      },
      `A Partner Center webhook registration already exists for this tenant${where}, and there can be only one. ` +
        "Pass --overwrite to replace it with this service's URL.",
    );
  }
}

/** A URL without its query string, which may carry a key (e.g. an Azure Functions `?code=`). */
function withoutQuery(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return "an unreadable URL";
  }
}

function registrationOf(body: unknown): PartnerCenterWebhookRegistration {
  const events = field(body, "WebhookEvents");
  return {
    subscriberId: stringField(body, "SubscriberId"),
    webhookUrl: stringField(body, "WebhookUrl") ?? "",
    webhookEvents: Array.isArray(events) ? events.filter((event): event is string => typeof event === "string") : [],
    signatureTokenToMsSignatureHeader: field(body, "SignatureTokenToMsSignatureHeader") === true,
    lastModifiedTimestamp: stringField(body, "LastModifiedTimestamp"),
  };
}

/** A member read without regard to case, as the .NET services write either casing. */
function field(body: unknown, name: string): unknown {
  if (typeof body !== "object" || body === null) return undefined;
  const key = Object.keys(body).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : (body as Record<string, unknown>)[key];
}

function stringField(body: unknown, name: string): string | null {
  const value = field(body, name);
  return typeof value === "string" ? value : null;
}
