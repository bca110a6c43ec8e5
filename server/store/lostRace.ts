/**
 * Errors that mean "another session did the same thing at the same moment": running the transaction again works,
 * because by then the other session has finished. All were measured here with replicas starting and claiming together.
 */

/** unique_violation, duplicate_schema, duplicate_table, duplicate_object, deadlock_detected. */
const LOST_RACE_CODES = new Set(["23505", "42P06", "42P07", "42710", "40P01"]);

/**
 * True for such an error. Cases seen: CREATE ... IF NOT EXISTS consults the catalog cache, which taking an advisory
 * lock does not refresh, so two replicas migrating together can still hit a duplicate key; pg-boss 10's
 * create_queue() deadlocks against itself; two replicas claiming the two waiting jobs of one key meet on the stately
 * unique index.
 */
export function isLostRace(error: unknown): boolean {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === "string" && LOST_RACE_CODES.has(code);
}

/** Runs `work` again (up to `tries` times in all) when it lost a race with another session. */
export async function retryingLostRace<T>(work: () => Promise<T>, tries = 3): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= tries || !isLostRace(error)) throw error;
    }
  }
}
