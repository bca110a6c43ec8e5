/**
 * Versioned migrations of the service's own tables. Each runs once, in order, recorded in `schema_migrations`; all
 * pending ones run in one transaction under an advisory lock, so replicas that start together on one PostgreSQL
 * database wait for each other instead of racing (concurrent CREATE SCHEMA IF NOT EXISTS can fail with a duplicate
 * key otherwise). Never edit a released migration: add the next version.
 */
import type { Database } from "./database";
import type { Logger } from "./logger";
import { retryingLostRace } from "./lostRace";

export interface Migration {
  readonly version: number;
  readonly name: string;
  /** The statements, for the (validated) schema name `s`. */
  readonly sql: (s: string) => string;
}

export const storeMigrations: readonly Migration[] = [
  {
    version: 1,
    name: "sync links, sync records, watermarks, service state",
    // Timestamps that come from the APIs stay text: echo detection compares them exactly as the API wrote them
    // (Partner Center sends seven decimal places, which a timestamptz would round).
    sql: (s) => `
      CREATE SEQUENCE ${s}.sync_link_save;
      CREATE TABLE ${s}.sync_link (
        opportunity_id text PRIMARY KEY,
        referral_id text,
        base jsonb,
        referral_etag text,
        referral_updated_at text,
        create_intent_at text,
        last_synced_at text,
        -- Orders saves (clock timestamps can tie within a millisecond): the newest link of a referral wins.
        save_number bigint NOT NULL DEFAULT nextval('${s}.sync_link_save'),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX sync_link_referral ON ${s}.sync_link (referral_id, save_number DESC) WHERE referral_id IS NOT NULL;
      CREATE TABLE ${s}.sync_record (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        direction text NOT NULL,
        opportunity_id text,
        referral_id text,
        outcome text NOT NULL,
        summary text NOT NULL,
        changed_at text,
        finished_at text NOT NULL,
        partner_center_calls integer NOT NULL,
        dataverse_calls integer NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX sync_record_opportunity ON ${s}.sync_record (opportunity_id, id DESC);
      CREATE TABLE ${s}.watermark (
        name text PRIMARY KEY,
        value text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE ${s}.service_state (
        name text PRIMARY KEY,
        value text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );`,
  },
];

/** Applies the migrations `database.schema` lacks; returns the versions applied (empty when up to date). */
export async function migrate(
  database: Database,
  logger: Logger,
  migrations: readonly Migration[] = storeMigrations,
): Promise<number[]> {
  const applied = await retryingLostRace(() => migrateOnce(database, migrations));
  if (applied.length > 0) {
    logger.info(
      { schema: database.schema, location: database.location, versions: applied },
      "Database schema migrated",
    );
  }
  return applied;
}

async function migrateOnce(database: Database, migrations: readonly Migration[]): Promise<number[]> {
  const s = database.schema;
  return database.transaction(async (tx) => {
    // Transaction-scoped: released by COMMIT or ROLLBACK, so a crash cannot leave it held.
    await tx.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`cosell_bridge.migrate.${s}`]);
    await tx.exec(`
      CREATE SCHEMA IF NOT EXISTS ${s};
      CREATE TABLE IF NOT EXISTS ${s}.schema_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      );`);
    const done = new Set(
      (await tx.query<{ version: number }>(`SELECT version FROM ${s}.schema_migrations`)).map((row) => row.version),
    );
    const newest = Math.max(0, ...done);
    const known = Math.max(0, ...migrations.map((m) => m.version));
    if (newest > known) {
      throw new Error(
        `The database schema ${s} at ${database.location} is at version ${newest}, newer than this service knows ` +
          `(${known}): run the newer service version, or restore a backup taken before the upgrade.`,
      );
    }
    const versions: number[] = [];
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(migration.version)) continue;
      await tx.exec(migration.sql(s));
      await tx.query(`INSERT INTO ${s}.schema_migrations (version, name) VALUES ($1, $2)`, [
        migration.version,
        migration.name,
      ]);
      versions.push(migration.version);
    }
    return versions;
  });
}
