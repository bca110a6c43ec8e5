/**
 * A faithful local Dataverse as a real HTTP server (shared/reference/dataverse.md): an Azure AD-shaped token
 * endpoint with JWKS, the Web API at /api/data/v9.2 (§4) over an in-memory organization, webhooks for the steps
 * registered in it (§3), service protection (§4.4), fault injection, a request log and an admin API. One call starts
 * it on an ephemeral port; `npm run emulator:dataverse` starts it from main.ts.
 */
import { createTokenIssuer, type TokenIssuer } from "../auth";
import { FaultInjector, RequestLog, seededRandom, startServer } from "../http";
import { ManualClock, type Clock } from "../shared/clock";
import { DataverseAdminClient } from "./adminClient";
import type { DataverseEmulatorInfo } from "./adminTypes";
import { WEB_API_PATH } from "./defaults";
import { createAuthentication } from "./http/authentication";
import { idle } from "./http/adminWebhookRoutes";
import { createDataverseListener } from "./http/listener";
import { ServiceProtection } from "./http/serviceProtection";
import { webApiActions, webApiExtensions } from "./http/webApiExtensions";
import type { DataverseOrganization } from "./model";
import { resolveDataverseOptions, type DataverseEmulatorOptions, type ResolvedDataverseOptions } from "./options";
import type { OrganizationHolder } from "./organizationHolder";
import { createOrganizationSide } from "./organizationSide";
import { SolutionImportJobs } from "./solutionImportJobs";
import { solutionJobActions } from "./http/solutionJobActions";
import type { WebhookCaller } from "./webhooks";

/** A running local Dataverse. Close it when done; everything it started stops with it. */
export interface DataverseEmulator {
  /** The base URL, e.g. `http://127.0.0.1:54321` (no trailing slash); also the audience of its tokens. */
  readonly url: string;
  readonly port: number;
  /** `{url}/api/data/v9.2`. */
  readonly apiUrl: string;
  readonly tenantId: string;
  readonly tokenEndpoint: string;
  /** The current organization; a new object after an admin reset or snapshot load, so read it when needed. */
  readonly org: DataverseOrganization;
  readonly issuer: TokenIssuer;
  /** The webhook caller (close it through `close()`). */
  readonly webhooks: WebhookCaller;
  /** Every Web API and token request (method, path, status, duration); admin calls are not in it. */
  readonly log: RequestLog;
  readonly faults: FaultInjector;
  readonly clock: Clock;
  readonly protection: ServiceProtection;
  /** A client of this emulator's admin API. */
  readonly admin: DataverseAdminClient;
  /** The same as `GET /admin`. */
  info(): DataverseEmulatorInfo;
  /** Resolves once no solution import job, webhook call or write is under way (system jobs written). */
  idle(): Promise<void>;
  /** Stops webhook calls, then the server. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Starts a local Dataverse.
 * @throws RangeError for an invalid option; SnapshotError when `snapshotFile` exists but is not a snapshot.
 */
export async function startDataverseEmulator(options: DataverseEmulatorOptions = {}): Promise<DataverseEmulator> {
  const settings = resolveDataverseOptions(options);
  const { clock, ids } = settings;
  const issuer = await createTokenIssuer({
    tenantId: settings.tenantId,
    clients: settings.clients,
    clock,
    ids: ids.auth,
    ...(settings.tokenLifetimeSeconds === undefined ? {} : { tokenLifetimeSeconds: settings.tokenLifetimeSeconds }),
  });
  const { holder, coordinator, caller, deliveries, systemJobs } = createOrganizationSide(settings);
  const importJobs = new SolutionImportJobs(coordinator, settings.solutionImportStepMs, settings.logger);
  const log = new RequestLog({ clock, ...optional("maxEntries", settings.requestLogMaxEntries) });
  const faults = new FaultInjector({
    clock,
    ...(settings.faultRandomSeed === undefined ? {} : { random: seededRandom(settings.faultRandomSeed) }),
  });
  const protection = new ServiceProtection(settings.serviceProtection, clock);
  let url = "";
  const audiences = () => [url, `${url}/`, `https://${settings.organization.domain}`, ...settings.audiences];
  const organization = () => holder.organization;
  const authentication = createAuthentication({ issuer, audiences, organization, protection });
  const info = () => describeEmulator(url, settings, issuer, holder, protection);
  const admin = {
    holder,
    coordinator,
    clock,
    issuer,
    log,
    faults,
    protection,
    caller,
    systemJobs,
    deliveries,
    settings,
  };
  const webApi = {
    names: settings.organization,
    coordinator,
    authentication,
    organization,
    ids: ids.requests,
    actions: { ...webApiActions, ...solutionJobActions(importJobs) },
  };
  const listener = createDataverseListener({
    admin: { ...admin, audience: () => url, info },
    authentication,
    webApi,
    extensions: webApiExtensions,
  });
  const server = await startServer(listener, { host: settings.host, port: settings.port }).catch(
    async (error: unknown) => {
      holder.detach();
      await caller.close();
      throw error;
    },
  );
  url = server.url;
  issuer.setBaseUrl(url);

  let closing: Promise<void> | undefined;
  return {
    url,
    port: server.port,
    apiUrl: `${url}${WEB_API_PATH}`,
    tenantId: settings.tenantId,
    tokenEndpoint: issuer.tokenEndpoint,
    get org() {
      return holder.organization;
    },
    issuer,
    webhooks: caller,
    log,
    faults,
    clock,
    protection,
    admin: new DataverseAdminClient(url, settings.adminKey === undefined ? {} : { adminKey: settings.adminKey }),
    info,
    idle: async () => {
      await importJobs.idle();
      await idle({ caller, coordinator });
    },
    close: () => {
      closing ??= (async () => {
        // Imports under way finish first (a few progress steps), so no job writes to a detached organization.
        await importJobs.idle();
        await caller.close();
        await server.close();
        holder.detach();
      })();
      return closing;
    },
  };
}

function describeEmulator(
  url: string,
  settings: ResolvedDataverseOptions,
  issuer: TokenIssuer,
  holder: OrganizationHolder,
  protection: ServiceProtection,
): DataverseEmulatorInfo {
  const users = holder.knownUsers();
  return {
    url,
    apiUrl: `${url}${WEB_API_PATH}`,
    resource: url,
    tenantId: settings.tenantId,
    tokenEndpoint: issuer.tokenEndpoint,
    jwksUri: issuer.jwksUri,
    adminUrl: `${url}/admin`,
    organization: settings.organization,
    clients: settings.clients.map(({ clientId, kind }) => ({ clientId, kind })),
    integrationClientId: settings.integrationClientId,
    users: {
      integrationUserId: users.integrationUserId ?? null,
      sellerUserId: users.seller?.systemuserid ?? null,
      sellerObjectId: users.seller?.azureactivedirectoryobjectid ?? null,
    },
    serviceProtection: protection.limits ?? null,
    manualClock: settings.clock instanceof ManualClock,
  };
}

function optional<K extends string, V>(name: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [name]: value } as Record<K, V>);
}
