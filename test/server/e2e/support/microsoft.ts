/**
 * Microsoft's side of the scenarios, through the Partner Center emulator's admin API: sharing a co-sell referral with
 * the partner, and moving a referral's creation into the past.
 */
import { eventually } from "../../../support/bridgeStack";
import { anInboundRequest } from "../../../support/partnerCenterEmulator";
import { settle, type E2eStack as Stack } from "./stack";

/** Microsoft shares a referral; resolves with it and the opportunity it became in Dynamics, once at rest. */
export async function inboundDeal(
  stack: Stack,
  dealValue = 50_000,
): Promise<{ referralId: string; opportunityId: string }> {
  const name = `Litware ${Date.now()}-${Math.round(Math.random() * 1e6)}`;
  const inbound = await stack.partnerCenter.admin.createInboundReferral(
    anInboundRequest({
      customer: { name, address: { city: "Austin", state: "TX", postalCode: "73301", country: "US" } },
      solutions: [stack.products[1] ?? ""],
      dealValue,
    }),
  );
  const referralId = inbound.referral.id;
  const opportunityId = await eventually("the opportunity of Microsoft's referral", () => {
    const rows = stack.dataverse.org.retrieveMultiple("opportunity", { filter: `csb_referralid eq '${referralId}'` });
    return rows.value[0]?.opportunityid as string | undefined;
  });
  await settle(stack);
  return { referralId, opportunityId };
}

/**
 * Moves the referral's creation `days` into the past in Partner Center (snapshot out, snapshot in): how a test
 * reaches past the 72 hours Partner Center requires before Won (partner-center.md §1.5) on real clocks.
 */
export async function ageReferral(stack: Stack, referralId: string, days: number): Promise<void> {
  const snapshot = await stack.partnerCenter.admin.snapshot();
  const createdDateTime = new Date(Date.now() - days * 86_400_000).toISOString();
  const referrals = snapshot.referrals.map((referral) =>
    referral.id === referralId ? { ...referral, createdDateTime } : referral,
  );
  await stack.partnerCenter.admin.loadSnapshot({ ...snapshot, referrals });
}
