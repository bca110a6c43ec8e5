/**
 * One environment to deploy to, as an admin has it: a Dataverse (the emulator, with its ImportSolutionAsync and
 * DeleteAndPromote) without the solution, with an application user for the deploy app registration (not the service's integration user) and the
 * organization's USD currency; its own Partner Center emulator; and its own sync service on PGlite, started as
 * `cosell-bridge serve` starts it, with no webhook registered (deploy does that). The service can be left out, stopped
 * and started again on the same port and data, to see how deploy behaves when it is down.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RegisteredClient } from "../../../../emulators/auth";
import {
  DEFAULT_INTEGRATION_CLIENT,
  DEFAULT_SELLER_CLIENT,
  startDataverseEmulator,
  type DataverseEmulator,
} from "../../../../emulators/dataverse";
import {
  DEFAULT_REFERRALS_ADMIN,
  startPartnerCenterEmulator,
  type PartnerCenterEmulator,
} from "../../../../emulators/partner-center";
import type { Config } from "../../../../server/config";
import { startService, type RunningService } from "../../../../server/runtime/service";
import {
  STACK_PC_CLIENT_ID,
  STACK_PC_CLIENT_SECRET,
  STACK_PC_REFRESH_TOKEN,
  STACK_WEBHOOK_KEY,
  configFromEnvironment,
  freePort,
  stackEnvironment,
} from "../../../support/bridgeStack";

/** The deploy app registration: its own application user, so the service treats its changes as a seller's. */
export const DEPLOY_CLIENT: RegisteredClient = {
  clientId: "d47a0e5e-0000-4000-8000-00000000d3a1",
  clientSecret: "deploy-app-secret-of-the-deploy-tests",
  kind: "application",
};

export interface DeployEnvironment {
  readonly name: string;
  readonly dataverse: DataverseEmulator;
  /** The solution actions called on Dataverse (ImportSolutionAsync, DeleteAndPromote, ImportSolution), in order. */
  solutionActions(): string[];
  /** Every request Dataverse received (Web API and token endpoint), as "METHOD /path". */
  dataverseRequests(): string[];
  readonly partnerCenter: PartnerCenterEmulator;
  /** The service's PUBLIC_URL (nothing listens there while the service is stopped). */
  readonly serviceUrl: string;
  /** The running service, as an operator reaches it (e.g. `queue.retryAll()`, what `cosell-bridge retry --all` does). */
  readonly service: RunningService | null;
  /** The variables the profile names, with their values: what the admin's shell holds. */
  readonly secrets: Readonly<Record<string, string>>;
  /** The profile as JSON, pointing at this environment. */
  profile(overrides?: Readonly<Record<string, unknown>>): Record<string, unknown>;
  startService(): Promise<void>;
  stopService(): Promise<void>;
  stop(): Promise<void>;
}

const SOLUTION_ACTION = /\/api\/data\/v9\.2\/(ImportSolutionAsync|ImportSolution|DeleteAndPromote)$/;

export async function startDeployEnvironment(
  name: string,
  options: {
    readonly service?: boolean;
    /** Milliseconds between the progress steps of an asynchronous import (the emulator's default otherwise). */
    readonly importStepMs?: number;
  } = {},
): Promise<DeployEnvironment> {
  const dataverse = await startDataverseEmulator({
    idsSeed: `deploy-${name}`,
    coSellSchema: false,
    seed: { opportunities: 0 },
    clients: [DEFAULT_INTEGRATION_CLIENT, DEFAULT_SELLER_CLIENT, DEPLOY_CLIENT],
    integrationClientId: DEFAULT_INTEGRATION_CLIENT.clientId,
    ...(options.importStepMs === undefined ? {} : { solutionImportStepMs: options.importStepMs }),
  });
  dataverse.org.create("systemuser", {
    firstname: "#",
    lastname: "Co-sell Bridge Deploy",
    applicationid: DEPLOY_CLIENT.clientId,
  });
  dataverse.org.create("transactioncurrency", {
    isocurrencycode: "USD",
    currencyname: "US Dollar",
    currencysymbol: "$",
    exchangerate: 1,
    currencyprecision: 2,
  });
  const partnerCenter = await startPartnerCenterEmulator({
    idsSeed: `deploy-${name}`,
    clients: [{ clientId: STACK_PC_CLIENT_ID, clientSecret: STACK_PC_CLIENT_SECRET, kind: "application" }],
    refreshTokens: [{ token: STACK_PC_REFRESH_TOKEN, clientId: STACK_PC_CLIENT_ID, user: DEFAULT_REFERRALS_ADMIN }],
  });
  const dataDir = await mkdtemp(join(tmpdir(), `cosell-deploy-${name}-`));
  const env = stackEnvironment(dataverse, partnerCenter, { kind: "pglite", dataDir }, await freePort());
  const config: Config = configFromEnvironment(env);
  let service: RunningService | null = null;
  const prefix = name.toUpperCase().replace(/[^A-Z0-9]/g, "_");
  const secrets = {
    [`${prefix}_DEPLOY_SECRET`]: DEPLOY_CLIENT.clientSecret,
    [`${prefix}_WEBHOOK_KEY`]: STACK_WEBHOOK_KEY,
  };

  const environment: DeployEnvironment = {
    name,
    dataverse,
    solutionActions: () =>
      dataverse.log
        .entries()
        .filter((entry) => entry.method === "POST")
        .flatMap((entry) => SOLUTION_ACTION.exec(entry.path)?.[1] ?? []),
    dataverseRequests: () => dataverse.log.entries().map((entry) => `${entry.method} ${entry.path}`),
    partnerCenter,
    serviceUrl: config.server.publicUrl,
    get service() {
      return service;
    },
    secrets,
    profile: (overrides = {}) => ({
      production: false,
      dataverse: {
        url: dataverse.url,
        authority: dataverse.url,
        tenantId: dataverse.tenantId,
        clientId: DEPLOY_CLIENT.clientId,
        clientSecretVariable: `${prefix}_DEPLOY_SECRET`,
      },
      service: { url: config.server.publicUrl, webhookKeyVariable: `${prefix}_WEBHOOK_KEY` },
      environmentVariables: { csb_SyncCoSellOnly: "no", csb_ShowCheckmark: "yes" },
      smokeTest: { timeoutSeconds: 20 },
      ...overrides,
    }),
    startService: async () => {
      service ??= await startService(config, { logging: false, scheduler: false });
    },
    stopService: async () => {
      await service?.stop();
      service = null;
    },
    stop: async () => {
      try {
        await environment.stopService();
      } finally {
        await Promise.all([dataverse.close(), partnerCenter.close()]);
        await rm(dataDir, { recursive: true, force: true });
      }
    },
  };
  if (options.service !== false) await environment.startService();
  return environment;
}
