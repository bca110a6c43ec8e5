/**
 * The Partner Center view's rows: the partner's referrals (Microsoft's own connected referrals are not the partner's
 * deals, so they only supply "Microsoft's answer"), newest change first, each with the Dynamics opportunity it is
 * linked to when Dataverse knows one (csb_referralid, or the externalReferenceId the service sets when it creates a
 * referral from an opportunity).
 */
import { AssistanceRequestCode, type Referral } from "../../../core";
import type { PartnerCenterAdminClient } from "../../../emulators/partner-center";
import { isMicrosoftSide } from "../../../emulators/partner-center/state";
import { HOST_ROUTES } from "../../host/shared/hostConfig";
import type { ReferralList, ReferralRow } from "../shared/siteContract";
import { text, type SellerWebApi } from "./sellerWebApi";

const LINKED_OPPORTUNITIES = "opportunities?$select=name,csb_referralid&$filter=csb_referralid ne null";

interface LinkedOpportunity {
  readonly id: string;
  readonly name: string;
}

export async function readReferralList(
  partnerCenter: PartnerCenterAdminClient,
  webApi: SellerWebApi,
): Promise<ReferralList> {
  const [referrals, solutions, linked] = await Promise.all([
    partnerCenter.referrals(),
    partnerCenter.solutions(),
    webApi.rows(LINKED_OPPORTUNITIES),
  ]);
  const opportunityByReferral = new Map<string, LinkedOpportunity>();
  const opportunityById = new Map<string, LinkedOpportunity>();
  for (const row of linked) {
    const opportunity = { id: text(row, "opportunityid"), name: text(row, "name") };
    opportunityByReferral.set(text(row, "csb_referralid"), opportunity);
    opportunityById.set(opportunity.id, opportunity);
  }
  const solutionNames = new Map(solutions.map((solution) => [solution.id, solution.name]));
  const microsoftSides = new Map(
    referrals.filter((referral) => isMicrosoftSide(referral)).map((referral) => [referral.engagementId, referral]),
  );
  const rows = referrals
    .filter((referral) => !isMicrosoftSide(referral))
    .map((referral) => {
      const opportunity =
        opportunityByReferral.get(referral.id) ??
        opportunityById.get(referral.externalReferenceId?.toLowerCase() ?? "");
      return referralRow(referral, microsoftSides.get(referral.engagementId), solutionNames, opportunity);
    })
    .sort((left, right) => right.lastModified.localeCompare(left.lastModified));
  return {
    referrals: rows,
    solutions: solutions.map((solution) => ({ id: solution.id, name: solution.name })),
    helpCodes: Object.values(AssistanceRequestCode).filter((code) => code !== "Unknown"),
  };
}

function referralRow(
  referral: Referral,
  microsoftSide: Referral | undefined,
  solutionNames: ReadonlyMap<string, string>,
  opportunity: LinkedOpportunity | undefined,
): ReferralRow {
  const details = referral.details;
  const direction = referral.direction ?? "Outgoing";
  const open = referral.status !== "Closed";
  const answer = microsoftAnswerOf(direction, microsoftSide);
  return {
    id: referral.id,
    name: referral.name,
    customer: referral.customerProfile?.name ?? "",
    direction,
    status: referral.status,
    substatus: referral.substatus,
    microsoftAnswer: answer,
    dealValue: numberOf(details?.dealValue),
    currency: details?.currency ?? "",
    closingDate: details?.closingDateTime?.slice(0, 10) ?? "",
    help: referral.inviteContext?.assistanceRequestCode ?? "",
    solutions: (details?.requirements?.solutions ?? []).map((tag) => solutionNames.get(tag.id) ?? tag.id),
    opportunity:
      opportunity === undefined ? null : { name: opportunity.name, formUrl: `${HOST_ROUTES.form}${opportunity.id}` },
    lastModified: referral.updatedDateTime,
    canAnswer: open && direction === "Outgoing" && (answer === null || answer === "Pending"),
    open,
  };
}

/** Microsoft's side of an outgoing referral: not invited yet (null), Pending, Accepted, Declined… */
function microsoftAnswerOf(direction: string, microsoftSide: Referral | undefined): string | null {
  if (direction === "Incoming") return "Shared by Microsoft";
  if (microsoftSide === undefined) return null;
  return microsoftSide.substatus === "None" ? microsoftSide.status : microsoftSide.substatus;
}

/** The API sends the deal value as a number, or sometimes as text ("10000"). */
function numberOf(value: number | string | null | undefined): number | null {
  if (value === null || value === undefined || value === "") return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}
