/**
 * A faithful local Partner Center as a real HTTP server (shared/reference/partner-center.md): an Azure AD v2-shaped
 * token endpoint with JWKS, the Referrals API (§1), the co-sell solutions catalogue, the webhook registration API
 * and signed event delivery (§2), fault injection, a request log and an admin API that plays Microsoft's side.
 * One call starts it on an ephemeral port; `npm run emulator:partner-center` starts it from main.ts.
 */
import { createTokenIssuer, type TokenIssuer } from "../auth";
import { FaultInjector, RequestLog, seededRandom, startServer } from "../http";
import { ManualClock, type Clock } from "../shared/clock";
import { PartnerCenterAdminClient } from "./adminClient";
import { ADMIN_BASE_PATH, type EmulatorInfo } from "./adminTypes";
import type { AdminContext } from "./http/adminContext";
import { createEmulatorListener } from "./http/listener";
import { REFERRALS_PATH } from "./http/referralRoutes";
import { SOLUTIONS_PATH } from "./http/solutionRoutes";
import { REGISTRATION_PATH } from "./http/webhookRoutes";
import { resolveEmulatorOptions, type PartnerCenterEmulatorOptions, type ResolvedEmulatorOptions } from "./options";
import type { EmulatorState } from "./state";
import { StateHolder } from "./stateHolder";
import { CERTIFICATE_PATH, createWebhookEmulator, type WebhookEmulator } from "./webhooks";

/** A running local Partner Center. Close it when done; everything it started stops with it. */
export interface PartnerCenterEmulator {
  /** The base URL, e.g. `http://127.0.0.1:54321` (no trailing slash). */
  readonly url: string;
  readonly port: number;
  readonly tenantId: string;
  /** `{url}/{tenantId}/oauth2/v2.0/token`. */
  readonly tokenEndpoint: string;
  /** The current state; a new object after an admin reset or snapshot load, so read it when needed. */
  readonly state: EmulatorState;
  readonly issuer: TokenIssuer;
  /** Certificate, registrations and dispatcher of the webhook side. */
  readonly webhooks: WebhookEmulator;
  /** Every Partner Center-side request (method, path, status, duration); admin calls are not in it. */
  readonly log: RequestLog;
  readonly faults: FaultInjector;
  readonly clock: Clock;
  /** A client of this emulator's admin API. */
  readonly admin: PartnerCenterAdminClient;
  /** The same as `GET /admin`. */
  info(): EmulatorInfo;
  /** Stops the expiry timer, the webhook dispatcher and the server. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Starts a local Partner Center.
 * @throws RangeError for an invalid option; SnapshotError when `state.snapshotFile` exists but is not a snapshot.
 */
export async function startPartnerCenterEmulator(
  options: PartnerCenterEmulatorOptions = {},
): Promise<PartnerCenterEmulator> {
  const settings = resolveEmulatorOptions(options);
  const { clock, ids } = settings;
  const [issuer, webhooks] = await Promise.all([
    createTokenIssuer({
      tenantId: settings.tenantId,
      clients: settings.clients,
      refreshTokens: settings.refreshTokens,
      resources: [...settings.referralsAudiences, ...settings.webhookAudiences],
      clock,
      ids: ids.auth,
      ...(settings.tokenLifetimeSeconds === undefined ? {} : { tokenLifetimeSeconds: settings.tokenLifetimeSeconds }),
    }),
    createWebhookEmulator({ ...settings.webhooks, clock, ids: ids.webhooks }),
  ]);
  const { dispatcher } = webhooks;
  // Every real change (the partner's API calls and Microsoft's admin actions alike) is delivered as a webhook.
  const holder = new StateHolder({ ...settings.state, clock, ids: ids.referrals }, (event) => {
    dispatcher.publish(event.eventName, event.referralId, event.at);
  });
  const log = new RequestLog({
    clock,
    ...(settings.requestLogMaxEntries === undefined ? {} : { maxEntries: settings.requestLogMaxEntries }),
  });
  const faults = new FaultInjector({
    clock,
    ...(settings.faultRandomSeed === undefined ? {} : { random: seededRandom(settings.faultRandomSeed) }),
  });
  const expireDue = () => (settings.autoExpire ? holder.state.microsoft.expireUnanswered() : []);

  let url = "";
  const info = () => describeEmulator(url, settings, issuer, webhooks);
  const context: AdminContext = { holder, clock, issuer, webhooks, log, faults, settings, expireDue, info };
  const server = await startServer(createEmulatorListener(context), {
    host: settings.host,
    port: settings.port,
  }).catch(async (error: unknown) => {
    holder.detach();
    await dispatcher.close();
    throw error;
  });
  url = server.url;
  issuer.setBaseUrl(url);
  holder.setApiBaseUrl(url);
  dispatcher.setApiBaseUrl(url);
  // An explicit certificate URL given at start wins; otherwise events point at this server's certificate route.
  if (settings.webhooks.dispatcher?.certificateUrl === undefined) {
    dispatcher.setCertificateUrl(`${url}${CERTIFICATE_PATH}`);
  }

  const sweeper = startExpirySweeper(settings, expireDue);
  let closing: Promise<void> | undefined;
  return {
    url,
    port: server.port,
    tenantId: settings.tenantId,
    tokenEndpoint: issuer.tokenEndpoint,
    get state() {
      return holder.state;
    },
    issuer,
    webhooks,
    log,
    faults,
    clock,
    admin: new PartnerCenterAdminClient(url, settings.adminKey === undefined ? {} : { adminKey: settings.adminKey }),
    info,
    close: () => {
      closing ??= (async () => {
        if (sweeper !== undefined) clearInterval(sweeper);
        holder.detach();
        await dispatcher.close();
        await server.close();
      })();
      return closing;
    },
  };
}

/** With autoExpire and the system clock, invitations expire on time even when nobody calls the API (§1.5). */
function startExpirySweeper(
  settings: ResolvedEmulatorOptions,
  expireDue: () => string[],
): ReturnType<typeof setInterval> | undefined {
  if (!settings.autoExpire || settings.expirySweepIntervalMs === 0) return undefined;
  const timer = setInterval(() => {
    try {
      expireDue();
    } catch (error) {
      settings.logger?.error("expiring unanswered referrals failed", {
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }, settings.expirySweepIntervalMs);
  // The sweeper alone must never keep a process (a test run, the CLI after close) alive.
  timer.unref();
  return timer;
}

function describeEmulator(
  url: string,
  settings: ResolvedEmulatorOptions,
  issuer: TokenIssuer,
  webhooks: WebhookEmulator,
): EmulatorInfo {
  return {
    url,
    tenantId: settings.tenantId,
    tokenEndpoint: issuer.tokenEndpoint,
    jwksUri: issuer.jwksUri,
    referralsUrl: `${url}${REFERRALS_PATH}`,
    solutionsUrl: `${url}${SOLUTIONS_PATH}`,
    webhookRegistrationUrl: `${url}${REGISTRATION_PATH}`,
    certificateUrl: webhooks.dispatcher.certificateUrl,
    adminUrl: `${url}${ADMIN_BASE_PATH}`,
    audiences: { referrals: settings.referralsAudiences, webhooks: settings.webhookAudiences },
    clients: settings.clients.map(({ clientId, kind }) => ({ clientId, kind })),
    manualClock: settings.clock instanceof ManualClock,
  };
}
