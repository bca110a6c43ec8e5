/**
 * Reads and write-backs of opportunities, combined across the syncs that run at once. Syncs that ask in the same turn
 * of the event loop (or while the previous batch is on the wire) share requests: reads become `$batch`es of GETs by
 * id (opportunityBatchReader.ts), write-backs one `$batch` (dataverse.md §4.3) in which every PATCH stands alone with
 * its own If-Match. Each sync still gets its own answer: one opportunity missing, changed meanwhile (412) or refused
 * fails that sync only. A lone request is sent as it always was, so a single webhook's sync costs what it did. This
 * is what brings a backfill from five Dataverse requests per opportunity to well under one; an idle service sees no
 * difference.
 */
import { opportunityTable, type DataverseRow } from "../../../core";
import { MicroBatcher } from "../../batching/microBatcher";
import { settle, unwrap, type Settled } from "../../batching/settled";
import type { OpportunityReading } from "../../sync/ports";
import { guid } from "../http/odata";
import { notRun, readOpportunities } from "./opportunityBatchReader";
import { readOpportunity } from "./opportunityReader";
import type { DataverseWebApi } from "./webApi";

/** Ids per read: a filter of 50 GUIDs keeps the URL near 3 kB, far below Dataverse's limit. */
export const MAX_READ_BATCH = 50;
/** PATCHes per `$batch`: Dataverse takes up to 1,000 (§4.3); a write-back with a full audit column is ~20 kB. */
export const MAX_WRITE_BATCH = 100;

interface Update {
  readonly id: string;
  readonly values: DataverseRow;
  readonly ifMatch: string | undefined;
}

export class OpportunityBatches {
  readonly #api: DataverseWebApi;
  readonly #reads: MicroBatcher<string, Settled<OpportunityReading | null>>;
  readonly #updates: MicroBatcher<Update, Settled<void>>;

  constructor(api: DataverseWebApi) {
    this.#api = api;
    this.#reads = new MicroBatcher((ids) => this.#readMany(ids), MAX_READ_BATCH, "turn");
    this.#updates = new MicroBatcher((updates) => this.#updateMany(updates), MAX_WRITE_BATCH, "turn");
  }

  /** The opportunity with everything the sync maps, or null when it doesn't exist. */
  async read(id: string): Promise<OpportunityReading | null> {
    return unwrap(await this.#reads.submit(guid(id, "The opportunity id")));
  }

  /** PATCH with If-Match `ifMatch` (default `*`: the row must exist). */
  async update(id: string, values: DataverseRow, ifMatch?: string): Promise<void> {
    unwrap(await this.#updates.submit({ id: guid(id, "The opportunity id"), values, ifMatch }));
  }

  async #readMany(ids: readonly string[]): Promise<Settled<OpportunityReading | null>[]> {
    const [only] = ids;
    if (ids.length === 1 && only !== undefined) return [await settle(readOpportunity(this.#api, only))];
    const outcomes = await readOpportunities(this.#api, ids);
    return ids.map((id) => outcomes.get(id) ?? { ok: true, value: null });
  }

  async #updateMany(updates: readonly Update[]): Promise<Settled<void>[]> {
    const entitySet = opportunityTable.entitySet;
    const [only] = updates;
    if (updates.length === 1 && only !== undefined) {
      return [await settle(this.#api.update(entitySet, only.id, only.values, only.ifMatch))];
    }
    const parts = updates.map((update) => this.#api.updatePart(entitySet, update.id, update.values, update.ifMatch));
    const answers = await this.#api.batch(parts);
    return parts.map((part, index): Settled<void> => {
      const answer = answers[index];
      if (answer === undefined) {
        // Dataverse stops a batch at a failure unless continue-on-error is honoured; what did not run can be retried.
        return { ok: false, error: this.#api.partFailure(part, notRun()) };
      }
      if (answer.status >= 200 && answer.status < 300) return { ok: true, value: undefined };
      return { ok: false, error: this.#api.partFailure(part, answer) };
    });
  }
}
