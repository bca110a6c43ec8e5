/**
 * What can be configured in the local Partner Center. Every behaviour that shared/reference/partner-center.md marks
 * UNCONFIRMED is an option here, and its default is the guess that reference documents.
 */
import { systemClock, type Clock } from "../../shared/clock";
import { randomIds, type IdGenerator } from "../../shared/ids";
import type { PartnerSolution } from "./solutions";

/** The organisation a referral belongs to (`organizationId`, `organizationName`, `mpnId`). */
export interface PartnerOrganization {
  organizationId: string;
  organizationName: string;
  mpnId: string;
}

/** The status sent for an If-Match that names an older eTag; §1.6 lists all three, none confirmed for referrals. */
export type StaleEtagStatus = 412 | 409 | 400;

export interface EmulatorOptions {
  /** The partner whose Partner Center this is. */
  partner?: PartnerOrganization;
  /** Where `links`, `@odata.context` and `@odata.nextLink` point; the HTTP layer sets its own address. */
  apiBaseUrl?: string;
  /** The largest page of a list; `$top` above it is lowered to it (§1.2: "100 is the maximum", UNCONFIRMED). */
  maxPageSize?: number;
  /** 412 by default; 409, or 400 with code "2055" "Etag is no longer valid" (§1.6, UNCONFIRMED). */
  staleEtagStatus?: StaleEtagStatus;
  /** Accept `Substatus`, `ConsentToToShareInfoWithOthers`… as the doc samples send them (§1.3, UNCONFIRMED). */
  caseInsensitiveInput?: boolean;
  /** Days an inbound referral may stay unanswered before it expires (§1.5: 14). */
  expiryDays?: number;
  clock?: Clock;
  /** Ids for referrals, engagements, eTags and MSX ids; `seededIds("x")` makes them repeatable. */
  ids?: IdGenerator;
  /** The partner's co-sell solutions when no snapshot provides them. */
  solutions?: readonly PartnerSolution[];
  /** A JSON file that holds the state: read at start when it exists, rewritten after every change. */
  snapshotFile?: string;
}

/** The options with every default filled in. */
export interface ResolvedOptions {
  partner: PartnerOrganization;
  apiBaseUrl: string;
  maxPageSize: number;
  staleEtagStatus: StaleEtagStatus;
  caseInsensitiveInput: boolean;
  expiryDays: number;
  clock: Clock;
  ids: IdGenerator;
  solutions: readonly PartnerSolution[];
  snapshotFile: string | undefined;
}

/** Microsoft as it appears in referrals: `inviteContext.invitedBy` and the connected referral's target (§1.5). */
export const microsoftOrganization = { organizationId: "msft", organizationName: "Microsoft" } as const;

/** An invented partner, so that a bare `new EmulatorState()` already behaves like a real tenant. */
export const defaultPartner: PartnerOrganization = {
  organizationId: "4f7c2a10-3b9e-4d61-8a52-0c6e9b1d7f30",
  organizationName: "Contoso Consulting",
  mpnId: "6100001",
};

export const defaultApiBaseUrl = "https://api.partner.microsoft.com";

/** Fills in defaults and refuses values that would make the emulator misbehave later, naming the option. */
export function resolveOptions(options: EmulatorOptions = {}): ResolvedOptions {
  const maxPageSize = options.maxPageSize ?? 100;
  if (!Number.isInteger(maxPageSize) || maxPageSize < 1) {
    throw new RangeError(`maxPageSize must be a whole number of at least 1; got ${String(maxPageSize)}`);
  }
  const expiryDays = options.expiryDays ?? 14;
  if (!Number.isFinite(expiryDays) || expiryDays <= 0) {
    throw new RangeError(`expiryDays must be a positive number of days; got ${String(expiryDays)}`);
  }
  const staleEtagStatus = options.staleEtagStatus ?? 412;
  if (![412, 409, 400].includes(staleEtagStatus)) {
    throw new RangeError(`staleEtagStatus must be 412, 409 or 400; got ${String(staleEtagStatus)}`);
  }
  return {
    partner: { ...(options.partner ?? defaultPartner) },
    apiBaseUrl: normalizeBaseUrl(options.apiBaseUrl ?? defaultApiBaseUrl),
    maxPageSize,
    staleEtagStatus,
    caseInsensitiveInput: options.caseInsensitiveInput ?? true,
    expiryDays,
    clock: options.clock ?? systemClock,
    ids: options.ids ?? randomIds,
    solutions: options.solutions ?? [],
    snapshotFile: options.snapshotFile,
  };
}

/** Drops trailing slashes so that `${base}/v1.0/...` never doubles them. */
export function normalizeBaseUrl(url: string): string {
  return url.replace(/\/+$/, "");
}
