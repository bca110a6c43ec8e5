/**
 * The documented defaults of the local Partner Center: an invented tenant, the two app registrations the sync
 * service needs (shared/reference/partner-center.md §1.1 delegated access for referrals, §2.1 webhook registration),
 * a "Referrals admin" user and a small co-sell catalogue. Every id and secret here is deliberately fake and public:
 * it exists so `npm run emulator:partner-center` works without configuration, and must never be used elsewhere.
 */
import type { DelegatedUser, RefreshTokenSeed, RegisteredClient } from "../auth";
import type { PartnerSolution } from "./state";

/** The emulated tenant (the `tid` of every token and the key of the webhook registration). */
export const DEFAULT_TENANT_ID = "c05e11b0-0000-4000-8000-000000000001";

/** The documented fake client secret of both default clients; obviously not a real credential. */
export const DEFAULT_CLIENT_SECRET = "emulator-secret-not-for-production";

/** The documented fake refresh token of the default user. Single use: redeeming it rotates it (as Azure AD does). */
export const DEFAULT_REFRESH_TOKEN = "emulator-refresh-token-not-for-production";

/** Audience of the Referrals API (§1.1). */
export const REFERRALS_AUDIENCE = "https://api.partner.microsoft.com";

/** Audience of the webhook registration API, the rest of Partner Center's host (§1.1, §2.1). */
export const WEBHOOKS_AUDIENCE = "https://api.partnercenter.microsoft.com";

/** An application client: client credentials for the webhook registration API. */
export const DEFAULT_APPLICATION_CLIENT: RegisteredClient = {
  clientId: "c05e11b0-0000-4000-8000-00000000a991",
  clientSecret: DEFAULT_CLIENT_SECRET,
  kind: "application",
};

/** A delegated client: refresh tokens of the Referrals admin user for the Referrals API (App+User only, §1.1). */
export const DEFAULT_DELEGATED_CLIENT: RegisteredClient = {
  clientId: "c05e11b0-0000-4000-8000-00000000de1e",
  clientSecret: DEFAULT_CLIENT_SECRET,
  kind: "delegated",
};

/** The partner's user in the "Referral Admin" role (§1.1). */
export const DEFAULT_REFERRALS_ADMIN: DelegatedUser = {
  oid: "c05e11b0-0000-4000-8000-0000000005e2",
  upn: "referrals.admin@contoso-consulting.example",
  name: "Referrals Admin",
};

/** The refresh token the default delegated client may redeem for the Referrals admin. */
export const DEFAULT_REFRESH_TOKENS: readonly RefreshTokenSeed[] = [
  { token: DEFAULT_REFRESH_TOKEN, clientId: DEFAULT_DELEGATED_CLIENT.clientId, user: DEFAULT_REFERRALS_ADMIN },
];

/**
 * The default partner's co-sell catalogue (ids in the SOL-12345-ABC shape of §1.5). SOL-15974-MQF is the id of the
 * documented 2024 private-deal sample, so examples copied from the docs find their solution.
 */
export const DEFAULT_SOLUTIONS: readonly PartnerSolution[] = [
  {
    id: "SOL-15974-MQF",
    name: "Contoso Supply Chain Insights",
    publisherName: "Contoso Consulting",
    solutionType: "3P",
    status: "Published",
  },
  {
    id: "SOL-20418-K2P",
    name: "Contoso Field Service Accelerator",
    publisherName: "Contoso Consulting",
    solutionType: "3P",
    status: "Published",
  },
  {
    id: "SOL-31877-AZ9",
    name: "Contoso Secure Cloud Landing Zone",
    publisherName: "Contoso Consulting",
    solutionType: "3P",
    status: "Published",
  },
  {
    id: "SOL-42650-DV1",
    name: "Contoso Data Platform Modernisation",
    publisherName: "Contoso Consulting",
    solutionType: "3P",
    status: "Published",
  },
];
