/**
 * Small named values the service keeps between restarts, e.g. the Partner Center refresh token after rotation.
 * Values may be secrets: this module never logs them, and neither should its callers.
 */
import type { Database } from "./database";

export interface ServiceStateStore {
  /** The value stored under `name`, or null. */
  get(name: string): Promise<string | null>;
  /** Stores `value` under `name`, replacing any previous value. */
  set(name: string, value: string): Promise<void>;
}

export class PgServiceStateStore implements ServiceStateStore {
  readonly #db: Database;

  constructor(database: Database) {
    this.#db = database;
  }

  async get(name: string): Promise<string | null> {
    const rows = await this.#db.query<{ value: string }>(
      `SELECT value FROM ${this.#db.schema}.service_state WHERE name = $1`,
      [name],
    );
    return rows[0]?.value ?? null;
  }

  async set(name: string, value: string): Promise<void> {
    await this.#db.query(
      `INSERT INTO ${this.#db.schema}.service_state (name, value) VALUES ($1, $2)
       ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
      [name, value],
    );
  }
}
