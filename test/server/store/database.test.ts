import { spawn } from "node:child_process";
import { existsSync, rmSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Secret } from "../../../server/config/secret";
import { migrate, openDatabase, PgSyncStateStore, silentLogger, type Database } from "../../../server/store";
import {
  dropSchemas,
  ENGINES,
  openTestDatabase,
  postgresStorage,
  tempFolder,
  testStorage,
  uniqueSchema,
} from "./testDatabases";

describe.each(ENGINES)("a database on %s", (engine) => {
  const { storage, schema, cleanup } = testStorage(engine, "store_db");
  let database: Database;

  beforeAll(async () => {
    database = await openTestDatabase(storage, { schema });
  });

  afterAll(async () => {
    try {
      await database.close();
    } finally {
      await cleanup();
    }
  });

  it("says which engine it is and where, without credentials", () => {
    expect(database.kind).toBe(engine);
    expect(database.schema).toBe(schema);
    if (storage.kind === "pglite") expect(database.location).toBe(storage.dataDir);
    else expect(database.location).toBe("127.0.0.1:5432/test");
  });

  it("runs several statements and returns the rows of the last", async () => {
    const rows = await database.exec<{ n: number }>(
      `CREATE TABLE ${schema}.scratch (n integer); INSERT INTO ${schema}.scratch VALUES (1), (2); ` +
        `SELECT sum(n)::int AS n FROM ${schema}.scratch`,
    );
    expect(rows).toEqual([{ n: 3 }]);
  });

  it("commits a transaction that resolves and rolls back one that throws", async () => {
    await database.exec(`CREATE TABLE ${schema}.tx_test (name text)`);
    const value = await database.transaction(async (tx) => {
      await tx.query(`INSERT INTO ${schema}.tx_test VALUES ($1)`, ["kept"]);
      return "done";
    });
    expect(value).toBe("done");
    const failing = database.transaction(async (tx) => {
      await tx.query(`INSERT INTO ${schema}.tx_test VALUES ($1)`, ["undone"]);
      throw new Error("handler failed");
    });
    await expect(failing).rejects.toThrow("handler failed");
    const rows = await database.query<{ name: string }>(`SELECT name FROM ${schema}.tx_test`);
    expect(rows).toEqual([{ name: "kept" }]);
  });

  it("migrates once: running the migrations again changes nothing", async () => {
    expect(await migrate(database, silentLogger)).toEqual([]);
    const versions = await database.query<{ version: number }>(`SELECT version FROM ${schema}.schema_migrations`);
    expect(versions).toEqual([{ version: 1 }]);
  });

  it("refuses a schema migrated by a newer service version", async () => {
    const view: Database = { ...database, schema: `${schema}_newer` };
    await migrate(view, silentLogger);
    await view.query(`INSERT INTO ${view.schema}.schema_migrations (version, name) VALUES (99, 'from the future')`);
    await expect(migrate(view, silentLogger)).rejects.toThrow(/version 99, newer than this service knows \(1\)/);
  });

  it("refuses a schema name that is not a plain identifier", async () => {
    await expect(openDatabase(storage, { schema: "bad-name; DROP" })).rejects.toThrow(/Invalid database schema name/);
  });
});

describe("PGlite folders", () => {
  const folders: string[] = [];
  /** A temp folder removed after these tests. */
  const folder = (prefix: string) => {
    const path = tempFolder(prefix);
    folders.push(path);
    return path;
  };
  afterAll(() => {
    for (const path of folders) rmSync(path, { recursive: true, force: true });
  });

  it("are created, with the database in them, when missing", async () => {
    const dataDir = join(folder("store_new"), "data", "nested");
    const database = await openDatabase({ kind: "pglite", dataDir });
    try {
      expect(database.location).toBe(dataDir);
      expect(existsSync(join(dataDir, "pglite", "PG_VERSION"))).toBe(true);
      expect(await migrate(database, silentLogger)).toEqual([]);
    } finally {
      await database.close();
    }
  }, 60_000);

  it("keep their data when closed and opened again", async () => {
    const dataDir = folder("store_reopen");
    const first = await openTestDatabase({ kind: "pglite", dataDir });
    await new PgSyncStateStore(first).writeWatermark("dataverse", "2026-05-04T09:00:00Z");
    await first.close();
    expect(existsSync(join(dataDir, "pglite.lock"))).toBe(false);

    const second = await openDatabase({ kind: "pglite", dataDir });
    expect(await new PgSyncStateStore(second).readWatermark("dataverse")).toBe("2026-05-04T09:00:00Z");
    // Opening the same folder twice in one process would corrupt it: refused.
    await expect(openDatabase({ kind: "pglite", dataDir })).rejects.toThrow(/this process has it open already/);
    await second.close();
  }, 30_000);

  it("are refused while another live process holds them, and taken over once it is gone", async () => {
    const dataDir = folder("store_lock");
    const holder = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
    const pid = holder.pid ?? -1;
    const lock = join(dataDir, "pglite.lock");
    writeFileSync(lock, JSON.stringify({ pid, host: hostname(), since: "2026-05-04T09:00:00Z" }));
    try {
      await expect(openDatabase({ kind: "pglite", dataDir })).rejects.toThrow(
        new RegExp(`process ${pid} has it open since .*set DATABASE_URL`),
      );
    } finally {
      const exited = new Promise((resolve) => holder.once("exit", resolve));
      holder.kill("SIGKILL");
      await exited;
    }
    const database = await openTestDatabase({ kind: "pglite", dataDir });
    await database.close();
  }, 30_000);
});

describe("PostgreSQL", () => {
  it("migrates one schema from several replicas starting at once", async () => {
    const schema = uniqueSchema("store_race");
    try {
      const replicas = await Promise.all(
        Array.from({ length: 4 }, () => openDatabase(postgresStorage(), { schema, poolSize: 2 })),
      );
      const versions = await replicas[0]?.query(`SELECT version FROM ${schema}.schema_migrations`);
      expect(versions).toEqual([{ version: 1 }]);
      await Promise.all(replicas.map((replica) => replica.close()));
    } finally {
      await dropSchemas(schema);
    }
  });

  it("never shows the password of DATABASE_URL in a connection error", async () => {
    const password = "pa55-w0rd-never-shown";
    const storage = {
      kind: "postgres" as const,
      databaseUrl: new Secret(`postgres://postgres:${password}@127.0.0.1:1/test`),
      location: "127.0.0.1:1/test",
    };
    const failure = openDatabase(storage);
    await expect(failure).rejects.toThrow(/Cannot connect to PostgreSQL at 127\.0\.0\.1:1\/test .*check DATABASE_URL/);
    await failure.catch((error: unknown) => {
      expect(String(error)).not.toContain(password);
    });
  });
});
