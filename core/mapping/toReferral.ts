/**
 * Builds the body that creates a referral from an opportunity snapshot.
 */
import { dealTypeOf } from "../dealType";
import { opportunityStandardColumns } from "../dataverse/schema";
import type { Member, ReferralCreateRequest } from "../referral/model";
import { flowsToPartnerCenter, type FieldMapping } from "./fields";
import { inviteContextOfHelpCodes } from "./helpCodes";
import { type JsonObject, setAtPointer } from "./jsonPointer";
import { referralStateOfOutcome } from "./outcome";
import { readOpportunity } from "./readDeal";
import { referralValueOf } from "./referralValues";
import type { OpportunitySnapshot, PartnerTeamMember } from "./snapshot";
import { tagsOfSolutionIds } from "./solutionIds";

/**
 * The create body for an opportunity. Its id becomes externalReferenceId, which makes a retried create findable.
 * Only the consents the seller's own choices imply are claimed: sharing the customer's details with Microsoft when the
 * deal is shared, and Microsoft contacting the customer when help is requested.
 */
export function toReferralCreate(snapshot: OpportunitySnapshot, mapping: FieldMapping): ReferralCreateRequest {
  const fields = readOpportunity(snapshot, mapping);
  const dealType = dealTypeOf(fields.helpRequested, fields.sharedWithMicrosoft);
  const body: JsonObject = {
    externalReferenceId: snapshot.opportunity[opportunityStandardColumns.id] ?? null,
    qualification: "SalesQualified",
    type: dealType === "coSell" ? "Shared" : "Independent",
    ...referralStateOfOutcome("Open"),
    consent: {
      consentToToShareInfoWithOthers: fields.sharedWithMicrosoft,
      consentToContact: fields.helpRequested.length > 0,
      consentToShareReferralWithMicrosoftSellers: false,
    },
    team: snapshot.owner ? [memberOf(snapshot.owner)] : [],
    target: [],
  };

  for (const entry of Object.values(mapping).filter(flowsToPartnerCenter)) {
    const value = fields[entry.field];
    switch (entry.kind) {
      case "outcome":
        Object.assign(body, referralStateOfOutcome(fields.outcome ?? "Open"));
        break;
      case "helpCodes":
        if (fields.helpRequested.length > 0) body.inviteContext = inviteContextOfHelpCodes(fields.helpRequested);
        break;
      case "solutionIds":
        setAtPointer(body, entry.referralPath, tagsOfSolutionIds(fields.solutions, snapshot.solutionCatalog));
        break;
      default:
        if (value !== null) setAtPointer(body, entry.referralPath, referralValueOf(entry.kind, value));
    }
  }

  // Our side of a co-sell engagement targets our own solution; Microsoft's connected referral targets "msft".
  const [firstSolution] = fields.solutions;
  if (dealType === "coSell" && firstSolution !== undefined)
    body.target = [{ type: "SolutionProfile", id: firstSolution }];
  return body as unknown as ReferralCreateRequest;
}

function memberOf(owner: PartnerTeamMember): Member {
  return { firstName: owner.firstName, lastName: owner.lastName, email: owner.email, phoneNumber: owner.phoneNumber };
}
