/**
 * The two engines as the store and queue tests use them: PGlite in a fresh temp folder, and the shared PostgreSQL
 * server (127.0.0.1:5432, database "test", trust auth) with a unique schema per test file, dropped afterwards.
 */
import { randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { Secret } from "../../../server/config/secret";
import type { StorageConfig } from "../../../server/config/types";
import { afterAll, beforeAll } from "vitest";
import { migrate, openDatabase, silentLogger, type Database, type OpenDatabaseOptions } from "../../../server/store";

export const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export type EngineName = "pglite" | "postgres";
export const ENGINES: readonly EngineName[] = ["pglite", "postgres"];

/** A schema name no other test file uses. */
export function uniqueSchema(prefix: string): string {
  return `${prefix}_${randomBytes(4).toString("hex")}`;
}

export function postgresStorage(): StorageConfig {
  const url = new URL(POSTGRES_URL);
  return {
    kind: "postgres",
    databaseUrl: new Secret(POSTGRES_URL),
    location: `${url.hostname}:${url.port || "5432"}${url.pathname}`,
  };
}

/** A fresh, empty folder under the OS temp folder. */
export function tempFolder(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `${prefix}-`));
}

/** Drops every schema whose name starts with `schema` (the store's and the queue's `<schema>_boss`). */
export async function dropSchemas(schema: string): Promise<void> {
  const client = new pg.Client(POSTGRES_URL);
  await client.connect();
  try {
    const rows = await client.query<{ name: string }>(
      "SELECT nspname AS name FROM pg_namespace WHERE nspname = $1 OR nspname LIKE $2",
      [schema, `${schema}\\_%`],
    );
    for (const { name } of rows.rows) await client.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
  } finally {
    await client.end();
  }
}

/** Storage for `engine`, and how to remove what the test left behind. */
export function testStorage(
  engine: EngineName,
  prefix: string,
): { storage: StorageConfig; schema: string; cleanup: () => Promise<void> } {
  const schema = uniqueSchema(prefix);
  if (engine === "postgres") return { storage: postgresStorage(), schema, cleanup: () => dropSchemas(schema) };
  const dataDir = tempFolder(prefix);
  return {
    storage: { kind: "pglite", dataDir },
    schema,
    cleanup: () => {
      rmSync(dataDir, { recursive: true, force: true });
      return Promise.resolve();
    },
  };
}

/**
 * A freshly initialised PGlite data folder, made once per PGlite version and kept in the OS temp folder: PGlite's
 * initdb takes seconds of CPU, a copy takes a fraction of one. Each test still gets its own copy.
 */
async function pgliteTemplate(): Promise<string> {
  const { version } = JSON.parse(
    readFileSync(join("node_modules", "@electric-sql", "pglite", "package.json"), "utf8"),
  ) as { version: string };
  const template = join(tmpdir(), `cosell-bridge-pglite-template-${version}`);
  if (existsSync(join(template, "PG_VERSION"))) return template;
  const build = mkdtempSync(join(tmpdir(), "cosell-bridge-pglite-build-"));
  const pglite = await PGlite.create(build);
  await pglite.close();
  try {
    renameSync(build, template);
  } catch {
    // Another test worker won the race; its template is as good.
    rmSync(build, { recursive: true, force: true });
  }
  return template;
}

/** Opens `storage` like the service does; a PGlite folder without a database gets a copy of the template first. */
export async function openTestDatabase(storage: StorageConfig, options: OpenDatabaseOptions = {}): Promise<Database> {
  if (storage.kind === "pglite" && !existsSync(join(storage.dataDir, "pglite"))) {
    cpSync(await pgliteTemplate(), join(storage.dataDir, "pglite"), { recursive: true });
  }
  return openDatabase(storage, options);
}

export interface TestDatabase {
  /** The file's database, open between beforeAll and afterAll. */
  readonly database: Database;
  /** The same connection with a migrated schema of its own, so a test can count rows without seeing the others'. */
  freshSchema(): Promise<Database>;
}

/** Opens a database on `engine` before the file's tests and closes and removes it after them. */
export function useTestDatabase(engine: EngineName, prefix: string): TestDatabase {
  const { storage, schema, cleanup } = testStorage(engine, prefix);
  let opened: Database | undefined;
  let views = 0;
  const database = () => {
    if (opened === undefined) throw new Error("The test database is open only while the file's tests run.");
    return opened;
  };

  beforeAll(async () => {
    opened = await openTestDatabase(storage, { schema });
  });
  afterAll(async () => {
    try {
      await opened?.close();
    } finally {
      await cleanup();
    }
  });

  return {
    get database() {
      return database();
    },
    async freshSchema() {
      views += 1;
      const view: Database = { ...database(), schema: `${schema}_v${views}` };
      await migrate(view, silentLogger);
      return view;
    },
  };
}
