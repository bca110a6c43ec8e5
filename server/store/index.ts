/**
 * server/store: the service's durable state on one database, embedded PGlite (DATA_DIR, the default) or PostgreSQL
 * (DATABASE_URL). `openDatabase` opens and migrates it; the stores and the job queue (server/queue) share it.
 */
export type { Database, DatabaseKind, Queryable, Row } from "./database";
export { DEFAULT_SCHEMA, validSchemaName } from "./identifiers";
export { messageOf, silentLogger, type Logger } from "./logger";
export { isLostRace, retryingLostRace } from "./lostRace";
export { migrate, storeMigrations, type Migration } from "./migrations";
export { openDatabase, type OpenDatabaseOptions } from "./openDatabase";
export { redactSecret } from "./postgresDatabase";
export { PgServiceStateStore, type ServiceStateStore } from "./serviceStateStore";
export { PgSyncStateStore, type SyncStateStoreOptions } from "./syncStateStore";
