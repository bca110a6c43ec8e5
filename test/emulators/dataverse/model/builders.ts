/**
 * Builders for the Dataverse organization tests: an organization on a manual clock with seeded ids and the co-sell
 * schema, a few reference rows, and a matcher for refusals, so each test states only what it is about.
 */
import { expect } from "vitest";
import {
  DataverseError,
  DataverseOrganization,
  withCoSellSchema,
  type ChangeEvent,
  type ODataRow,
  type OrganizationOptions,
} from "../../../../emulators/dataverse/model";
import { ManualClock } from "../../../../emulators/shared/clock";
import { seededIds } from "../../../../emulators/shared/ids";

export const startTime = "2026-03-02T09:30:00.000Z";

export interface TestOrganization {
  org: DataverseOrganization;
  clock: ManualClock;
  events: ChangeEvent[];
  usd: string;
  eur: string;
  accountId: string;
}

/** An organization with USD (base) and EUR, one account, and every committed event collected in `events`. */
export function newOrganization(options: OrganizationOptions = {}): TestOrganization {
  const clock = new ManualClock(startTime);
  const org = withCoSellSchema(
    new DataverseOrganization({ clock, ids: seededIds("dataverse-model-tests"), ...options }),
  );
  const usd = org.create("transactioncurrencies", currency("USD", "US Dollar", "$", 1)).id;
  const eur = org.create("transactioncurrencies", currency("EUR", "Euro", "€", 0.92)).id;
  const accountId = org.create("accounts", { name: "Fabrikam Ltd", address1_country: "US" }).id;
  const events: ChangeEvent[] = [];
  org.onChange((event) => events.push(event));
  return { org, clock, events, usd, eur, accountId };
}

function currency(isocurrencycode: string, currencyname: string, currencysymbol: string, exchangerate: number) {
  return { isocurrencycode, currencyname, currencysymbol, exchangerate, currencyprecision: 2 };
}

/** An open opportunity on the account; `overrides` replace members. */
export function anOpportunity(accountId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: "Warehouse modernisation",
    estimatedvalue: 250_000,
    estimatedclosedate: "2026-06-30",
    "parentaccountid@odata.bind": `/accounts(${accountId})`,
    ...overrides,
  };
}

/** Runs `action` and returns the DataverseError it throws; fails the test when it throws nothing or something else. */
export function refusal(action: () => unknown): DataverseError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(DataverseError);
    return error as DataverseError;
  }
  throw new Error("expected a DataverseError, but the call succeeded");
}

/** Asserts that `action` is refused with this status and code, and a message matching `message`. */
export function expectRefusal(action: () => unknown, status: number, code: string, message: RegExp | string): void {
  const error = refusal(action);
  expect({ status: error.httpStatus, code: error.code }).toEqual({ status, code });
  expect(error.message).toMatch(message);
  expect(error.body).toEqual({ error: { code, message: error.message } });
}

/** Four opportunities on one account, two of them without an estimated value or description. */
export function smallPipeline() {
  const test = newOrganization();
  const { org, accountId } = test;
  const add = (name: string, extra: Record<string, unknown>) =>
    org.create("opportunity", anOpportunity(accountId, { name, estimatedvalue: null, ...extra })).id;
  const ids = {
    alpha: add("alpha deal", { estimatedvalue: 500, description: "Azure migration" }),
    bravo: add("Bravo deal", { estimatedvalue: 5_000, description: "AZURE landing zone" }),
    charlie: add("charlie deal", {}),
    delta: add("Delta deal", { description: "Teams Phone" }),
  };
  return { ...test, ids };
}

// Asymmetric matchers are typed any; naming them once keeps the assertions typed.
export const anEtag: unknown = expect.stringMatching(/^W\/"\d+"$/);
export const aString: unknown = expect.any(String);

export function names(rows: readonly ODataRow[]): unknown[] {
  return rows.map((row) => row.name);
}
