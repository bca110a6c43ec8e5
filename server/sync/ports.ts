/**
 * What the sync engine needs from the outside world, and nothing more: the Dataverse and Partner Center Web APIs
 * (implemented over HTTP in server/clients/) and the service's own sync state (implemented on PGlite or PostgreSQL in
 * server/store/). The engine depends on these interfaces only, so each side can be read, changed and tested alone.
 */
import type {
  DataverseRow,
  JsonPatchOperation,
  OpportunitySnapshot,
  Referral,
  ReferralCreateRequest,
  SolutionCatalogEntry,
} from "../../core";

/** A resource with the ETag that guards the next write to it. */
export interface Versioned<T> {
  readonly value: T;
  readonly etag: string;
}

/** An opportunity as the engine reads it: everything mapping needs, plus the row's ETag and state. */
export interface OpportunityReading {
  readonly id: string;
  readonly snapshot: OpportunitySnapshot;
  readonly etag: string;
  /** ISO timestamp of the row's modifiedon. */
  readonly modifiedOn: string;
}

/** The raw values of the solution's environment variables, by schema name (csb_ShowCheckmark, ...); null when unset. */
export type EnvironmentVariableValues = Readonly<Record<string, string | null>>;

/** The outcome Dataverse takes only through WinOpportunity/LoseOpportunity (dataverse.md §4.2). */
export interface OpportunityClose {
  readonly outcome: "Won" | "Lost";
  /** Subject of the opportunityclose activity, e.g. "Won in Partner Center (referral 1234)". */
  readonly subject: string;
  /** Actual revenue for a win; null leaves Dataverse's default. */
  readonly actualRevenue: number | null;
  /** ISO date (yyyy-mm-dd) the deal closed. */
  readonly closedOn: string;
}

/** One opportunity that the reconciler or backfill should look at. */
export interface OpportunityChangeMarker {
  readonly id: string;
  readonly modifiedOn: string;
}

/** The Dataverse Web API, as the service's application user (client credentials). */
export interface DataverseGateway {
  /** The systemuser id the service writes as: webhook calls initiated by it are echoes. */
  whoAmI(): Promise<{ readonly userId: string; readonly organizationId: string }>;
  /** The opportunity with its account, customer contact, currency code, owner and solution catalogue; null if gone. */
  readOpportunity(id: string): Promise<OpportunityReading | null>;
  /** The opportunity whose csb_referralid is `referralId`, if any. */
  findOpportunityByReferralId(referralId: string): Promise<string | null>;
  /** PATCH the row; with `ifMatch`, Dataverse answers 412 when the row changed since that ETag. */
  updateOpportunity(id: string, values: DataverseRow, options?: { readonly ifMatch?: string }): Promise<void>;
  /** Creates the opportunity and returns its id; `currencyCode` is bound to the matching transactioncurrency row. */
  createOpportunity(values: DataverseRow, currencyCode: string | null): Promise<string>;
  /** The account with this exact name (and postal code, when given), if any. */
  findAccount(name: string, postalCode: string | null): Promise<string | null>;
  createAccount(values: DataverseRow): Promise<string>;
  updateAccount(id: string, values: DataverseRow): Promise<void>;
  createContact(values: DataverseRow): Promise<string>;
  updateContact(id: string, values: DataverseRow): Promise<void>;
  /** WinOpportunity or LoseOpportunity. */
  closeOpportunity(id: string, close: OpportunityClose): Promise<void>;
  /**
   * The bind path `/transactioncurrencies(<id>)` of an ISO 4217 code, for changing an existing opportunity's
   * currency (`transactioncurrencyid@odata.bind`). Optional: without it the engine leaves the currency of an existing
   * opportunity as it is and says so in the audit line. @throws ApiError 404 when the organization lacks the currency.
   */
  currencyReference?(isoCode: string): Promise<string>;
  /** The current values (or defaults) of every csb_ environment variable. */
  readEnvironmentVariables(): Promise<EnvironmentVariableValues>;
  /** Opportunities with Sync with Partner Center = Yes modified after `since` (all when null), oldest first, paged. */
  listOpportunitiesToSync(since: string | null): AsyncIterable<OpportunityChangeMarker>;
  /** Makes csb_partnercentersolution hold exactly these solutions (upsert by csb_solutionid). */
  replaceSolutionCatalog(entries: readonly SolutionCatalogEntry[]): Promise<{ created: number; updated: number }>;
  /** A cheap authenticated call, for /readyz. */
  ping(): Promise<void>;
}

/** A referral with its ETag. */
export type VersionedReferral = Versioned<Referral>;

/** The Partner Center Referrals API, as a Referrals admin user (delegated token). */
export interface PartnerCenterGateway {
  getReferral(id: string): Promise<VersionedReferral | null>;
  /** The referral whose externalReferenceId is `externalReferenceId` (our opportunity id), if any. */
  findReferralByExternalReferenceId(externalReferenceId: string): Promise<VersionedReferral | null>;
  createReferral(body: ReferralCreateRequest): Promise<VersionedReferral>;
  /**
   * PATCH with If-Match and `Prefer: return=representation`; a stale ETag throws ApiError with status 412
   * (partner-center.md §1.6: the status is configurable in the emulator, so 409 and error code 2055 count too).
   */
  patchReferral(id: string, operations: readonly JsonPatchOperation[], etag: string): Promise<VersionedReferral>;
  /** Referrals updated after `since` (all when null), oldest first, following @odata.nextLink. */
  listReferralsUpdatedSince(since: string | null): AsyncIterable<Referral>;
  /** The partner's co-sell solutions. */
  listSolutions(): Promise<SolutionCatalogEntry[]>;
  /** A cheap authenticated call, for /readyz. */
  ping(): Promise<void>;
}

/** What the service remembers about one synced pair, so that it can diff three ways and recognise its own echoes. */
export interface SyncLink {
  readonly opportunityId: string;
  readonly referralId: string | null;
  /**
   * What the engine remembers of the pair, as JSON: `{ fields, referral }`, the deal both sides agreed at the last
   * successful sync (core DealFields) and the referral as Partner Center last returned it (for If-Match planning
   * without a GET; see linkState.ts). null before the first sync. Only the engine reads it: the store keeps opaque JSON.
   */
  readonly base: unknown;
  /** The referral's ETag after the service's last write or read. */
  readonly referralEtag: string | null;
  /** updatedDateTime of the referral after the service's last write: events not newer than this are echoes. */
  readonly referralUpdatedAt: string | null;
  /** Set before a create is sent, so that a retried job looks the referral up before creating another. */
  readonly createIntentAt: string | null;
  readonly lastSyncedAt: string | null;
}

/** One finished sync, for the audit, /metrics, the status API and the operator page. */
export interface SyncRecord {
  readonly direction: "toPartnerCenter" | "toDataverse";
  readonly opportunityId: string | null;
  readonly referralId: string | null;
  readonly outcome: "created" | "updated" | "unchanged" | "echo" | "skipped" | "invalid" | "failed";
  /** What happened, in words a seller understands; never contains a secret. */
  readonly summary: string;
  /** When the change that caused the sync was made (webhook operation time or event time). */
  readonly changedAt: string | null;
  readonly finishedAt: string;
  readonly partnerCenterCalls: number;
  readonly dataverseCalls: number;
}

/** The service's own durable state (PGlite by default, PostgreSQL when DATABASE_URL is set). */
export interface SyncStateStore {
  linkByOpportunity(opportunityId: string): Promise<SyncLink | null>;
  linkByReferral(referralId: string): Promise<SyncLink | null>;
  /** Inserts or replaces the link of `link.opportunityId`. */
  saveLink(link: SyncLink): Promise<void>;
  recordSync(record: SyncRecord): Promise<void>;
  /** The newest records first, at most `limit`, optionally for one opportunity. */
  recentSyncs(options: { readonly limit: number; readonly opportunityId?: string }): Promise<SyncRecord[]>;
  /** Watermarks of the reconciler, by name ("dataverse", "partnerCenter"). */
  readWatermark(name: string): Promise<string | null>;
  writeWatermark(name: string, value: string): Promise<void>;
}
