/**
 * Shared pieces of the HTTP tests of the local Partner Center: an emulator on a ManualClock with seeded ids, a small
 * fetch wrapper that keeps status, headers and parsed body, and valid request bodies with invented customers.
 */
import {
  REFERRALS_AUDIENCE,
  REFERRALS_PATH,
  startPartnerCenterEmulator,
  WEBHOOKS_AUDIENCE,
  type InboundReferralRequest,
  type PartnerCenterEmulator,
  type PartnerCenterEmulatorOptions,
} from "../../../../emulators/partner-center";
import { ManualClock } from "../../../../emulators/shared/clock";

export const START_TIME = "2026-05-04T09:00:00.000Z";
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const FAST_BACKOFF = { baseDelayMs: 1, factor: 1, maxDelayMs: 2 };

/** An emulator on a ManualClock with seeded ids and millisecond retries; close it in afterAll. */
export async function startTestEmulator(
  options: PartnerCenterEmulatorOptions = {},
): Promise<PartnerCenterEmulator & { clock: ManualClock }> {
  const clock = new ManualClock(START_TIME);
  const emulator = await startPartnerCenterEmulator({
    clock,
    idsSeed: "api-tests",
    ...options,
    webhooks: { ...options.webhooks, dispatcher: { backoff: FAST_BACKOFF, ...options.webhooks?.dispatcher } },
  });
  return Object.assign(emulator, { clock });
}

/** What a call returned. `body` is parsed JSON, the text when it is not JSON, undefined when empty. */
export interface CallResult {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
  readonly text: string;
}

export interface CallOptions {
  readonly token?: string;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

/** One HTTP request to the emulator, through fetch. */
export async function call(
  emulator: { url: string },
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<CallResult> {
  const headers: Record<string, string> = { accept: "application/json", ...options.headers };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers["content-type"] ??= "application/json";
  const response = await fetch(`${emulator.url}${path}`, {
    method,
    headers,
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  let body: unknown = undefined;
  if (text !== "") {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  return { status: response.status, headers: response.headers, body, text };
}

/**
 * Tokens for the emulator's two audiences: delegated for the Referrals API, application for webhook registration.
 * They are minted again once the ManualClock has moved past half their lifetime, so a test that advances the clock
 * by days keeps calling with a valid token unless it means not to.
 */
export function tokensFor(emulator: PartnerCenterEmulator): {
  referrals(): Promise<string>;
  webhooks(): Promise<string>;
} {
  const cached = new Map<string, { token: string; mintedAt: number }>();
  const fresh = async (audience: string) => {
    const now = emulator.clock.now().getTime();
    const hit = cached.get(audience);
    if (hit !== undefined && now - hit.mintedAt < HOUR / 2) return hit.token;
    const token = await emulator.admin.getToken({ audience });
    cached.set(audience, { token, mintedAt: now });
    return token;
  };
  return { referrals: () => fresh(REFERRALS_AUDIENCE), webhooks: () => fresh(WEBHOOKS_AUDIENCE) };
}

/** The referral id path. */
export function referralPath(id: string): string {
  return `${REFERRALS_PATH}/${id}`;
}

/** A JSON object from a call, failing the test when the body is something else. */
export function objectOf(result: CallResult): Record<string, unknown> {
  if (typeof result.body !== "object" || result.body === null || Array.isArray(result.body)) {
    throw new Error(`expected a JSON object, got ${result.status} ${result.text}`);
  }
  return result.body as Record<string, unknown>;
}

/** A valid body for a partner referral; `overrides` replace top-level members. */
export function aReferralBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: "Fabrikam warehouse modernisation",
    type: "Shared",
    qualification: "SalesQualified",
    status: "New",
    substatus: "Pending",
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
      requirements: { solutions: [{ id: "SOL-15974-MQF", type: "Name", name: "Contoso Supply Chain Insights" }] },
    },
    team: [{ firstName: "Sam", lastName: "Lee", email: "sam.lee@contoso.example" }],
    inviteContext: { assistanceRequestCode: "ProofOfConceptOrDemo", notes: null },
    target: [{ type: "SolutionProfile", id: "SOL-15974-MQF" }],
    ...overrides,
  };
}

/** What Microsoft's seller sends to share a co-sell opportunity with the partner. */
export function anInboundRequest(overrides: Partial<InboundReferralRequest> = {}): InboundReferralRequest {
  return {
    customer: { name: "Litware Inc", address: { city: "Austin", state: "TX", country: "US" } },
    contacts: [{ firstName: "Lee", lastName: "Park", email: "lee.park@litware.example" }],
    dealValue: 50000,
    currency: "USD",
    closingDateTime: "2027-02-01T00:00:00Z",
    solutions: ["SOL-20418-K2P"],
    assistanceRequestCode: "GeneralOrOther",
    ...overrides,
  };
}
