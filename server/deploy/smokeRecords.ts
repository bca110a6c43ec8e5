/**
 * The records of a smoke test: an account, a contact and an opportunity, all named "Co-sell Bridge smoke test
 * <time>" so that anyone who meets one knows what it is, and so that the next deploy finds and removes what an
 * interrupted one left. The opportunity asks Microsoft for nothing and is not shared with Microsoft sellers: its
 * referral stays private to the partner.
 */
import { opportunityTable, type SyncStatus } from "../../core";
import type { DataverseWebApi, Row } from "../clients/dataverse/webApi";
import { guid, literal } from "../clients/http/odata";

export const SMOKE_TEST_PREFIX = "Co-sell Bridge smoke test";

const cosell = opportunityTable.cosellColumns;

export interface SmokeCustomer {
  readonly accountId: string;
  readonly contactId: string;
}

export interface SmokeSettings {
  readonly name: string;
  readonly currencyId: string;
  readonly country: string;
  readonly postalCode: string;
  /** The account column of the country (csb_CountryField) and the opportunity column of the value (csb_DealValueField). */
  readonly countryColumn: string;
  readonly dealValueColumn: string;
}

/** What the service wrote on the opportunity, as far as the smoke test cares. */
export interface SmokeState {
  readonly syncStatus: SyncStatus | null;
  readonly referralId: string | null;
  readonly audit: string | null;
  readonly open: boolean;
}

export async function createSmokeOpportunity(
  api: DataverseWebApi,
  settings: SmokeSettings,
): Promise<SmokeCustomer & { opportunityId: string }> {
  const accountId = await api.create("accounts", {
    name: settings.name,
    address1_city: "Redmond",
    address1_postalcode: settings.postalCode,
    [settings.countryColumn]: settings.country,
  });
  const contactId = await api.create("contacts", {
    firstname: "Smoke",
    lastname: "Test",
    emailaddress1: "smoke.test@cosell-bridge.invalid",
    "parentcustomerid_account@odata.bind": `/accounts(${accountId})`,
  });
  const closeDate = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const opportunityId = await api.create("opportunities", {
    name: settings.name,
    [settings.dealValueColumn]: 1000,
    estimatedclosedate: closeDate,
    description: "Created by `cosell-bridge deploy` to check the sync; it is closed and deleted right away.",
    "parentaccountid@odata.bind": `/accounts(${accountId})`,
    "parentcontactid@odata.bind": `/contacts(${contactId})`,
    "transactioncurrencyid@odata.bind": `/transactioncurrencies(${settings.currencyId})`,
    [cosell.syncWithPartnerCenter]: true,
    [cosell.shareWithMicrosoft]: false,
  });
  return { accountId, contactId, opportunityId };
}

export async function readSmokeState(api: DataverseWebApi, opportunityId: string): Promise<SmokeState | null> {
  const row = await api.getOrNull(`opportunities(${guid(opportunityId, "The opportunity id")})`, {
    $select: [cosell.syncStatus, cosell.referralId, cosell.audit, "statecode"].join(","),
  });
  if (row === null) return null;
  const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : null);
  return {
    syncStatus: typeof row[cosell.syncStatus] === "number" ? (row[cosell.syncStatus] as SyncStatus) : null,
    referralId: text(row[cosell.referralId]),
    audit: text(row[cosell.audit]),
    open: row.statecode === 0,
  };
}

/** Closes the opportunity as Lost (Canceled): the service then closes its referral as Lost in Partner Center. */
export async function loseOpportunity(api: DataverseWebApi, opportunityId: string): Promise<void> {
  await api.action("LoseOpportunity", {
    Status: 4,
    OpportunityClose: {
      subject: `${SMOKE_TEST_PREFIX}: closed by deploy`,
      "opportunityid@odata.bind": `/opportunities(${guid(opportunityId, "The opportunity id")})`,
    },
  });
}

/** Smoke-test opportunities an earlier run left behind. */
export async function leftoverOpportunities(api: DataverseWebApi): Promise<Row[]> {
  const rows: Row[] = [];
  const query = {
    $select: "opportunityid,name,statecode,_parentaccountid_value,_parentcontactid_value",
    $filter: `startswith(name,${literal(SMOKE_TEST_PREFIX)})`,
  };
  for await (const page of api.pages("opportunities", query)) rows.push(...page);
  return rows;
}

/** Deletes the opportunity and then its account and contact; what is already gone is skipped. */
export async function deleteSmokeRecords(
  api: DataverseWebApi,
  ids: { opportunityId: string; accountId: string | null; contactId: string | null },
): Promise<void> {
  await api.delete("opportunities", guid(ids.opportunityId, "The opportunity id"));
  if (ids.contactId !== null) await api.delete("contacts", guid(ids.contactId, "The contact id"));
  if (ids.accountId !== null) await api.delete("accounts", guid(ids.accountId, "The account id"));
}
