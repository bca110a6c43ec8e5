/**
 * Every failure the sync engine can report, with what a seller or an admin should do about it, in one place: the
 * admin guide lists this catalogue, the form shows `whatToDo` next to the error, and audit lines end with it.
 * `retryable` says whether the queue should try again by itself (RetryHint); `httpStatus` is what the form API
 * answers when a form action meets it.
 */

export interface CatalogueEntry {
  /** When it happens, for the admin guide. */
  readonly when: string;
  /** What to do, in plain words; shown to the seller. */
  readonly whatToDo: string;
  readonly retryable: boolean;
  readonly httpStatus: number;
}

const entry = (when: string, whatToDo: string, retryable: boolean, httpStatus: number): CatalogueEntry => ({
  when,
  whatToDo,
  retryable,
  httpStatus,
});

export const whatToDoCatalogue = {
  mappingInvalid: entry(
    "The csb_FieldMapping, csb_DealValueField or csb_CountryField environment variable is invalid.",
    "Ask your Dynamics admin to fix the environment variable entries named here; sync resumes on the next save.",
    false,
    500,
  ),
  opportunityInvalid: entry(
    "The opportunity misses something Partner Center requires, so nothing was sent.",
    "Fix the fields listed and save the opportunity again.",
    false,
    422,
  ),
  countryRefused: entry(
    "Partner Center refused the customer's country.",
    "Set the customer account's country to a two-letter ISO code (such as US or DE) and save the opportunity again.",
    false,
    422,
  ),
  currencyRefused: entry(
    "Partner Center refused the deal's currency.",
    "Choose a currency with an ISO 4217 code (such as USD or EUR) on the opportunity and save it again.",
    false,
    422,
  ),
  dealValueRefused: entry(
    "Partner Center refused the deal value.",
    "Enter an estimated revenue above 0 (a number, not a calculated empty value) and save again.",
    false,
    422,
  ),
  solutionRefused: entry(
    "Partner Center refused the co-sell solutions in Products.",
    "Pick your co-sell solutions again in Products (the list is refreshed from Partner Center) and save again.",
    false,
    422,
  ),
  closeDateRefused: entry(
    "Partner Center refused the estimated close date.",
    "Set the estimated close date to today or later and save again.",
    false,
    422,
  ),
  partnerCenterRefused: entry(
    "Partner Center refused the change for another reason (HTTP 400).",
    "Correct what Partner Center names in the message and save the opportunity again.",
    false,
    422,
  ),
  referralClosed: entry(
    "The referral is closed (won, lost, declined or expired) in Partner Center, which allows no more changes.",
    "Nothing to do: closed deals stay as they are in Partner Center. Create a new opportunity for new business.",
    false,
    409,
  ),
  wonTooSoon: entry(
    "The opportunity was closed as Won less than 72 hours after its referral was created.",
    "Wait until 72 hours have passed since the referral was created, then use Sync now to send the win.",
    false,
    409,
  ),
  unshareRefused: entry(
    "The deal was made private again after being shared with Microsoft sellers.",
    "Set Visible to Microsoft sellers back to Yes: Partner Center can't un-share a referral.",
    false,
    409,
  ),
  transitionRefused: entry(
    "The opportunity's status change is not one Partner Center allows (for example reopening a closed deal).",
    "Put the status back as it was, or create a new opportunity for new business.",
    false,
    409,
  ),
  invalidTransition: entry(
    "Accept or decline was asked for a referral that can't make that move any more.",
    "Refresh the form to see the referral's current status.",
    false,
    409,
  ),
  referralMissing: entry(
    "The referral named on the opportunity does not exist in Partner Center.",
    "Ask your admin to check that the service is connected to the right Partner Center account.",
    false,
    404,
  ),
  opportunityMissing: entry(
    "The opportunity does not exist (any more) in Dynamics.",
    "Refresh the form; if the opportunity was deleted there is nothing to sync.",
    false,
    404,
  ),
  partnerCenterAccess: entry(
    "Partner Center refused the service's sign-in or permissions (HTTP 401/403).",
    "Ask your admin to renew the Partner Center connection of a Referrals admin user, then use Sync now.",
    false,
    502,
  ),
  dataverseAccess: entry(
    "Dynamics refused the service's sign-in or permissions (HTTP 401/403).",
    "Ask your admin to check the service's application user and its security role in Dynamics.",
    false,
    502,
  ),
  serviceSignIn: entry(
    "The service could not get a token from Azure AD.",
    "Ask your admin to check the service's client id, secret and tenant; sync resumes once it can sign in.",
    true,
    502,
  ),
  partnerCenterBusy: entry(
    "Partner Center is unreachable, slow or throttling (HTTP 429, 5xx, timeout).",
    "Nothing to do: the service tries again by itself.",
    true,
    503,
  ),
  dataverseBusy: entry(
    "Dynamics is unreachable, slow or throttling (HTTP 429, 5xx, timeout).",
    "Nothing to do: the service tries again by itself.",
    true,
    503,
  ),
  concurrentChange: entry(
    "The record changed while the service was writing it.",
    "Nothing to do: the service reads it again and retries by itself.",
    true,
    409,
  ),
  createInFlight: entry(
    "A Partner Center event arrived while the service was still creating that referral.",
    "Nothing to do: the service looks again in a few seconds.",
    true,
    409,
  ),
  currencyMissing: entry(
    "Dynamics has no currency with the ISO code of the referral's deal.",
    "Ask your admin to add that currency in Settings > Business Management > Currencies; the referral syncs again on " +
      "its next change or at the next reconcile.",
    false,
    502,
  ),
  dataverseRefused: entry(
    "Dynamics refused a write (HTTP 400), for example a business rule or a required column.",
    "Ask your admin to read the message: a required column or a business rule may block the update.",
    false,
    502,
  ),
  gaveUp: entry(
    "A sync kept failing for a temporary reason until the service stopped retrying.",
    "Use Sync now on the opportunity once the cause is gone; ask your admin if it keeps failing.",
    false,
    503,
  ),
  unexpected: entry(
    "Something failed that the service did not expect.",
    "Try Sync now; if it fails again, give this line (with its time) to your admin.",
    true,
    500,
  ),
} as const satisfies Record<string, CatalogueEntry>;

export type WhatToDoCode = keyof typeof whatToDoCatalogue;
