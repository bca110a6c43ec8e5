import type { StorageConfig } from "../config/types";
import type { Database } from "./database";
import { DEFAULT_SCHEMA, validSchemaName } from "./identifiers";
import { silentLogger, type Logger } from "./logger";
import { migrate } from "./migrations";
import { openPgliteDatabase } from "./pgliteDatabase";
import { openPostgresDatabase } from "./postgresDatabase";

export interface OpenDatabaseOptions {
  /** Where every table lives (default `storage.schema`, else "cosell_bridge"); tests use one schema per file. */
  readonly schema?: string;
  readonly logger?: Logger;
  /** PostgreSQL pool size (default 10); ignored by PGlite. */
  readonly poolSize?: number;
}

/**
 * Opens the service's database: PGlite in `storage.dataDir` (created when missing) or PostgreSQL at
 * `storage.databaseUrl`, then brings its schema up to date. Close it after everything that uses it has stopped.
 */
export async function openDatabase(storage: StorageConfig, options: OpenDatabaseOptions = {}): Promise<Database> {
  const schema = validSchemaName(options.schema ?? storage.schema ?? DEFAULT_SCHEMA);
  const logger = options.logger ?? silentLogger;
  const database =
    storage.kind === "pglite"
      ? await openPgliteDatabase(storage.dataDir, schema)
      : await openPostgresDatabase({
          databaseUrl: storage.databaseUrl,
          location: storage.location,
          schema,
          logger,
          ...(options.poolSize === undefined ? {} : { poolSize: options.poolSize }),
        });
  try {
    await migrate(database, logger);
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
  logger.debug({ kind: database.kind, location: database.location, schema }, "Database open");
  return database;
}
