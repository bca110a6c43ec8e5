/**
 * DATABASE_SCHEMA: the schema of the database that holds the service's state (default cosell_bridge; the queue keeps
 * its tables in `<schema>_boss`). It lets several services share one PostgreSQL database (a staging and a production
 * service, or test runs), and every command of one service must name the same schema: `status`, `retry` or
 * `backfill` on another schema would see another queue, and the rotated Partner Center refresh token kept there.
 * It is read here rather than in server/config because only the commands open the database.
 */
import type { Environment } from "../config";
import { DEFAULT_SCHEMA, validSchemaName } from "../store";

export const DATABASE_SCHEMA_KEY = "DATABASE_SCHEMA";

export const DATABASE_SCHEMA_USAGE = `  ${DATABASE_SCHEMA_KEY} (environment)  the database schema of the service's state (default ${DEFAULT_SCHEMA})`;

export type SchemaChoice =
  { readonly ok: true; readonly schema: string } | { readonly ok: false; readonly message: string };

/** The schema DATABASE_SCHEMA names (blank means the default), or why it can't be used. */
export function databaseSchemaOf(env: Environment): SchemaChoice {
  const value = env[DATABASE_SCHEMA_KEY]?.trim() ?? "";
  if (value === "") return { ok: true, schema: DEFAULT_SCHEMA };
  try {
    return { ok: true, schema: validSchemaName(value) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
