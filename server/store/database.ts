/**
 * One small interface over the two engines the service stores its state in: embedded PGlite (the default, a folder)
 * and PostgreSQL (DATABASE_URL, several replicas). Callers write plain PostgreSQL; only `kind` tells them apart.
 */

/** A row as the driver returns it: column name to value (jsonb parsed, timestamptz as Date, int4 as number). */
export type Row = Record<string, unknown>;

/**
 * What both a database and an open transaction can do. Function-valued members rather than methods: they do not
 * depend on `this`, so a view such as `{ ...database, schema: "other" }` works.
 */
export interface Queryable {
  /** Runs one statement with `$1`-style parameters and returns its rows. */
  readonly query: <T = Row>(text: string, params?: readonly unknown[]) => Promise<T[]>;
  /** Runs one or more statements without parameters; returns the rows of the last one. */
  readonly exec: <T = Row>(sql: string) => Promise<T[]>;
}

export type DatabaseKind = "pglite" | "postgres";

export interface Database extends Queryable {
  readonly kind: DatabaseKind;
  /** Safe to log: the PGlite folder, or host:port/database without credentials. */
  readonly location: string;
  /** The schema every table of the service's state lives in (validated, safe to interpolate). */
  readonly schema: string;
  /**
   * Runs `fn` in one transaction: COMMIT when it resolves, ROLLBACK when it throws. Inside, use only `tx`: on PGlite
   * (one connection) a query on the database itself would wait for the transaction to end, forever.
   */
  readonly transaction: <T>(fn: (tx: Queryable) => Promise<T>) => Promise<T>;
  /** Closes the connection(s); idempotent. */
  readonly close: () => Promise<void>;
}

/** The rows of the last statement of a multi-statement result (pg gives an array of results for several). */
export function lastRows<T>(results: readonly { readonly rows: unknown[] }[]): T[] {
  return (results.at(-1)?.rows ?? []) as T[];
}
