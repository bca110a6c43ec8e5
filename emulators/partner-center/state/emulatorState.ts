/**
 * The whole local Partner Center without HTTP: the partner's Referrals API, Microsoft's side, the solution catalogue,
 * change events and persistence, wired so that every change is announced and, with `snapshotFile`, saved.
 */
import { eventsOfChange, EventBus, type ReferralEvent, type ReferralEventListener } from "./events";
import { MicrosoftSeller } from "./microsoftSeller";
import { normalizeBaseUrl, resolveOptions, type EmulatorOptions, type ResolvedOptions } from "./options";
import { ReferralRepository, type ReferralChange } from "./referralRepository";
import { ReferralStore } from "./referralStore";
import { parseSnapshot, readSnapshotFile, snapshotVersion, writeSnapshotFile, type EmulatorSnapshot } from "./snapshot";
import { SolutionCatalogue, type PartnerSolution } from "./solutions";

export class EmulatorState {
  /** The partner's Referrals API: create, get, list, replace (PUT), patch, related. */
  readonly referrals: ReferralStore;
  /** Microsoft's seller: inbound referrals, answers, deal updates, closing and expiry. */
  readonly microsoft: MicrosoftSeller;
  readonly solutions: SolutionCatalogue;
  private readonly options: ResolvedOptions;
  private readonly repository: ReferralRepository;
  private readonly events: EventBus;

  /**
   * Starts an emulator. With `snapshotFile`, the state is read from that file when it exists (seeded solutions are
   * then ignored) and the file is rewritten after every change.
   * @throws SnapshotError when the file exists but can't be read as a snapshot.
   */
  constructor(options: EmulatorOptions = {}, initial?: EmulatorSnapshot) {
    this.options = resolveOptions(options);
    this.events = new EventBus((error, event) => {
      const reason = error instanceof Error ? error.message : String(error);
      process.emitWarning(`a referral event listener failed on ${event.eventName} ${event.referralId}: ${reason}`);
    });
    this.repository = new ReferralRepository(this.options, (change) => {
      this.announce(change);
    });
    this.solutions = new SolutionCatalogue(this.options.solutions, () => {
      this.persist();
    });
    this.referrals = new ReferralStore(this.repository, this.options);
    this.microsoft = new MicrosoftSeller(this.repository, this.referrals, this.solutions, this.options);

    const snapshot =
      initial ?? (this.options.snapshotFile === undefined ? undefined : readSnapshotFile(this.options.snapshotFile));
    if (snapshot !== undefined) this.load(snapshot);
  }

  /**
   * An emulator holding a snapshot's state (JSON text or a parsed snapshot); options still apply, and with
   * `snapshotFile` later changes are written there.
   * @throws SnapshotError for malformed input or another version.
   */
  static fromSnapshot(json: string | EmulatorSnapshot, options: EmulatorOptions = {}): EmulatorState {
    return new EmulatorState(options, parseSnapshot(json));
  }

  /** The base URL of links, `@odata.context` and `@odata.nextLink`. */
  get apiBaseUrl(): string {
    return this.options.apiBaseUrl;
  }

  /** Points every link at a new base URL, e.g. once the HTTP server knows its port; stored data is unchanged. */
  setApiBaseUrl(url: string): void {
    this.options.apiBaseUrl = normalizeBaseUrl(url);
  }

  /** Subscribes to change events; returns the function that unsubscribes. */
  onEvent(listener: ReferralEventListener): () => void {
    return this.events.subscribe(listener);
  }

  /** The partner's co-sell solutions, in the order they were added. */
  listSolutions(): PartnerSolution[] {
    return this.solutions.list();
  }

  /** Adds a co-sell solution. @throws PartnerCenterError 400 for a malformed one, 409 for a known id. */
  addSolution(solution: PartnerSolution): PartnerSolution {
    return this.solutions.add(solution);
  }

  /** The state as a versioned JSON-ready object. */
  toSnapshot(): EmulatorSnapshot {
    return {
      version: snapshotVersion,
      savedAt: this.options.clock.now().toISOString(),
      referrals: structuredClone(this.repository.all()),
      solutions: this.solutions.list(),
    };
  }

  // Loading announces nothing and saves nothing: the state is what the snapshot already says.
  private load(snapshot: EmulatorSnapshot): void {
    this.repository.load(snapshot.referrals);
    this.solutions.load(snapshot.solutions);
  }

  private announce(change: ReferralChange): void {
    this.persist();
    const events: ReferralEvent[] = eventsOfChange(change, this.repository.inEngagement(change.referral.engagementId));
    for (const event of events) this.events.emit(event);
  }

  private persist(): void {
    if (this.options.snapshotFile === undefined) return;
    writeSnapshotFile(this.options.snapshotFile, this.toSnapshot());
  }
}
