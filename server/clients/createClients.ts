/**
 * Builds every HTTP client of the service from its configuration: the two gateways the sync engine uses and the
 * registration clients the CLI uses. One observer sees every call (tokens included), one redactor keeps every secret
 * out of every error message.
 */
import type { Config } from "../config/types";
import { AuthorizedHttp } from "./auth/authorizedHttp";
import { clientCredentialsToken } from "./auth/clientCredentials";
import { InMemoryRefreshTokenStore, refreshTokenToken, type RefreshTokenStore } from "./auth/refreshToken";
import { HttpDataverseGateway } from "./dataverse/gateway";
import { DataverseWebApi } from "./dataverse/webApi";
import {
  registerDataverseWebhook,
  type DataverseWebhookRegistration,
  type DataverseWebhookSettings,
} from "./dataverse/webhookRegistration";
import { silentLogger, type ApiCallObserver, type ClientLogger } from "./http/apiCall";
import { HttpCore } from "./http/httpCore";
import { Redactor } from "./http/redactor";
import { HttpPartnerCenterGateway } from "./partnerCenter/gateway";
import { PartnerCenterHttp } from "./partnerCenter/partnerCenterHttp";
import { PartnerCenterWebhookClient } from "./partnerCenter/webhookRegistration";

/** The documented token audiences (partner-center.md §1.1 and §2.1). */
export const PARTNER_CENTER_AUDIENCES = {
  referrals: "https://api.partner.microsoft.com",
  webhooks: "https://api.partnercenter.microsoft.com",
} as const;

export interface CreateClientsOptions {
  /** Told about every HTTP call: api, method, path, status, duration. */
  readonly observer?: ApiCallObserver;
  /** Keeps the rotated Partner Center refresh token; without one it lives in memory only (a warning is logged). */
  readonly refreshTokenStore?: RefreshTokenStore;
  readonly logger?: ClientLogger;
  /** Per HTTP call; default 30 s. */
  readonly timeoutMs?: number;
  /** `Prefer: odata.maxpagesize` of Dataverse queries; default 500 (§4.1 allows up to 5000). */
  readonly dataversePageSize?: number;
  /** Token audiences to ask for instead of the derived ones (see partnerCenterAudience). */
  readonly partnerCenterAudiences?: { readonly referrals?: string; readonly webhooks?: string };
  /** MS-CorrelationId of each Partner Center operation; default a fresh GUID. */
  readonly correlationId?: () => string;
  /** The clock for token expiry and Retry-After dates; default Date.now. */
  readonly now?: () => number;
}

export interface Clients {
  readonly dataverse: HttpDataverseGateway;
  readonly partnerCenter: HttpPartnerCenterGateway;
  /** registerPartnerCenterWebhook, sendValidationEvent, checkValidationEvent, getRegistration. */
  readonly partnerCenterWebhooks: PartnerCenterWebhookClient;
  /** Creates or updates the Dataverse webhook (service endpoint, steps, images). */
  registerDataverseWebhook(settings: DataverseWebhookSettings): Promise<DataverseWebhookRegistration>;
}

export function createClients(config: Config, options: CreateClientsOptions = {}): Clients {
  const logger = options.logger ?? silentLogger;
  const redactor = new Redactor();
  const core = (api: HttpCore["api"]) =>
    new HttpCore({
      api,
      redactor,
      observer: options.observer,
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
      ...(options.now === undefined ? {} : { now: options.now }),
    });
  const tokens = core("tokens");
  const cacheOptions = options.now === undefined ? {} : { now: options.now };
  const { dataverse, partnerCenter: pc } = config;
  for (const secret of [dataverse.clientSecret, dataverse.webhookKey, pc.clientSecret, pc.refreshToken]) {
    redactor.addFixed(secret.reveal());
  }

  const dataverseTokens = clientCredentialsToken(tokens, { ...dataverse, resource: dataverse.url }, cacheOptions);
  const dataverseApi = new DataverseWebApi(
    new AuthorizedHttp(core("dataverse"), dataverseTokens),
    dataverse.url,
    options.dataversePageSize ?? 500,
  );

  if (options.refreshTokenStore === undefined) {
    logger.warn({}, "no refresh token store was given: rotated Partner Center refresh tokens are lost on restart");
  }
  const referralTokens = refreshTokenToken(
    tokens,
    {
      ...pc,
      initialRefreshToken: pc.refreshToken,
      resource: options.partnerCenterAudiences?.referrals ?? partnerCenterAudience(pc.apiUrl, "referrals"),
      store: options.refreshTokenStore ?? new InMemoryRefreshTokenStore(),
      logger,
    },
    cacheOptions,
  );
  const webhookTokens = clientCredentialsToken(
    tokens,
    {
      ...pc,
      resource: options.partnerCenterAudiences?.webhooks ?? partnerCenterAudience(pc.webhooksApiUrl, "webhooks"),
    },
    cacheOptions,
  );
  const referrals = new PartnerCenterHttp(
    new AuthorizedHttp(core("partnerCenter"), referralTokens),
    options.correlationId,
  );
  const webhooks = new PartnerCenterHttp(
    new AuthorizedHttp(core("partnerCenterWebhooks"), webhookTokens),
    options.correlationId,
  );

  return {
    dataverse: new HttpDataverseGateway(dataverseApi),
    partnerCenter: new HttpPartnerCenterGateway(referrals, pc.apiUrl),
    partnerCenterWebhooks: new PartnerCenterWebhookClient(webhooks, pc.webhooksApiUrl),
    registerDataverseWebhook: (settings) => registerDataverseWebhook(dataverseApi, settings),
  };
}

/**
 * The audience to ask Azure AD for. An audience is the API's app ID URI, which for Partner Center is its production
 * host (§1.1, §2.1), so an https API URL (production, or another Microsoft ring such as PPE) is its own audience. A
 * plain-http URL is only accepted by the configuration for a loopback stand-in (server/config/urls.ts), which has no
 * app ID URI of its own: the documented audience is asked for, as such a stand-in expects.
 */
export function partnerCenterAudience(apiUrl: string, api: keyof typeof PARTNER_CENTER_AUDIENCES): string {
  const url = new URL(apiUrl);
  return url.protocol === "https:" ? url.origin : PARTNER_CENTER_AUDIENCES[api];
}
