/**
 * Partner Center's half of a sync, written to an existing opportunity: column values (sent with the write-back),
 * account and contact updates (their own PATCHes, or a found/created record bound to the opportunity when it has
 * none), the currency by ISO code, and Won/Lost through WinOpportunity/LoseOpportunity, never a state PATCH
 * (dataverse.md §4.2). What can't be applied (reopening, a currency without the gateway's lookup) is not counted as
 * applied, so the next sync still sees it, and is reported in the audit line instead.
 */
import {
  accountTable,
  contactTable,
  outcomeOfStateCode,
  readReferral,
  toDataverseChanges,
  toOpportunityCreate,
  type FieldChange,
  type FieldMapping,
  type Referral,
} from "../../core";
import { createCustomerContact, customerBindings, findOrCreateAccount, hasValues, idOfRow } from "./customers";
import type { OpportunityClose, OpportunityReading } from "./ports";
import type { SyncScope } from "./scope";

export interface DataverseWrites {
  /** Opportunity columns, written with the write-back. */
  readonly values: Record<string, unknown>;
  /** Win or lose after the write-back. */
  readonly close: OpportunityClose | null;
  /** The changes that will really be written. */
  readonly applied: readonly FieldChange[];
  /** What could not be applied, in a seller's words. */
  readonly notes: readonly string[];
}

export const noDataverseWrites: DataverseWrites = { values: {}, close: null, applied: [], notes: [] };

export async function prepareDataverseWrites(
  scope: SyncScope,
  reading: OpportunityReading,
  received: readonly FieldChange[],
  mapping: FieldMapping,
  referral: Referral,
): Promise<DataverseWrites> {
  if (received.length === 0) return noDataverseWrites;
  const { snapshot } = reading;
  const changes = toDataverseChanges(received, mapping);
  const values: Record<string, unknown> = { ...changes.opportunity };
  const notes: string[] = [];
  const skipped = new Set<string>();

  // A deal without an account or contact gets the referral's, found or created, and bound to the opportunity.
  const accountId = idOfRow(snapshot.account, accountTable.primaryKey);
  const contactId = idOfRow(snapshot.contact, contactTable.primaryKey);
  const full = () => toOpportunityCreate(referral, mapping);
  let boundAccount = accountId;
  if (hasValues(changes.account)) {
    if (accountId !== null) await scope.dataverse.updateAccount(accountId, changes.account);
    else {
      boundAccount = (await findOrCreateAccount(scope, full().account, readReferral(referral, mapping)))?.id ?? null;
      Object.assign(values, customerBindings(boundAccount, null));
    }
  }
  if (hasValues(changes.contact)) {
    if (contactId !== null) await scope.dataverse.updateContact(contactId, changes.contact);
    else {
      const created = await createCustomerContact(scope, full().contact, boundAccount);
      if (created !== null) values["parentcontactid@odata.bind"] = `/${contactTable.entitySet}(${created})`;
    }
  }

  if (changes.currencyCode !== undefined && changes.currencyCode !== null) {
    if (scope.dataverse.currencyReference === undefined) {
      notes.push(`Partner Center's currency ${changes.currencyCode} was not applied; change it here if needed`);
      skipped.add("currency");
    } else {
      values["transactioncurrencyid@odata.bind"] = await scope.dataverse.currencyReference(changes.currencyCode);
    }
  }

  const close = closeOf(changes.state?.outcome, reading, referral, notes, skipped);
  return { values, close, applied: received.filter((change) => !skipped.has(change.field)), notes };
}

function closeOf(
  outcome: "Open" | "Won" | "Lost" | undefined,
  reading: OpportunityReading,
  referral: Referral,
  notes: string[],
  skipped: Set<string>,
): OpportunityClose | null {
  if (outcome === undefined) return null;
  const current = outcomeOfStateCode(reading.snapshot.opportunity.statecode);
  if (outcome === "Open" || current !== "Open") {
    notes.push(
      outcome === "Open"
        ? "Partner Center shows the deal open, but a closed opportunity is not reopened automatically"
        : `Partner Center closed the deal as ${outcome}, but the opportunity is already closed`,
    );
    skipped.add("outcome");
    return null;
  }
  const dealValue = Number(referral.details?.dealValue);
  return {
    outcome,
    subject: `${outcome} in Partner Center (referral ${referral.id})`,
    actualRevenue: outcome === "Won" && Number.isFinite(dealValue) ? dealValue : null,
    closedOn: (referral.closedDateTime ?? referral.updatedDateTime).slice(0, 10),
  };
}
