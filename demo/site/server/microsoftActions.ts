/**
 * "Act as Microsoft" in the Partner Center view: what Microsoft's sellers do on their side, through the Partner
 * Center emulator's admin API (emulators/partner-center/adminClient.ts). Accepting or declining a partner's
 * invitation first creates Microsoft's connected referral when the engagement has none yet (partner-center.md §1.5).
 * Closing as Won skips the 72 hours Partner Center wants after creation: a demo can't wait three days.
 */
import type { AssistanceRequestCode } from "../../../core";
import {
  PartnerCenterAdminError,
  type InboundReferralRequest,
  type PartnerCenterAdminClient,
} from "../../../emulators/partner-center";
import type { InboundReferralForm, ReferralAction } from "../shared/siteContract";

/** A request the page sent that can't be carried out as it is; the message says what to change. */
export class SiteInputError extends Error {
  override readonly name = "SiteInputError";
}

export async function actAsMicrosoft(
  partnerCenter: PartnerCenterAdminClient,
  referralId: string,
  action: ReferralAction,
  body: Readonly<Record<string, unknown>>,
): Promise<void> {
  switch (action) {
    case "accept":
    case "decline": {
      const referral = (await partnerCenter.referrals()).find((candidate) => candidate.id === referralId);
      if (referral === undefined) throw new SiteInputError(`Partner Center has no referral ${referralId}.`);
      await partnerCenter.ensureMicrosoftSide(referral.engagementId);
      if (action === "accept") await partnerCenter.acceptAsMicrosoft(referral.engagementId);
      else await partnerCenter.declineAsMicrosoft(referral.engagementId);
      return;
    }
    case "deal": {
      const dealValue = body.dealValue;
      if (typeof dealValue !== "number" || !Number.isFinite(dealValue) || dealValue < 0) {
        throw new SiteInputError("Enter the new deal value as a number of 0 or more, e.g. 65000.");
      }
      await partnerCenter.updateDealAsMicrosoft(referralId, { dealValue });
      return;
    }
    case "won":
    case "lost":
      await partnerCenter.closeAsMicrosoft(referralId, action === "won" ? "Won" : "Lost", true);
      return;
  }
}

/** Microsoft shares a co-sell opportunity with the partner. @throws SiteInputError for a form that is incomplete. */
export async function shareAsMicrosoft(
  partnerCenter: PartnerCenterAdminClient,
  form: Readonly<Record<string, unknown>>,
): Promise<string> {
  const inbound = await partnerCenter.createInboundReferral(inboundRequestOf(form));
  return inbound.referral.id;
}

export function inboundRequestOf(body: Readonly<Record<string, unknown>>): InboundReferralRequest {
  const field = (name: keyof InboundReferralForm, label: string, required = true): string => {
    const value = body[name];
    const trimmed = typeof value === "string" ? value.trim() : "";
    if (required && trimmed === "") throw new SiteInputError(`${label} is required.`);
    return trimmed;
  };
  const dealValue = body.dealValue;
  if (typeof dealValue !== "number" || !Number.isFinite(dealValue) || dealValue <= 0) {
    throw new SiteInputError("Enter the deal value as a number above 0, e.g. 50000.");
  }
  const closingDate = field("closingDate", "The closing date");
  if (!/^\d{4}-\d{2}-\d{2}$/.test(closingDate)) throw new SiteInputError("Enter the closing date as yyyy-mm-dd.");
  const solutionId = field("solutionId", "A solution", false);
  const help = field("help", "How Microsoft wants help", false);
  const notes = field("notes", "Notes", false);
  return {
    customer: {
      name: field("customerName", "The customer's name"),
      address: {
        city: field("city", "The city"),
        postalCode: field("postalCode", "The postal code"),
        country: field("country", "The country (ISO code, e.g. US)").toUpperCase(),
      },
    },
    contacts: [
      {
        firstName: field("contactFirstName", "The contact's first name"),
        lastName: field("contactLastName", "The contact's last name"),
        email: field("contactEmail", "The contact's e-mail"),
      },
    ],
    dealValue,
    currency: field("currency", "The currency").toUpperCase(),
    closingDateTime: `${closingDate}T00:00:00Z`,
    ...(solutionId === "" ? {} : { solutions: [solutionId] }),
    ...(help === "" ? {} : { assistanceRequestCode: help as AssistanceRequestCode }),
    ...(notes === "" ? {} : { notes }),
  };
}

/** What Partner Center said when it refused, without the admin API's method and path. */
export function partnerCenterRefusal(error: unknown): string | null {
  if (!(error instanceof PartnerCenterAdminError)) return null;
  const body = error.body;
  if (typeof body === "object" && body !== null && "description" in body) return String(body.description);
  return typeof body === "string" && body.trim() !== "" ? body.trim() : `it answered ${error.status}`;
}
