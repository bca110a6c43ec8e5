/**
 * The embedded engine: PGlite (PostgreSQL compiled to WebAssembly) in a local folder, so that `npm start` needs no
 * database server. PGlite has one connection and queues concurrent calls itself; a transaction holds that
 * connection until it ends (see Database.transaction).
 */
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { PGlite, type Transaction } from "@electric-sql/pglite";
import { lastRows, type Database, type Queryable } from "./database";
import { lockFolder } from "./folderLock";
import { messageOf } from "./logger";

/** PGlite's own files live in this subfolder of the data folder, next to the lock file. */
const DATABASE_SUBFOLDER = "pglite";
const LOCK_FILE = "pglite.lock";

function queryable(target: PGlite | Transaction): Queryable {
  return {
    query: async <T>(text: string, params: readonly unknown[] = []): Promise<T[]> => {
      const result = await target.query<T>(text, [...params]);
      return result.rows;
    },
    exec: async <T>(sql: string): Promise<T[]> => {
      return lastRows<T>(await target.exec(sql));
    },
  };
}

/** Opens (creating when missing) the PGlite database in `dataDir`; `schema` is recorded, not created here. */
export async function openPgliteDatabase(dataDir: string, schema: string): Promise<Database> {
  const folder = resolve(dataDir);
  const what = `the embedded database in ${folder}`;
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new Error(`Cannot create the data folder ${folder} (${messageOf(error)}): check DATA_DIR and permissions.`);
  }
  const lock = lockFolder(join(folder, LOCK_FILE), what);
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(join(folder, DATABASE_SUBFOLDER));
  } catch (error) {
    lock.release();
    throw new Error(`Cannot open ${what} (${messageOf(error)}): check that the folder is readable and writable.`);
  }
  const direct = queryable(pglite);
  let closing: Promise<void> | null = null;
  return {
    kind: "pglite",
    location: folder,
    schema,
    ...direct,
    transaction: (fn) => pglite.transaction((tx) => fn(queryable(tx))),
    close: () => {
      closing ??= pglite.close().finally(() => {
        lock.release();
      });
      return closing;
    },
  };
}
