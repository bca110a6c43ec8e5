/**
 * What the panel loads besides the context (environment variables, the saved opportunity, product names, the sync
 * service's status) and the state of "Sync now": the second input of the view-model.
 */
import type { OpportunitySnapshot } from "../../../core";
import type { ServiceFailure } from "../data/syncService";
import type { OpportunitySyncStatus, SyncRequestResult } from "../data/syncServiceTypes";
import type { PanelSettings } from "./settings";

export type Loadable<T> =
  | { readonly state: "loading" }
  | { readonly state: "loaded"; readonly value: T }
  | { readonly state: "failed"; readonly message: string };

/** Where the panel stands with the sync service. */
export type ServiceState =
  /** The record has no id yet, so the service has nothing to say about it. */
  | { readonly kind: "newRecord" }
  /** The environment variables are still loading, so the service's address is not known yet. */
  | { readonly kind: "waitingForSettings" }
  | { readonly kind: "notConfigured" }
  | { readonly kind: "invalidUrl"; readonly url: string }
  /** The page registered no window.CoSellBridgeAuth token provider. */
  | { readonly kind: "noSignIn" }
  | { readonly kind: "loading" }
  | { readonly kind: "loaded"; readonly status: OpportunitySyncStatus }
  /** The last call failed; `lastKnown` is the status from an earlier call, if any. */
  | { readonly kind: "failed"; readonly failure: ServiceFailure; readonly lastKnown: OpportunitySyncStatus | null };

export type SyncRunState =
  | { readonly kind: "idle" }
  | { readonly kind: "running" }
  | { readonly kind: "done"; readonly result: SyncRequestResult }
  | { readonly kind: "failed"; readonly failure: ServiceFailure };

export interface PanelData {
  readonly settings: Loadable<PanelSettings>;
  /** The saved opportunity; null for a record that has not been saved yet. */
  readonly snapshot: Loadable<OpportunitySnapshot> | null;
  /** Catalogue names of solution ids, by upper-case id. */
  readonly productNames: ReadonlyMap<string, string>;
  readonly service: ServiceState;
  readonly syncRun: SyncRunState;
}

/** The service's latest status, from the last answer or the one before a failure. */
export function latestServiceStatus(service: ServiceState): OpportunitySyncStatus | null {
  if (service.kind === "loaded") return service.status;
  if (service.kind === "failed") return service.lastKnown;
  return null;
}

/** Whether the panel can call the service at all (address set and valid, a token provider, a saved record). */
export function serviceUsable(service: ServiceState): boolean {
  return service.kind === "loading" || service.kind === "loaded" || service.kind === "failed";
}
