/**
 * The wire types of the emulator's admin API (/admin/...), shared by its routes and by PartnerCenterAdminClient so
 * both sides agree. The admin API is the emulator's own control surface, not part of Partner Center: no bearer token,
 * no request log, no faults; with the `adminKey` option every call must send it in `x-emulator-admin-key`.
 *
 *   GET    /admin                                        EmulatorInfo (URLs, tenant, client ids, audiences)
 *   POST   /admin/microsoft/referrals                    Microsoft shares a co-sell opportunity → 201 InboundReferral
 *   POST   /admin/microsoft/engagements/:id/accept       Microsoft accepts the partner's invitation
 *   POST   /admin/microsoft/engagements/:id/decline      Microsoft declines it
 *   POST   /admin/microsoft/engagements/:id/ensure       creates Microsoft's connected referral if missing
 *   PATCH  /admin/microsoft/referrals/:id/deal           deal value, closing date, notes as Microsoft's seller
 *   POST   /admin/microsoft/referrals/:id/close          { outcome: "Won" | "Lost", ignoreWonDelay? }
 *   POST   /admin/microsoft/expire                       expires unanswered inbound referrals → { expired }
 *   GET    /admin/clock · PUT /admin/clock · POST /admin/clock/advance   (moving needs a ManualClock, else 409)
 *   GET    /admin/faults · POST /admin/faults → 201 { id } · DELETE /admin/faults · DELETE /admin/faults/:id
 *   GET    /admin/requests?method=&pathPrefix=&status= · DELETE /admin/requests
 *   GET    /admin/webhooks/registrations · /deliveries · /offline
 *   POST   /admin/webhooks/offline/redeliver · /admin/webhooks/offline/:deliveryId/redeliver → 202
 *   GET    /admin/webhooks/dispatcher · PATCH (duplicates, outOfOrder, maxAttempts, timeoutMs, backoff)
 *   POST   /admin/webhooks/dispatcher/pause · /resume · POST /admin/webhooks/idle?timeoutMs=
 *   GET    /admin/referrals · DELETE /admin/referrals (the catalogue stays)
 *   GET    /admin/snapshot · PUT /admin/snapshot
 *   GET    /admin/solutions · POST /admin/solutions → 201
 *   POST   /admin/tokens → MintedToken · POST /admin/refresh-tokens → { refresh_token, client_id }
 */
import type { DelegatedUser } from "../auth";
import type { BackoffPolicy, OutOfOrderOptions } from "./webhooks";

// The base path, the key header and the clock and request log types, which both emulators' admin APIs share.
export * from "../shared/admin/adminTypes";

/** `GET /admin`: where everything is, for tests, the demo and the CLI banner. Never carries a secret. */
export interface EmulatorInfo {
  readonly url: string;
  readonly tenantId: string;
  readonly tokenEndpoint: string;
  readonly jwksUri: string;
  readonly referralsUrl: string;
  readonly solutionsUrl: string;
  readonly webhookRegistrationUrl: string;
  readonly certificateUrl: string;
  readonly adminUrl: string;
  readonly audiences: { readonly referrals: readonly string[]; readonly webhooks: readonly string[] };
  readonly clients: readonly { readonly clientId: string; readonly kind: "application" | "delegated" }[];
  readonly manualClock: boolean;
}

/** The answer to a clock change: the new time and the referrals that expired because of it. */
export interface ClockChange {
  readonly now: string;
  readonly expired: readonly string[];
}

/** `POST /admin/microsoft/referrals/:id/close`. */
export interface CloseRequest {
  readonly outcome: "Won" | "Lost";
  /** Close as Won before the 72 hours Partner Center requires (§1.5). */
  readonly ignoreWonDelay?: boolean;
}

/** `PATCH /admin/webhooks/dispatcher`: the JSON-expressible delivery settings. */
export interface DeliverySettings {
  readonly duplicates?: number;
  readonly outOfOrder?: OutOfOrderOptions | false;
  readonly maxAttempts?: number;
  readonly timeoutMs?: number;
  readonly backoff?: Partial<BackoffPolicy>;
}

/** `GET /admin/webhooks/dispatcher`. */
export interface DispatcherStatus {
  readonly paused: boolean;
  readonly certificateUrl: string;
}

/** `POST /admin/tokens`: mint an access token without a grant. */
export interface TokenRequest {
  readonly audience: string;
  /** Default "delegated" for a Referrals API audience (§1.1 App+User), otherwise "application". */
  readonly kind?: "application" | "delegated";
  readonly clientId?: string;
  readonly roles?: readonly string[];
  readonly scopes?: readonly string[];
  /** The user of a delegated token; default the Referrals admin. */
  readonly user?: DelegatedUser;
}

/** The answer to `POST /admin/tokens`. */
export interface MintedToken {
  readonly access_token: string;
  readonly token_type: "Bearer";
  readonly audience: string;
  readonly kind: "application" | "delegated";
}

/** `POST /admin/refresh-tokens`: accept a refresh token as if the user had signed in. */
export interface RefreshTokenRequest {
  /** Default the first delegated client. */
  readonly clientId?: string;
  /** Generated when absent. */
  readonly token?: string;
  /** Default the Referrals admin. */
  readonly user?: DelegatedUser;
}

/** `POST /admin/webhooks/offline/redeliver`. */
export interface RedeliveryResult {
  readonly redelivered: readonly string[];
}
