/**
 * The referrals in memory, and the one path every change takes: status rules, then the server's stamps (new eTag,
 * updatedDateTime, accepted and closed dates), then storage, then a change notice for events and persistence.
 * Both the partner's API (ReferralStore) and Microsoft's actions (MicrosoftSeller) write through here, so no rule can
 * be skipped by going round it.
 */
import type { Referral } from "../../../core";
import { referralNotFound } from "./errors";
import type { ResolvedOptions } from "./options";
import { newETag } from "./referralRecord";
import { assertModifiable, assertTransitionAllowed, stampStatusDates, type StatusChangeOptions } from "./statusRules";

/** A stored referral that was just created or changed. */
export interface ReferralChange {
  kind: "created" | "updated";
  referral: Referral;
}

export type ReferralChangeListener = (change: ReferralChange) => void;

/** A referral about to be created: everything except what `insert` stamps. */
export type ReferralDraft = Omit<Referral, "createdDateTime" | "updatedDateTime" | "eTag">;

export class ReferralRepository {
  private readonly byId = new Map<string, Referral>();
  private readonly idsByEngagement = new Map<string, string[]>();

  constructor(
    private readonly options: ResolvedOptions,
    private readonly onChange: ReferralChangeListener,
  ) {}

  /** The clock's current time as an ISO 8601 UTC string, the format of every date the emulator writes. */
  nowIso(): string {
    return this.options.clock.now().toISOString();
  }

  /**
   * A fresh id. Ids already used by a referral or an engagement are skipped: a seeded generator restarts its
   * sequence when an emulator is restored from a snapshot, and must not hand out a stored id again.
   */
  newId(): string {
    let id = this.options.ids();
    while (this.byId.has(id) || this.idsByEngagement.has(id)) id = this.options.ids();
    return id;
  }

  find(id: string): Referral | undefined {
    return this.byId.get(id);
  }

  /** @throws PartnerCenterError 404 when no referral has this id. */
  require(id: string): Referral {
    const referral = this.byId.get(id);
    if (referral === undefined) throw referralNotFound(id);
    return referral;
  }

  /** Every referral, in the order they were created. */
  all(): Referral[] {
    return [...this.byId.values()];
  }

  /** The referrals of one engagement, in the order they were created; empty for an unknown engagement. */
  inEngagement(engagementId: string): Referral[] {
    return (this.idsByEngagement.get(engagementId) ?? []).flatMap((id) => this.byId.get(id) ?? []);
  }

  hasEngagement(engagementId: string): boolean {
    return this.idsByEngagement.has(engagementId);
  }

  /** Stores a new referral with its creation stamps and announces it. */
  insert(draft: ReferralDraft): Referral {
    const at = this.nowIso();
    const created = stampStatusDates(
      { ...draft, createdDateTime: at, updatedDateTime: at, eTag: newETag(() => this.newId()) },
      undefined,
      at,
    );
    this.store(created);
    this.onChange({ kind: "created", referral: created });
    return created;
  }

  /**
   * Replaces a stored referral with a changed copy after the status rules allow it. Identity (id, engagementId,
   * createdDateTime) always stays; every accepted change gets a new eTag and updatedDateTime.
   * @throws PartnerCenterError 400 for a terminal referral or a refused transition.
   */
  update(current: Referral, candidate: Referral, options: StatusChangeOptions = {}): Referral {
    assertModifiable(current);
    assertTransitionAllowed(current, candidate, this.options.clock.now(), options);
    const at = this.nowIso();
    const updated = stampStatusDates(
      {
        ...candidate,
        id: current.id,
        engagementId: current.engagementId,
        createdDateTime: current.createdDateTime,
        updatedDateTime: at,
        eTag: newETag(() => this.newId()),
      },
      current,
      at,
    );
    this.store(updated);
    this.onChange({ kind: "updated", referral: updated });
    return updated;
  }

  /** Replaces everything with referrals read from a snapshot; announces nothing, since nothing changed. */
  load(referrals: readonly Referral[]): void {
    this.byId.clear();
    this.idsByEngagement.clear();
    for (const referral of referrals) this.store(structuredClone(referral));
  }

  private store(referral: Referral): void {
    if (!this.byId.has(referral.id)) {
      const engagement = this.idsByEngagement.get(referral.engagementId);
      if (engagement === undefined) this.idsByEngagement.set(referral.engagementId, [referral.id]);
      else engagement.push(referral.id);
    }
    this.byId.set(referral.id, referral);
  }
}
