/**
 * What the sync engine is built from: the three ports (ports.ts), a logger, a clock and a few tunables. Everything
 * here is plain data or an interface, so the engine can be assembled by the service or by a test alike.
 */
import type { DataverseGateway, PartnerCenterGateway, SyncStateStore } from "./ports";

/** The service's logger: structured fields first, then the message. Never given a secret. */
export interface SyncLogger {
  debug(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface SyncEngineOptions {
  /** URL template of the referral link written to csb_referrallink; contains "{referralId}" (core's default else). */
  readonly referralLinkTemplate?: string;
  /** How long the csb_ environment variables are cached; default 60 000 ms. */
  readonly settingsTtlMs?: number;
  /**
   * Characters kept in csb_audit; default 20 000, at most 100 000 (the column's MaxLength in the solution schema).
   * See audit.ts for why the default is smaller than the column.
   */
  readonly auditMaxLength?: number;
  /** How often a PATCH that met a stale eTag is re-planned against a fresh read; default 3. */
  readonly maxConflictRetries?: number;
  /** How far the reconciler's watermarks stay behind the newest change seen, for clock skew; default 120 000 ms. */
  readonly reconcileOverlapMs?: number;
  /**
   * What the first reconcile (no watermark yet) looks at: "fromNow" (default) starts watching from now, so that
   * installing the service never mass-creates opportunities; "everything" makes the first run a backfill.
   */
  readonly firstReconcile?: "fromNow" | "everything";
  /** Retry delay for a Partner Center event that arrives while our own create of that referral is in flight. */
  readonly createInFlightRetryMs?: number;
  /** How many audit lines and sync records the form's status shows; default 10. */
  readonly statusHistory?: number;
}

export interface SyncEngineDependencies {
  readonly dataverse: DataverseGateway;
  readonly partnerCenter: PartnerCenterGateway;
  readonly store: SyncStateStore;
  readonly logger: SyncLogger;
  /** The clock; default the system clock. Tests pass the emulators' manual clock. */
  readonly now?: () => Date;
  readonly options?: SyncEngineOptions;
}

/** The options with defaults filled in. */
export interface ResolvedSyncOptions {
  readonly referralLinkTemplate: string | undefined;
  readonly settingsTtlMs: number;
  readonly auditMaxLength: number;
  readonly maxConflictRetries: number;
  readonly reconcileOverlapMs: number;
  readonly firstReconcile: "fromNow" | "everything";
  readonly createInFlightRetryMs: number;
  readonly statusHistory: number;
}

/** csb_audit's MaxLength in the CoSellBridge schema (the Memo column the emulator and the solution declare). */
export const auditColumnMaxLength = 100_000;

export function resolveOptions(options: SyncEngineOptions = {}): ResolvedSyncOptions {
  return {
    referralLinkTemplate: options.referralLinkTemplate,
    settingsTtlMs: atLeast(options.settingsTtlMs ?? 60_000, 0),
    auditMaxLength: Math.min(atLeast(options.auditMaxLength ?? 20_000, 200), auditColumnMaxLength),
    maxConflictRetries: atLeast(options.maxConflictRetries ?? 3, 0),
    reconcileOverlapMs: atLeast(options.reconcileOverlapMs ?? 120_000, 0),
    firstReconcile: options.firstReconcile ?? "fromNow",
    createInFlightRetryMs: atLeast(options.createInFlightRetryMs ?? 3_000, 0),
    statusHistory: atLeast(options.statusHistory ?? 10, 1),
  };
}

function atLeast(value: number, minimum: number): number {
  return Number.isFinite(value) ? Math.max(value, minimum) : minimum;
}
