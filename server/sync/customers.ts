/**
 * The customer of an opportunity that comes from Partner Center: the account found by name and postal code (the
 * original connector's rule, original-connector.md "Field mapping"), else created; the customer contact created under
 * it. Lookups are written as Web API binds (dataverse.md §4.1: "parentaccountid@odata.bind": "/accounts(<id>)").
 */
import { accountTable, contactTable, type DataverseRow, type DealFields } from "../../core";
import type { SyncScope } from "./scope";

export interface CustomerRecords {
  readonly accountId: string | null;
  readonly accountCreated: boolean;
  readonly contactId: string | null;
}

/** The account named like the referral's customer (and at its postal code), else a new one; null without a name. */
export async function findOrCreateAccount(
  scope: SyncScope,
  accountValues: DataverseRow,
  fields: DealFields,
): Promise<{ readonly id: string; readonly created: boolean } | null> {
  if (fields.customerName === null) return null;
  const found = await scope.dataverse.findAccount(fields.customerName, fields.customerPostalCode);
  if (found !== null) return { id: found, created: false };
  return { id: await scope.dataverse.createAccount(accountValues), created: true };
}

/** A new contact (under the account when there is one), or null when the referral names nobody. */
export async function createCustomerContact(
  scope: SyncScope,
  contactValues: DataverseRow,
  accountId: string | null,
): Promise<string | null> {
  if (!hasValues(contactValues)) return null;
  const parent =
    accountId === null ? {} : { [`${contactTable.columns.account}_account@odata.bind`]: accountBind(accountId) };
  return scope.dataverse.createContact({ ...contactValues, ...parent });
}

/** The lookups that tie an opportunity to its account and contact. */
export function customerBindings(accountId: string | null, contactId: string | null): Record<string, string> {
  const bindings: Record<string, string> = {};
  if (accountId !== null) {
    bindings["parentaccountid@odata.bind"] = accountBind(accountId);
    bindings["customerid_account@odata.bind"] = accountBind(accountId);
  }
  if (contactId !== null) {
    bindings["parentcontactid@odata.bind"] = `/${contactTable.entitySet}(${contactId})`;
    if (accountId === null) bindings["customerid_contact@odata.bind"] = `/${contactTable.entitySet}(${contactId})`;
  }
  return bindings;
}

/** Account and contact for a new opportunity. */
export async function provideCustomer(
  scope: SyncScope,
  values: { readonly account: DataverseRow; readonly contact: DataverseRow },
  fields: DealFields,
): Promise<CustomerRecords> {
  const account = await findOrCreateAccount(scope, values.account, fields);
  const contactId = await createCustomerContact(scope, values.contact, account?.id ?? null);
  return { accountId: account?.id ?? null, accountCreated: account?.created ?? false, contactId };
}

export function idOfRow(row: DataverseRow | null, key: string): string | null {
  const id = row?.[key];
  return typeof id === "string" && id !== "" ? id : null;
}

export function hasValues(values: DataverseRow): boolean {
  return Object.keys(values).length > 0;
}

function accountBind(accountId: string): string {
  return `/${accountTable.entitySet}(${accountId})`;
}
