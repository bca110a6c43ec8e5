/**
 * Everything a sync engine test needs, real end to end: the Dataverse and Partner Center emulators over HTTP on one
 * ManualClock, the real HTTP gateways (server/clients) from a configuration pointing at them, the real store
 * (server/store) on PGlite in a fresh folder or on PostgreSQL in a schema of its own, and the engine on top.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { startDataverseEmulator, type DataverseEmulator } from "../../../emulators/dataverse";
import {
  DEFAULT_REFERRALS_ADMIN,
  startPartnerCenterEmulator,
  type PartnerCenterEmulator,
  type PartnerCenterEmulatorOptions,
} from "../../../emulators/partner-center";
import { ManualClock } from "../../../emulators/shared/clock";
import { createClients, InMemoryRefreshTokenStore, type Clients } from "../../../server/clients";
import { Secret } from "../../../server/config/secret";
import type { StorageConfig } from "../../../server/config/types";
import { openDatabase, PgSyncStateStore, type Database } from "../../../server/store";
import { createSyncEngine, type SyncEngine, type SyncEngineOptions, type SyncLogger } from "../../../server/sync";
import type { PartnerCenterGateway } from "../../../server/sync/ports";
import { dropPostgresSchema, POSTGRES_URL } from "../../support/bridgeStack";
import { START_TIME } from "../../support/partnerCenterEmulator";
import { ALL_SECRETS, configFor, PC_CLIENT_ID, PC_CLIENT_SECRET, PC_REFRESH_TOKEN } from "../clients/harness";
import { recordingPartnerCenter, type PatchRecord } from "./recording";
import { SellerApi } from "./sellerApi";

/** Every secret the world configures (the clients tests' credentials): none may reach an audit line or a record. */
export const SECRETS = ALL_SECRETS;
export const HOUR_MS = 3_600_000;
/** Starting a world initialises a fresh PGlite database (initdb), which takes seconds on a busy machine. */
export const WORLD_TIMEOUT_MS = 120_000;

export interface World {
  readonly clock: ManualClock;
  readonly dataverse: DataverseEmulator;
  readonly partnerCenter: PartnerCenterEmulator;
  readonly clients: Clients;
  /** The PATCH bodies the engine sent, through the real gateway. */
  readonly patches: PatchRecord[];
  readonly database: Database;
  readonly store: PgSyncStateStore;
  readonly engine: SyncEngine;
  readonly seller: SellerApi;
  readonly integrationUserId: string;
  readonly sellerUserId: string;
  /** Partner Center calls the emulator served (admin calls and tokens excluded). */
  partnerCenterCalls(): number;
  /** Builds another engine on the same gateways and store, e.g. with other options. */
  engineWith(options: SyncEngineOptions): SyncEngine;
  close(): Promise<void>;
}

export interface WorldOptions {
  readonly storage?: "pglite" | "postgres";
  readonly partnerCenter?: PartnerCenterEmulatorOptions;
  readonly engine?: SyncEngineOptions;
}

const ignore = (): void => undefined;
export const silentLogger: SyncLogger = { debug: ignore, info: ignore, warn: ignore, error: ignore };

export async function startWorld(options: WorldOptions = {}): Promise<World> {
  const clock = new ManualClock(START_TIME);
  const [dataverse, partnerCenter] = await Promise.all([
    startDataverseEmulator({ clock, idsSeed: `sync-${randomBytes(3).toString("hex")}`, seed: { opportunities: 0 } }),
    startPartnerCenterEmulator({
      clock,
      clients: [{ clientId: PC_CLIENT_ID, clientSecret: PC_CLIENT_SECRET, kind: "application" }],
      refreshTokens: [{ token: PC_REFRESH_TOKEN, clientId: PC_CLIENT_ID, user: DEFAULT_REFERRALS_ADMIN }],
      expirySweepIntervalMs: 0,
      ...options.partnerCenter,
    }),
  ]);
  const clients = createClients(configFor(dataverse, partnerCenter), {
    refreshTokenStore: new InMemoryRefreshTokenStore(),
    now: () => clock.now().getTime(),
  });
  const patches: PatchRecord[] = [];
  const partnerCenterGateway: PartnerCenterGateway = recordingPartnerCenter(clients.partnerCenter, patches);
  const { storage, schema, cleanup } = storageFor(options.storage ?? "pglite");
  const database = await openDatabase(storage, { schema });
  const store = new PgSyncStateStore(database);
  const engineWith = (engineOptions: SyncEngineOptions) =>
    createSyncEngine({
      dataverse: clients.dataverse,
      partnerCenter: partnerCenterGateway,
      store,
      logger: silentLogger,
      now: () => clock.now(),
      options: engineOptions,
    });
  const info = await dataverse.admin.info();
  return {
    clock,
    dataverse,
    partnerCenter,
    clients,
    patches,
    database,
    store,
    engine: engineWith(options.engine ?? {}),
    seller: await SellerApi.connect(dataverse),
    integrationUserId: String(info.users.integrationUserId),
    sellerUserId: String(info.users.sellerUserId),
    partnerCenterCalls: () => partnerCenter.log.count((entry) => entry.path.startsWith("/v1.0/")),
    engineWith,
    close: async () => {
      await database.close();
      await Promise.all([dataverse.close(), partnerCenter.close()]);
      await cleanup();
    },
  };
}

/** PGlite in a fresh temp folder, or PostgreSQL in a schema no other test uses (dropped afterwards). */
function storageFor(kind: "pglite" | "postgres"): {
  storage: StorageConfig;
  schema: string;
  cleanup: () => Promise<void>;
} {
  const schema = `sync_engine_${randomBytes(4).toString("hex")}`;
  if (kind === "pglite") {
    const dataDir = mkdtempSync(join(tmpdir(), "sync-engine-"));
    return {
      storage: { kind: "pglite", dataDir },
      schema,
      cleanup: () => {
        rmSync(dataDir, { recursive: true, force: true });
        return Promise.resolve();
      },
    };
  }
  const url = new URL(POSTGRES_URL);
  return {
    storage: {
      kind: "postgres",
      databaseUrl: new Secret(POSTGRES_URL),
      location: `${url.hostname}:${url.port || "5432"}${url.pathname}`,
    },
    schema,
    cleanup: () => dropPostgresSchema(schema),
  };
}
