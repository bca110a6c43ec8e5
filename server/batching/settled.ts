/**
 * Per-item outcomes for batched work, so that one bad item fails its own caller and not its neighbours.
 */

/** A value, or the error that stands for it. */
export type Settled<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

export async function settle<T>(work: Promise<T>): Promise<Settled<T>> {
  try {
    return { ok: true, value: await work };
  } catch (error) {
    return { ok: false, error };
  }
}

export function unwrap<T>(settled: Settled<T>): T {
  if (settled.ok) return settled.value;
  throw settled.error;
}

/**
 * Runs `all` for the whole batch; if it throws, runs `one` for each item in turn, so that an item the database
 * refuses (a NUL character, say) fails alone. A failure that is not the items' fault (the database is down) then
 * fails each of them with its own error, as it would have without batching.
 */
export async function eachOnFailure<I, R>(
  items: readonly I[],
  all: (items: readonly I[]) => Promise<readonly R[]>,
  one: (item: I) => Promise<R>,
): Promise<Settled<R>[]> {
  try {
    return (await all(items)).map((value) => ({ ok: true, value }));
  } catch (error) {
    if (items.length === 1) return [{ ok: false, error }];
    const outcomes: Settled<R>[] = [];
    for (const item of items) outcomes.push(await settle(one(item)));
    return outcomes;
  }
}
