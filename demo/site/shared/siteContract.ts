/**
 * The demo site's routes and the JSON its pages read, shared by the server and the browser script. The browser only
 * ever talks to the site: it never sees an emulator's URL, an admin key or a token (the operator route hands its
 * token straight to the service's operator page).
 */

export const SITE_ROUTES = {
  opportunities: "/",
  partnerCenter: "/partner-center",
  /** Followed by a referral id: where "Open in Partner Center" leads (the service's REFERRAL_LINK_TEMPLATE). */
  partnerCenterReferral: "/partner-center/referrals/",
  operator: "/operator",
  script: "/site/site.js",
  styles: "/site/site.css",
  opportunityRows: "/site/api/opportunities",
  referralRows: "/site/api/referrals",
  /** POST: Microsoft shares a new co-sell opportunity. */
  inboundReferral: "/site/api/referrals/inbound",
  /** POST `/site/api/referrals/{id}/{action}`: act as Microsoft on one referral. */
  referralAction: "/site/api/referrals/",
} as const;

/** One row of the opportunity list, as the grid would get it. */
export interface OpportunityRow {
  readonly id: string;
  readonly topic: string;
  readonly account: string;
  /** Formatted in the opportunity's currency, e.g. "€142,000.00". */
  readonly estimatedRevenue: string;
  readonly estimatedCloseDate: string;
  /** "Yes" or "No". */
  readonly sync: string;
  /** csb_syncstatus's option value, or null. */
  readonly syncStatusValue: number | null;
  readonly syncStatusLabel: string;
  readonly formUrl: string;
}

export interface OpportunityList {
  readonly rows: readonly OpportunityRow[];
  /** The user's language, which the grid passes to the icon function. */
  readonly userLcid: number;
}

/** One of the partner's referrals in the Partner Center view. */
export interface ReferralRow {
  readonly id: string;
  readonly name: string;
  readonly customer: string;
  /** "Incoming" (shared by Microsoft) or "Outgoing" (created by the partner). */
  readonly direction: string;
  readonly status: string;
  readonly substatus: string;
  /** Microsoft's answer to the partner's invitation: Pending, Accepted, Declined… or null when not invited. */
  readonly microsoftAnswer: string | null;
  readonly dealValue: number | null;
  readonly currency: string;
  /** yyyy-mm-dd */
  readonly closingDate: string;
  readonly help: string;
  readonly solutions: readonly string[];
  readonly opportunity: { readonly name: string; readonly formUrl: string } | null;
  /** ISO date and time. */
  readonly lastModified: string;
  /** Microsoft may still accept or decline the invitation. */
  readonly canAnswer: boolean;
  /** Not closed: the deal can change and close. */
  readonly open: boolean;
}

export interface ReferralList {
  readonly referrals: readonly ReferralRow[];
  /** The partner's co-sell solutions, for the inbound referral form. */
  readonly solutions: readonly { readonly id: string; readonly name: string }[];
  readonly helpCodes: readonly string[];
}

/** What the "Share a co-sell opportunity" form sends. */
export interface InboundReferralForm {
  readonly customerName: string;
  readonly city: string;
  readonly postalCode: string;
  /** ISO 3166 alpha-2 */
  readonly country: string;
  readonly contactFirstName: string;
  readonly contactLastName: string;
  readonly contactEmail: string;
  readonly dealValue: number;
  readonly currency: string;
  /** yyyy-mm-dd */
  readonly closingDate: string;
  readonly solutionId: string;
  readonly help: string;
  readonly notes: string;
}

export type ReferralAction = "accept" | "decline" | "deal" | "won" | "lost";
export const REFERRAL_ACTIONS: readonly ReferralAction[] = ["accept", "decline", "deal", "won", "lost"];

/** The answer to any failed call: what went wrong and what to do, for the page's alert bar. */
export interface SiteProblem {
  readonly message: string;
}
