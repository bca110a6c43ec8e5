/**
 * The emulator's current EmulatorState. Resetting the referrals or loading a snapshot through the admin API builds a
 * fresh state (EmulatorState has no public way to replace its data) and moves the event subscription, the API base
 * URL and the snapshot file over to it, so routes always read `holder.state` instead of keeping a reference.
 */
import {
  EmulatorState,
  parseSnapshot,
  snapshotVersion,
  writeSnapshotFile,
  type EmulatorOptions,
  type EmulatorSnapshot,
  type ReferralEventListener,
} from "./state";

/** Owns the current EmulatorState and keeps its event subscription, links and snapshot file in step. */
export class StateHolder {
  private current: EmulatorState;
  private unsubscribe: () => void;
  private apiBaseUrl: string | undefined;

  /** @throws SnapshotError when `options.snapshotFile` exists but is not a snapshot. */
  constructor(
    private readonly options: EmulatorOptions,
    private readonly listener: ReferralEventListener,
  ) {
    this.current = new EmulatorState(options);
    this.unsubscribe = this.current.onEvent(listener);
  }

  /** The state routes must use now; don't keep it across a reset. */
  get state(): EmulatorState {
    return this.current;
  }

  /** Points links at the server once it listens; remembered for states built later. */
  setApiBaseUrl(url: string): void {
    this.apiBaseUrl = url;
    this.current.setApiBaseUrl(url);
  }

  /** Forgets every referral and keeps the solution catalogue. Announces no events: nothing changed on its own. */
  resetReferrals(): void {
    const solutions = this.current.listSolutions();
    this.replace({ version: snapshotVersion, savedAt: this.now(), referrals: [], solutions });
  }

  /**
   * Replaces the whole state with a snapshot (JSON text or parsed).
   * @throws SnapshotError for malformed input.
   */
  load(snapshot: unknown): void {
    this.replace(parseSnapshot(snapshot));
  }

  /** Stops forwarding events; the emulator calls it when it closes. */
  detach(): void {
    this.unsubscribe();
  }

  private replace(snapshot: EmulatorSnapshot): void {
    const next = new EmulatorState(this.options, snapshot);
    if (this.apiBaseUrl !== undefined) next.setApiBaseUrl(this.apiBaseUrl);
    this.unsubscribe();
    this.current = next;
    this.unsubscribe = next.onEvent(this.listener);
    // A state built from a snapshot does not save itself until its next change; the file must say what we hold now.
    if (this.options.snapshotFile !== undefined) writeSnapshotFile(this.options.snapshotFile, next.toSnapshot());
  }

  private now(): string {
    return (this.options.clock?.now() ?? new Date()).toISOString();
  }
}
