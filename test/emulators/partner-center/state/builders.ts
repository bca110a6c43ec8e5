/**
 * Builders for the Partner Center state tests: an emulator on a manual clock with seeded ids, and valid request
 * bodies (invented customers) so that each test states only what it is about.
 */
import { expect } from "vitest";
import { EmulatorState, PartnerCenterError, type EmulatorOptions } from "../../../../emulators/partner-center/state";
import { ManualClock } from "../../../../emulators/shared/clock";
import { seededIds } from "../../../../emulators/shared/ids";

export const startTime = "2026-11-02T09:00:00.000Z";
export const hour = 3_600_000;
export const day = 24 * hour;

export interface TestEmulator {
  state: EmulatorState;
  clock: ManualClock;
}

export function newEmulator(options: EmulatorOptions = {}): TestEmulator {
  const clock = new ManualClock(startTime);
  const state = new EmulatorState({
    clock,
    ids: seededIds("state-tests"),
    apiBaseUrl: "http://localhost:7310",
    ...options,
  });
  return { state, clock };
}

type Body = Record<string, unknown>;

/** A valid body for creating a partner referral; `overrides` replace top-level members. */
export function aReferralBody(overrides: Body = {}): Body {
  return {
    name: "Fabrikam warehouse modernisation",
    type: "Shared",
    qualification: "SalesQualified",
    status: "New",
    substatus: "Pending",
    externalReferenceId: "7d3f1c2e-5b7a-4e0f-9c1d-2a6b8e4f0a11",
    customerProfile: {
      name: "Fabrikam Ltd",
      size: "51to250employees",
      address: { addressLine1: "1 Harbour Road", city: "Seattle", state: "WA", postalCode: "98101", country: "US" },
      team: [{ firstName: "Ana", lastName: "Silva", email: "ana.silva@fabrikam.example", phoneNumber: "0100000001" }],
    },
    consent: {
      consentToToShareInfoWithOthers: true,
      consentToContact: true,
      consentToShareReferralWithMicrosoftSellers: true,
    },
    details: {
      notes: "Move the warehouse apps to the cloud.",
      dealValue: 250000,
      currency: "USD",
      closingDateTime: "2027-03-31T00:00:00Z",
      requirements: { solutions: [{ id: "SOL-15974-MQF", type: "Name", name: "Contoso Supply Chain" }] },
    },
    team: [{ firstName: "Sam", lastName: "Lee", email: "sam.lee@contoso.example" }],
    inviteContext: { assistanceRequestCode: "ProofOfConceptOrDemo", notes: null },
    target: [{ type: "SolutionProfile", id: "SOL-15974-MQF" }],
    ...overrides,
  };
}

/** The connected referral a partner creates for Microsoft in an existing engagement (§1.5). */
export function aMicrosoftConnectedBody(engagementId: string, overrides: Body = {}): Body {
  return aReferralBody({ engagementId, target: [{ type: "BusinessProfileLocation", id: "msft" }], ...overrides });
}

/** Runs `action` and returns the PartnerCenterError it throws, failing the test when it throws nothing else. */
export function caught(action: () => unknown): PartnerCenterError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(PartnerCenterError);
    return error as PartnerCenterError;
  }
  throw new Error("expected a PartnerCenterError, but nothing was thrown");
}

/** Asserts the status, code and a part of the description, and that the body has Partner Center's shape. */
export function expectRefusal(
  action: () => unknown,
  httpStatus: number,
  code: string,
  description?: string | RegExp,
): PartnerCenterError {
  const error = caught(action);
  expect(error.httpStatus).toBe(httpStatus);
  expect(error.body.code).toBe(code);
  expect(error.body.source).toBe("PartnerCenterEmulator");
  expect(Array.isArray(error.body.data)).toBe(true);
  expect(error.body.description.length).toBeLessThanOrEqual(1024);
  if (description !== undefined) expect(error.body.description).toMatch(description);
  return error;
}
