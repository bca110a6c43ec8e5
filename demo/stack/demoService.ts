/**
 * The sync service as `cosell-bridge serve` runs it (server/runtime/service.ts: the webhooks, the form's API, the
 * admin API, the queue and the catch-up schedule), on PGlite in the run's temp folder, configured through the same
 * environment variables an operator sets (server/config), pointed at the two emulators. Its form API trusts the
 * Dataverse emulator's tokens (the seller's, and the operator page's with the admin role), and its CORS admits the
 * demo site, where the form runs.
 */
import type { DataverseEmulator } from "../../emulators/dataverse";
import type { PartnerCenterEmulator } from "../../emulators/partner-center";
import { loadConfig, type Config } from "../../server/config";
import { PARTNER_CENTER_WEBHOOK_PATH } from "../../server/http";
import { PARTNER_CENTER_EVENT_NAMES } from "../../server/intake/partnerCenter";
import type { LogLevel } from "../../server/config/types";
import type { LogStream } from "../../server/http/logging";
import { startService, type RunningService } from "../../server/runtime/service";
import type { DemoIdentities } from "./demoIdentities";

export interface DemoServiceSettings {
  readonly port: number;
  readonly dataverse: Pick<DataverseEmulator, "url" | "tenantId">;
  readonly partnerCenter: Pick<PartnerCenterEmulator, "url" | "tenantId">;
  readonly identities: DemoIdentities;
  /** The PGlite folder. */
  readonly dataDir: string;
  /** The demo site's origin: the form calls the service from there. */
  readonly siteUrl: string;
  readonly logLevel: LogLevel;
  /** Where the service's JSON log lines go when logLevel is not silent. */
  readonly logStream?: LogStream;
}

export interface DemoService {
  readonly service: RunningService;
  readonly config: Config;
  /** The base URL, e.g. http://127.0.0.1:3000. */
  readonly url: string;
}

/** The service's configuration, as environment variables (what `cosell-bridge config check` would read). */
export function demoServiceEnvironment(settings: DemoServiceSettings): Record<string, string> {
  const { dataverse, partnerCenter, identities } = settings;
  const publicUrl = `http://127.0.0.1:${settings.port}`;
  return {
    PORT: String(settings.port),
    HOST: "127.0.0.1",
    PUBLIC_URL: publicUrl,
    LOG_LEVEL: settings.logLevel,
    DATA_DIR: settings.dataDir,
    DATAVERSE_URL: dataverse.url,
    DATAVERSE_AUTHORITY: dataverse.url,
    DATAVERSE_TENANT_ID: dataverse.tenantId,
    DATAVERSE_CLIENT_ID: identities.integration.clientId,
    DATAVERSE_CLIENT_SECRET: identities.integration.clientSecret,
    DATAVERSE_WEBHOOK_KEY: identities.webhookKey,
    PARTNER_CENTER_API_URL: partnerCenter.url,
    PARTNER_CENTER_WEBHOOKS_API_URL: partnerCenter.url,
    PARTNER_CENTER_AUTHORITY: partnerCenter.url,
    PARTNER_CENTER_TENANT_ID: partnerCenter.tenantId,
    PARTNER_CENTER_CLIENT_ID: identities.partnerCenter.clientId,
    PARTNER_CENTER_CLIENT_SECRET: identities.partnerCenter.clientSecret,
    PARTNER_CENTER_REFRESH_TOKEN: identities.partnerCenterRefreshToken,
    PARTNER_CENTER_CERTIFICATE_HOSTS: new URL(partnerCenter.url).host,
    PARTNER_CENTER_TRUST_EMULATOR_CERTIFICATES: "true",
    // The seller's Dataverse token (audience: the organization's URL) is what the form sends, as in Dynamics.
    FORM_API_ISSUER: `${dataverse.url}/${dataverse.tenantId}/v2.0`,
    FORM_API_AUDIENCE: dataverse.url,
    FORM_API_JWKS_URL: `${dataverse.url}/${dataverse.tenantId}/discovery/v2.0/keys`,
    CORS_ORIGINS: settings.siteUrl,
    // "Open in Partner Center" leads to the demo's Partner Center view rather than to Microsoft's.
    REFERRAL_LINK_TEMPLATE: `${settings.siteUrl}/partner-center/referrals/{referralId}`,
    // A demo should heal a missed change within minutes and retry a failed job within seconds.
    SYNC_RECONCILE_MINUTES: "5",
    QUEUE_RETRY_BASE: "1s",
    QUEUE_RETRY_MAX: "1m",
  };
}

/** @throws Error listing the configuration problems (never their values) when the settings are refused. */
export async function startDemoService(settings: DemoServiceSettings): Promise<DemoService> {
  const loaded = loadConfig({ env: demoServiceEnvironment(settings) });
  if (!loaded.ok) {
    const problems = loaded.problems.map((problem) => `${problem.key}: ${problem.message}`).join("; ");
    throw new Error(`the demo's service configuration is refused: ${problems}`);
  }
  const config = loaded.config;
  const logging =
    settings.logLevel === "silent"
      ? false
      : { level: settings.logLevel, ...(settings.logStream === undefined ? {} : { stream: settings.logStream }) };
  const service = await startService(config, { logging });
  if (service.url === null) {
    await service.stop();
    throw new Error("the sync service did not start listening");
  }
  return { service, config, url: service.url };
}

/**
 * Points Partner Center's webhook at the service, as `cosell-bridge register-webhooks --partner-center --overwrite`
 * does (the Dataverse webhook is the deploy's). Partner Center keeps one registration per tenant: this run's.
 */
export async function registerPartnerCenterWebhook(running: DemoService): Promise<void> {
  await running.service.clients.partnerCenterWebhooks.registerPartnerCenterWebhook({
    webhookUrl: `${running.config.server.publicUrl}${PARTNER_CENTER_WEBHOOK_PATH}`,
    events: PARTNER_CENTER_EVENT_NAMES,
    overwrite: true,
  });
}
