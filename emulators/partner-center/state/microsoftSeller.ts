/**
 * What Microsoft and its sellers do on their side of Partner Center, for an admin API and the demo: share a co-sell
 * opportunity, answer the partner's invitation, update or close a deal, and expire invitations nobody answered.
 * Every action goes through the same rules and events as the partner's own changes.
 */
import type { Referral } from "../../../core";
import { PartnerCenterError } from "./errors";
import type { JsonRecord } from "./fieldChecks";
import { inboundReferralDrafts, isExpiredInvitation, msxIdFrom, type InboundReferralRequest } from "./inboundReferral";
import type { ResolvedOptions } from "./options";
import { isMicrosoftSide, presentReferral } from "./referralRecord";
import type { ReferralRepository } from "./referralRepository";
import type { ReferralStore } from "./referralStore";
import { assertValidReferral, coerceDealValue } from "./referralValidation";
import type { SolutionCatalogue } from "./solutions";
import { assertModifiable } from "./statusRules";

/** The partner's new Incoming referral and Microsoft's own referral in the same engagement. */
export interface InboundReferral {
  referral: Referral;
  microsoftReferral: Referral;
}

/** What Microsoft's seller may change in a deal. */
export interface DealUpdate {
  dealValue?: number | string;
  closingDateTime?: string;
  notes?: string | null;
}

export interface CloseOptions {
  /** Close as Won before the 72 hours Partner Center requires (§1.5); for demos only. */
  ignoreWonDelay?: boolean;
}

export class MicrosoftSeller {
  constructor(
    private readonly repository: ReferralRepository,
    private readonly store: ReferralStore,
    private readonly catalogue: SolutionCatalogue,
    private readonly options: ResolvedOptions,
  ) {}

  /**
   * Shares a co-sell opportunity with the partner: an Incoming New/Pending Shared referral invited by Microsoft,
   * plus Microsoft's own Active referral in the same engagement.
   * @throws PartnerCenterError 400 for an invalid customer, deal or an unknown solution id.
   */
  createInboundReferral(request: InboundReferralRequest): InboundReferral {
    const drafts = inboundReferralDrafts(
      request,
      {
        engagementId: this.repository.newId(),
        partnerReferralId: this.repository.newId(),
        microsoftReferralId: this.repository.newId(),
        msxId: msxIdFrom(this.repository.newId()),
      },
      this.options,
      this.catalogue,
    );
    assertValidReferral(drafts.partner);
    // The partner's referral first, so that Microsoft's arrival is announced as a change related to it.
    const referral = this.repository.insert(drafts.partner);
    const microsoftReferral = this.repository.insert(drafts.microsoft);
    return { referral: this.present(referral), microsoftReferral: this.present(microsoftReferral) };
  }

  /** Microsoft's seller accepts the partner's co-sell invitation: Microsoft's referral becomes Active/Accepted. */
  accept(engagementOrReferralId: string): Referral {
    const microsoftReferral = this.microsoftSideOf(engagementOrReferralId);
    if (microsoftReferral.status === "Active") return this.present(microsoftReferral);
    return this.answer(microsoftReferral, "Active", "Accepted");
  }

  /** Microsoft's seller declines the invitation: Microsoft's referral becomes Closed/Declined. */
  decline(engagementOrReferralId: string): Referral {
    return this.answer(this.microsoftSideOf(engagementOrReferralId), "Closed", "Declined");
  }

  /**
   * Creates Microsoft's connected referral for an engagement that has none, as the partner's service would (§1.5),
   * and returns Microsoft's referral either way.
   */
  ensureMicrosoftSide(engagementId: string): Referral {
    const engagement = this.repository.inEngagement(engagementId);
    const existing = engagement.find(isMicrosoftSide);
    if (existing !== undefined) return this.present(existing);
    const partnerReferral = engagement[0];
    if (partnerReferral === undefined) throw engagementNotFound(engagementId);
    return this.store.create({
      engagementId,
      name: partnerReferral.name,
      type: "Shared",
      qualification: partnerReferral.qualification ?? "None",
      customerProfile: partnerReferral.customerProfile,
      consent: partnerReferral.consent,
      details: partnerReferral.details,
      target: [{ type: "BusinessProfileLocation", id: "msft" }],
    });
  }

  /** Microsoft's seller edits the deal; the first time, Microsoft's CRM id appears in trackingInfo. */
  updateDeal(referralId: string, update: DealUpdate): Referral {
    const current = this.repository.require(referralId);
    assertModifiable(current);
    const candidate = structuredClone(current) as unknown as JsonRecord & Referral;
    const details = { ...(candidate.details ?? {}) };
    if (update.dealValue !== undefined) details.dealValue = update.dealValue;
    if (update.closingDateTime !== undefined) details.closingDateTime = update.closingDateTime;
    if (update.notes !== undefined) details.notes = update.notes;
    candidate.details = details;
    const msxId = candidate.trackingInfo?.microsoftMsxId ?? msxIdFrom(this.repository.newId());
    candidate.trackingInfo = { ...(candidate.trackingInfo ?? {}), microsoftMsxId: msxId };
    coerceDealValue(candidate);
    assertValidReferral(candidate);
    return this.present(this.repository.update(current, candidate));
  }

  /** Microsoft's seller closes a deal as Won or Lost, within the transition rules. */
  close(referralId: string, outcome: "Won" | "Lost", options: CloseOptions = {}): Referral {
    const current = this.repository.require(referralId);
    const closed = this.repository.update(current, { ...current, status: "Closed", substatus: outcome }, options);
    return this.present(closed);
  }

  /** Closes as Expired every Incoming referral still New at its expiry time; returns their ids. */
  expireUnanswered(): string[] {
    const now = this.options.clock.now();
    const expired = this.repository
      .all()
      .filter((referral) => isExpiredInvitation(referral, now, this.options.expiryDays));
    for (const referral of expired) {
      this.repository.update(referral, { ...referral, status: "Closed", substatus: "Expired" });
    }
    return expired.map((referral) => referral.id);
  }

  private answer(
    microsoftReferral: Referral,
    status: "Active" | "Closed",
    substatus: "Accepted" | "Declined",
  ): Referral {
    return this.present(this.repository.update(microsoftReferral, { ...microsoftReferral, status, substatus }));
  }

  /** Microsoft's referral in the engagement named directly or through one of its referrals. */
  private microsoftSideOf(engagementOrReferralId: string): Referral {
    const engagementId = this.repository.find(engagementOrReferralId)?.engagementId ?? engagementOrReferralId;
    if (!this.repository.hasEngagement(engagementId)) throw engagementNotFound(engagementOrReferralId);
    const microsoftReferral = this.repository.inEngagement(engagementId).find(isMicrosoftSide);
    if (microsoftReferral !== undefined) return microsoftReferral;
    throw new PartnerCenterError(
      404,
      "NotFound",
      `Engagement '${engagementId}' has no referral for Microsoft yet: the partner creates it with the same ` +
        `engagementId and target [{"type":"BusinessProfileLocation","id":"msft"}].`,
      [{ engagementId }],
    );
  }

  private present(referral: Referral): Referral {
    return presentReferral(referral, this.options.apiBaseUrl);
  }
}

function engagementNotFound(id: string): PartnerCenterError {
  return new PartnerCenterError(404, "EngagementNotFound", `No engagement or referral has the id '${id}'.`, [{ id }]);
}
