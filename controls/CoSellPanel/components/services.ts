/**
 * What the panel's React part needs from outside, built once in index.ts from the PCF context and the window: the
 * Dataverse reads, the product catalogue, the sync service, the clock and the strings. Tests pass fakes.
 */
import type { DataverseReader } from "../data/dataverse";
import type { ProductCatalog } from "../data/productCatalog";
import type { SyncServiceClient } from "../data/syncService";
import type { EditableValues } from "../pendingEdits";
import type { Translate } from "../model/strings";

export interface PanelServices {
  readonly reader: DataverseReader;
  readonly catalog: ProductCatalog;
  /** A client for the service at `baseUrl`, or null when the page registered no token provider. */
  readonly connectSyncService: (baseUrl: string) => SyncServiceClient | null;
  readonly now: () => Date;
  readonly t: Translate;
  /** Delays (ms) between status polls while a sync is pending; tests shorten them. */
  readonly pollDelays?: readonly number[];
  /** How long to wait after the form changed before reading the saved row again (ms). */
  readonly refreshDelayMs?: number;
}

/** Records a change of the seller's and tells the form (index.ts keeps it for getOutputs). */
export type ChangeHandler = <F extends keyof EditableValues>(field: F, value: EditableValues[F]) => void;
