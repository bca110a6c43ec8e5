/**
 * The shared engine: PostgreSQL through a node-postgres pool, for several service replicas. Errors are stripped of
 * the connection URL and its password before anyone sees them (DATABASE_URL is a secret).
 */
import pg from "pg";
import type { Secret } from "../config/secret";
import type { Database, Queryable } from "./database";
import { messageOf, type Logger } from "./logger";

export interface PostgresOptions {
  readonly databaseUrl: Secret;
  /** host:port/database, safe to log. */
  readonly location: string;
  readonly schema: string;
  readonly logger: Logger;
  /** Connections in the pool (default 10). */
  readonly poolSize?: number;
}

/** Replaces the URL and its password in `text`, in case a driver message quotes them. */
export function redactSecret(text: string, databaseUrl: Secret): string {
  const url = databaseUrl.reveal();
  let password = "";
  try {
    password = decodeURIComponent(new URL(url).password);
  } catch {
    // Not a parsable URL: the config check reports that; only the URL itself can be redacted here.
  }
  let redacted = text.split(url).join("[DATABASE_URL]");
  if (password.length > 0) redacted = redacted.split(password).join("[secret]");
  return redacted;
}

function rowsOfLast<T>(result: pg.QueryResult | pg.QueryResult[]): T[] {
  const last = Array.isArray(result) ? result.at(-1) : result;
  return (last?.rows ?? []) as T[];
}

function queryable(target: pg.Pool | pg.PoolClient): Queryable {
  return {
    query: async <T>(text: string, params: readonly unknown[] = []): Promise<T[]> => {
      const result = await target.query(text, [...params]);
      return result.rows as T[];
    },
    exec: async <T>(sql: string): Promise<T[]> => {
      // Without parameters node-postgres uses the simple protocol, which accepts several statements.
      return rowsOfLast<T>((await target.query(sql)) as pg.QueryResult | pg.QueryResult[]);
    },
  };
}

async function inTransaction<T>(pool: pg.Pool, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    const result = await fn(queryable(client));
    await client.query("COMMIT");
    return result;
  } catch (error) {
    try {
      await client.query("ROLLBACK");
    } catch (rollbackError) {
      // The connection is unusable: destroy it rather than hand it to the next caller.
      broken = rollbackError instanceof Error ? rollbackError : new Error(messageOf(rollbackError));
    }
    throw error;
  } finally {
    client.release(broken);
  }
}

/** Connects a pool and checks that the server answers; throws without revealing the URL. */
export async function openPostgresDatabase(options: PostgresOptions): Promise<Database> {
  const { databaseUrl, location, schema, logger } = options;
  const pool = new pg.Pool({
    connectionString: databaseUrl.reveal(),
    max: options.poolSize ?? 10,
    application_name: "cosell-bridge",
  });
  // An idle connection that dies (server restart) emits 'error' on the pool; unhandled, it would end the process.
  pool.on("error", (error) => {
    logger.warn({ location, error: redactSecret(error.message, databaseUrl) }, "An idle PostgreSQL connection failed");
  });
  try {
    await pool.query("SELECT 1");
  } catch (error) {
    await pool.end().catch(() => undefined);
    const reason = redactSecret(messageOf(error), databaseUrl);
    throw new Error(
      `Cannot connect to PostgreSQL at ${location} (${reason}): check DATABASE_URL and that the server accepts ` +
        "connections from this host.",
    );
  }
  const direct = queryable(pool);
  let closing: Promise<void> | null = null;
  return {
    kind: "postgres",
    location,
    schema,
    ...direct,
    transaction: (fn) => inTransaction(pool, fn),
    close: () => {
      closing ??= pool.end();
      return closing;
    },
  };
}
