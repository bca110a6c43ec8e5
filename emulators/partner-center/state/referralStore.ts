/**
 * The partner's Referrals API without HTTP (shared/reference/partner-center.md §1.2): create, get, list, PUT, PATCH
 * and the related referrals of an engagement. Each method throws PartnerCenterError with the status and body the
 * HTTP layer should send.
 */
import type { Referral, ReferralStatus, ReferralSubstatus } from "../../../core";
import { assertETagMatches, requireIfMatch } from "./concurrency";
import { PartnerCenterError } from "./errors";
import { describeValue, isRecord, type JsonRecord } from "./fieldChecks";
import { readInput } from "./inputCase";
import { applyJsonPatch } from "./jsonPatch";
import { listReferrals, type ListQuery, type ReferralPage } from "./listing";
import { microsoftOrganization, type PartnerOrganization, type ResolvedOptions } from "./options";
import { isMicrosoftSide, presentReferral, serverOwnedFields, withServiceDefaults } from "./referralRecord";
import type { ReferralDraft, ReferralRepository } from "./referralRepository";
import { assertValidReferral, coerceDealValue } from "./referralValidation";
import { assertModifiable } from "./statusRules";

export interface CreateReferralOptions {
  /** Create on behalf of another organisation than the configured partner (Microsoft's seller uses it). */
  asOrganization?: Omit<PartnerOrganization, "mpnId"> & { mpnId?: string | null };
}

export class ReferralStore {
  constructor(
    private readonly repository: ReferralRepository,
    private readonly options: ResolvedOptions,
  ) {}

  /**
   * POST: stores a new referral and returns it as the service would. A partner's referral starts Active/Accepted
   * whatever status it sent (§1.5); the connected referral for Microsoft (target BusinessProfileLocation "msft",
   * joining an existing engagement) starts New/Pending, waiting for Microsoft's seller to answer.
   * @throws PartnerCenterError 400 naming each invalid field, or an engagementId that names no engagement.
   */
  create(body: unknown, options: CreateReferralOptions = {}): Referral {
    const input = this.readReferralBody(body);
    const engagementId = this.engagementToJoin(input);
    const organization = options.asOrganization ?? this.options.partner;
    const microsoftSide = isMicrosoftSide({
      organizationId: organization.organizationId,
      target: input.target as Referral["target"],
    });
    if (microsoftSide && engagementId !== undefined) this.assertNoMicrosoftSide(engagementId);
    // Microsoft's own referrals are its deals, accepted at once; the partner's invitation to Microsoft waits.
    const waitsForMicrosoft = microsoftSide && organization.organizationId !== microsoftOrganization.organizationId;
    const state: { status: ReferralStatus; substatus: ReferralSubstatus } = waitsForMicrosoft
      ? { status: "New", substatus: "Pending" }
      : { status: "Active", substatus: "Accepted" };
    const created = this.repository.insert(
      withServiceDefaults({
        ...(withoutServerFields(input) as unknown as ReferralDraft),
        id: this.repository.newId(),
        engagementId: engagementId ?? this.repository.newId(),
        organizationId: organization.organizationId,
        organizationName: organization.organizationName,
        mpnId: organization.mpnId ?? null,
        direction: "Outgoing",
        ...state,
      }),
    );
    return this.present(created);
  }

  /** GET by id. @throws PartnerCenterError 404 when no referral has the id. */
  get(id: string): Referral {
    return this.present(this.repository.require(id));
  }

  /** GET the list with OData options. @throws PartnerCenterError 400 for a bad option or skiptoken. */
  list(query: ListQuery = {}): ReferralPage {
    return listReferrals(this.repository.all(), query, this.options, (referral) => this.present(referral));
  }

  /** Every referral of an engagement (the target of `links.relatedReferrals`), oldest first. */
  related(engagementId: string): Referral[] {
    return this.repository.inEngagement(engagementId).map((referral) => this.present(referral));
  }

  /**
   * PUT: replaces the referral with the body. If-Match is required; the server's own members (id, engagementId,
   * dates, eTag, links, organisation, direction, trackingInfo) keep their stored values, and a status or substatus
   * left out keeps its current value.
   */
  replace(id: string, body: unknown, ifMatch: string | undefined): Referral {
    const etag = requireIfMatch(ifMatch, id);
    const current = this.repository.require(id);
    assertETagMatches(current, etag, this.options.staleEtagStatus);
    this.assertPartnerMayChange(current);
    const input = this.readReferralBody(body);
    const serverFields = Object.fromEntries(
      serverOwnedFields.flatMap((field) => (current[field] === undefined ? [] : [[field, current[field]]])),
    );
    const candidate = withServiceDefaults({
      ...(withoutServerFields(input) as unknown as Referral),
      status: (input.status as ReferralStatus | undefined) ?? current.status,
      substatus: (input.substatus as ReferralSubstatus | undefined) ?? current.substatus,
      ...(serverFields as Pick<Referral, "id" | "engagementId" | "createdDateTime" | "updatedDateTime" | "eTag">),
    });
    return this.present(this.repository.update(current, candidate));
  }

  /**
   * PATCH with a JSON Patch array of `replace` and `add` operations, applied all or nothing. If-Match is optional
   * but checked when present (§1.2, §1.6).
   */
  patch(id: string, operations: unknown, ifMatch?: string): Referral {
    const current = this.repository.require(id);
    // An empty header counts as no header: PATCH works without If-Match (§1.2).
    if (ifMatch !== undefined && ifMatch.trim() !== "") {
      assertETagMatches(current, ifMatch, this.options.staleEtagStatus);
    }
    this.assertPartnerMayChange(current);
    const patched = applyJsonPatch(current as unknown as JsonRecord, operations, this.options);
    coerceDealValue(patched);
    assertValidReferral(patched);
    return this.present(this.repository.update(current, patched as unknown as Referral));
  }

  private present(referral: Referral): Referral {
    return presentReferral(referral, this.options.apiBaseUrl);
  }

  private readReferralBody(body: unknown): JsonRecord {
    const input = readInput(body, this.options.caseInsensitiveInput);
    if (isRecord(input)) coerceDealValue(input);
    assertValidReferral(input);
    return input;
  }

  /** The existing engagement a new referral joins, or undefined for a new engagement. */
  private engagementToJoin(input: JsonRecord): string | undefined {
    const { engagementId } = input;
    if (engagementId === undefined || engagementId === null || engagementId === "") return undefined;
    if (typeof engagementId === "string" && this.repository.hasEngagement(engagementId)) return engagementId;
    throw new PartnerCenterError(
      400,
      "EngagementNotFound",
      `engagementId ${describeValue(engagementId)} names no existing engagement. Leave engagementId out to start a new ` +
        `engagement, or copy it from the referral you want to connect to.`,
      [{ field: "engagementId", value: engagementId }],
    );
  }

  private assertNoMicrosoftSide(engagementId: string): void {
    const existing = this.repository.inEngagement(engagementId).find(isMicrosoftSide);
    if (existing === undefined) return;
    throw new PartnerCenterError(
      409,
      "MicrosoftReferralExists",
      `Engagement '${engagementId}' already has Microsoft's referral '${existing.id}'; an engagement has one.`,
      [{ engagementId, referralId: existing.id }],
    );
  }

  /** Microsoft's side of an engagement is answered by Microsoft's seller, never changed by the partner. */
  private assertPartnerMayChange(current: Referral): void {
    assertModifiable(current);
    if (!isMicrosoftSide(current)) return;
    throw new PartnerCenterError(
      403,
      "OwnedByMicrosoft",
      `Referral '${current.id}' is Microsoft's side of engagement '${current.engagementId}'; only Microsoft's ` +
        `seller can change it. Change your own referral in the engagement instead.`,
      [{ id: current.id, engagementId: current.engagementId }],
    );
  }
}

function withoutServerFields(input: JsonRecord): JsonRecord {
  const copy = { ...input };
  for (const field of serverOwnedFields) Reflect.deleteProperty(copy, field);
  return copy;
}
