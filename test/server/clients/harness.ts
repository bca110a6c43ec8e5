/**
 * Both emulators on their own ManualClocks, a service Config that points at them, and the clients built from it
 * with a call-recording observer and an in-memory refresh token store. The Partner Center emulator is started with
 * one app registration (the service has one PARTNER_CENTER_CLIENT_ID for the Referrals API and webhook registration)
 * and a refresh token of the Referrals admin issued to it.
 */
import {
  DEFAULT_CLIENT_SECRET as DATAVERSE_SECRET,
  DEFAULT_INTEGRATION_CLIENT,
  startDataverseEmulator,
  type DataverseEmulator,
  type DataverseEmulatorOptions,
} from "../../../emulators/dataverse";
import {
  DEFAULT_REFERRALS_ADMIN,
  type PartnerCenterEmulator,
  type PartnerCenterEmulatorOptions,
} from "../../../emulators/partner-center";
import { ManualClock } from "../../../emulators/shared/clock";
import { Secret } from "../../../server/config/secret";
import { loadConfig } from "../../../server/config/loadConfig";
import type { Config } from "../../../server/config/types";
import {
  createClients,
  InMemoryRefreshTokenStore,
  type ApiCallRecord,
  type Clients,
  type CreateClientsOptions,
} from "../../../server/clients";
import { START_TIME, startPartnerCenterOnManualClock } from "../../support/partnerCenterEmulator";

export const PC_CLIENT_ID = "c05e11b0-0000-4000-8000-0000000000c1";
export const PC_CLIENT_SECRET = "pc-client-secret-for-the-clients-tests-0123";
export const PC_REFRESH_TOKEN = "pc-initial-refresh-token-for-the-clients-tests-4567";
export const DV_CLIENT_SECRET = DATAVERSE_SECRET;
export const WEBHOOK_KEY = "dataverse-webhook-key-for-the-clients-tests-89ab";
export const HOUR_MS = 3_600_000;

export type TestDataverse = DataverseEmulator & { clock: ManualClock };
export type TestPartnerCenter = PartnerCenterEmulator & { clock: ManualClock };

export async function startDataverse(options: DataverseEmulatorOptions = {}): Promise<TestDataverse> {
  const clock = new ManualClock(START_TIME);
  const emulator = await startDataverseEmulator({
    clock,
    idsSeed: "clients-tests",
    seed: { opportunities: 40 },
    ...options,
  });
  return Object.assign(emulator, { clock });
}

export function startPartnerCenter(options: PartnerCenterEmulatorOptions = {}): Promise<TestPartnerCenter> {
  return startPartnerCenterOnManualClock("clients-tests", {
    clients: [{ clientId: PC_CLIENT_ID, clientSecret: PC_CLIENT_SECRET, kind: "application" }],
    refreshTokens: [{ token: PC_REFRESH_TOKEN, clientId: PC_CLIENT_ID, user: DEFAULT_REFERRALS_ADMIN }],
    expirySweepIntervalMs: 0,
    ...options,
  });
}

/** The service's configuration, loaded as at start-up from an environment that points at the emulators. */
export function configFor(
  dataverse: { url: string; tenantId: string },
  partnerCenter: { url: string; tenantId: string },
): Config {
  const result = loadConfig({
    env: {
      PUBLIC_URL: "http://127.0.0.1:3978",
      DATAVERSE_URL: dataverse.url,
      DATAVERSE_AUTHORITY: dataverse.url,
      DATAVERSE_TENANT_ID: dataverse.tenantId,
      DATAVERSE_CLIENT_ID: DEFAULT_INTEGRATION_CLIENT.clientId,
      DATAVERSE_CLIENT_SECRET: DV_CLIENT_SECRET,
      DATAVERSE_WEBHOOK_KEY: WEBHOOK_KEY,
      PARTNER_CENTER_API_URL: partnerCenter.url,
      PARTNER_CENTER_WEBHOOKS_API_URL: partnerCenter.url,
      PARTNER_CENTER_AUTHORITY: partnerCenter.url,
      PARTNER_CENTER_TENANT_ID: partnerCenter.tenantId,
      PARTNER_CENTER_CLIENT_ID: PC_CLIENT_ID,
      PARTNER_CENTER_CLIENT_SECRET: PC_CLIENT_SECRET,
      PARTNER_CENTER_REFRESH_TOKEN: PC_REFRESH_TOKEN,
      FORM_API_ISSUER: `${dataverse.url}/${dataverse.tenantId}/v2.0`,
      FORM_API_AUDIENCE: "api://c05e11b0-0000-4000-8000-00000000f001",
      FORM_API_JWKS_URL: `${dataverse.url}/${dataverse.tenantId}/discovery/v2.0/keys`,
    },
  });
  if (!result.ok) throw new Error(`the test configuration is invalid: ${JSON.stringify(result.problems)}`);
  return result.config;
}

/**
 * The config with a newly issued refresh token: each redemption burns the token it presents, so clients that don't
 * share a store each need their own.
 */
export async function withFreshRefreshToken(config: Config, partnerCenter: TestPartnerCenter): Promise<Config> {
  const { refresh_token: token } = await partnerCenter.admin.addRefreshToken({ clientId: PC_CLIENT_ID });
  return { ...config, partnerCenter: { ...config.partnerCenter, refreshToken: new Secret(token) } };
}

export interface TestClients extends Clients {
  readonly calls: ApiCallRecord[];
  readonly store: InMemoryRefreshTokenStore;
}

/** Clients for the config, recording every call; `options` may replace the store or anything else. */
export function clientsFor(config: Config, options: CreateClientsOptions = {}): TestClients {
  const calls: ApiCallRecord[] = [];
  const store = new InMemoryRefreshTokenStore();
  const clients = createClients(config, {
    observer: (call) => calls.push(call),
    refreshTokenStore: store,
    ...options,
  });
  return Object.assign(clients, { calls, store });
}

/** The calls of one API, without token requests. */
export function callsTo(calls: readonly ApiCallRecord[], api: ApiCallRecord["api"]): ApiCallRecord[] {
  return calls.filter((call) => call.api === api);
}

/** Runs `action`, which must fail, and returns what it threw. */
export async function failureOf(action: () => Promise<unknown>): Promise<unknown> {
  try {
    await action();
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail, but it succeeded");
}

/** Every secret the tests configure: none may appear in an error message. */
export const ALL_SECRETS = [PC_CLIENT_SECRET, PC_REFRESH_TOKEN, DV_CLIENT_SECRET, WEBHOOK_KEY];
