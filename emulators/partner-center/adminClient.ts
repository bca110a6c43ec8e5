/**
 * A typed client for the emulator's admin API, for tests and the demo: Microsoft's actions, the clock, faults, the
 * request log, webhook delivery, data and tokens. One method per admin route; the route table is at the top of
 * adminTypes.ts.
 */
import type { Referral } from "../../core";
import { EmulatorAdminClient } from "../shared/admin/adminClient";
import type { AdminTransportOptions } from "../shared/admin/adminTransport";
import { PartnerCenterAdminError } from "./adminError";
import type {
  ClockChange,
  DeliverySettings,
  DispatcherStatus,
  EmulatorInfo,
  MintedToken,
  RedeliveryResult,
  RefreshTokenRequest,
  TokenRequest,
} from "./adminTypes";
import type { DealUpdate, EmulatorSnapshot, InboundReferral, InboundReferralRequest, PartnerSolution } from "./state";
import type { DeliveryLogEntry, OfflineDelivery, WebhookRegistration } from "./webhooks";

interface List<T> {
  value: T[];
}
const segment = encodeURIComponent;

/**
 * The admin API of one running emulator: the clock, faults and the request log (EmulatorAdminClient; a clock move
 * answers which invitations expired) and Partner Center's own routes. Every method throws PartnerCenterAdminError for
 * a refusal.
 */
export class PartnerCenterAdminClient extends EmulatorAdminClient<ClockChange> {
  /** `baseUrl` is the emulator's URL (e.g. `http://127.0.0.1:7071`), not the /admin path. */
  constructor(baseUrl: string, options: AdminTransportOptions = {}) {
    super(baseUrl, PartnerCenterAdminError, options);
  }

  /** Where everything is: token endpoint, API URLs, client ids, audiences. */
  info(): Promise<EmulatorInfo> {
    return this.get("/admin");
  }

  // Microsoft's side (§1.5).

  /** Microsoft shares a co-sell opportunity: the partner's Incoming New/Pending referral and Microsoft's own. */
  createInboundReferral(request: InboundReferralRequest): Promise<InboundReferral> {
    return this.transport.send("POST", "/admin/microsoft/referrals", request);
  }

  /** Microsoft's seller accepts the partner's invitation (engagement id, or the id of a referral in it). */
  acceptAsMicrosoft(engagementOrReferralId: string): Promise<Referral> {
    return this.post(`/admin/microsoft/engagements/${segment(engagementOrReferralId)}/accept`);
  }

  /** Microsoft's seller declines the partner's invitation. */
  declineAsMicrosoft(engagementOrReferralId: string): Promise<Referral> {
    return this.post(`/admin/microsoft/engagements/${segment(engagementOrReferralId)}/decline`);
  }

  /** Creates Microsoft's connected referral in an engagement that has none; returns it either way. */
  ensureMicrosoftSide(engagementId: string): Promise<Referral> {
    return this.post(`/admin/microsoft/engagements/${segment(engagementId)}/ensure`);
  }

  /** Microsoft's seller edits deal value, closing date and notes. */
  updateDealAsMicrosoft(referralId: string, update: DealUpdate): Promise<Referral> {
    return this.transport.send("PATCH", `/admin/microsoft/referrals/${segment(referralId)}/deal`, update);
  }

  /** Microsoft's seller closes a deal as Won or Lost. */
  closeAsMicrosoft(referralId: string, outcome: "Won" | "Lost", ignoreWonDelay?: boolean): Promise<Referral> {
    const body = ignoreWonDelay === undefined ? { outcome } : { outcome, ignoreWonDelay };
    return this.transport.send("POST", `/admin/microsoft/referrals/${segment(referralId)}/close`, body);
  }

  /** Expires every unanswered inbound referral past its expiry time; returns their ids. */
  async expireUnanswered(): Promise<readonly string[]> {
    return (await this.post<{ expired: string[] }>("/admin/microsoft/expire")).expired;
  }

  // Webhook delivery (§2.5).

  async registrations(): Promise<readonly { tenantId: string; registration: WebhookRegistration }[]> {
    return (
      await this.get<List<{ tenantId: string; registration: WebhookRegistration }>>("/admin/webhooks/registrations")
    ).value;
  }

  async deliveries(): Promise<readonly DeliveryLogEntry[]> {
    return (await this.get<List<DeliveryLogEntry>>("/admin/webhooks/deliveries")).value;
  }

  async offlineQueue(): Promise<readonly OfflineDelivery[]> {
    return (await this.get<List<OfflineDelivery>>("/admin/webhooks/offline")).value;
  }

  /** Gives one offline delivery a fresh round of attempts. */
  redeliver(deliveryId: string): Promise<RedeliveryResult> {
    return this.post(`/admin/webhooks/offline/${segment(deliveryId)}/redeliver`);
  }

  /** Gives every offline delivery a fresh round of attempts. */
  redeliverAll(): Promise<RedeliveryResult> {
    return this.post("/admin/webhooks/offline/redeliver");
  }

  dispatcherStatus(): Promise<DispatcherStatus> {
    return this.get("/admin/webhooks/dispatcher");
  }

  /** Changes duplicates, outOfOrder, maxAttempts, timeoutMs or backoff while running. */
  configureDeliveries(settings: DeliverySettings): Promise<DispatcherStatus> {
    return this.transport.send("PATCH", "/admin/webhooks/dispatcher", settings);
  }

  pauseDeliveries(): Promise<DispatcherStatus> {
    return this.post("/admin/webhooks/dispatcher/pause");
  }

  resumeDeliveries(): Promise<DispatcherStatus> {
    return this.post("/admin/webhooks/dispatcher/resume");
  }

  /** Resolves once no delivery is in flight or scheduled (held deliveries of a paused dispatcher don't count). */
  waitForDeliveries(timeoutMs = 30_000): Promise<void> {
    return this.post(`/admin/webhooks/idle?timeoutMs=${timeoutMs}`);
  }

  // Data.

  /** Every stored referral, with links, oldest first. */
  async referrals(): Promise<readonly Referral[]> {
    return (await this.get<List<Referral>>("/admin/referrals")).value;
  }

  /** Forgets every referral; the solution catalogue stays. */
  resetReferrals(): Promise<void> {
    return this.transport.send("DELETE", "/admin/referrals");
  }

  snapshot(): Promise<EmulatorSnapshot> {
    return this.get("/admin/snapshot");
  }

  loadSnapshot(snapshot: EmulatorSnapshot): Promise<{ referrals: number; solutions: number }> {
    return this.transport.send("PUT", "/admin/snapshot", snapshot);
  }

  async solutions(): Promise<readonly PartnerSolution[]> {
    return (await this.get<List<PartnerSolution>>("/admin/solutions")).value;
  }

  addSolution(solution: PartnerSolution): Promise<PartnerSolution> {
    return this.transport.send("POST", "/admin/solutions", solution);
  }

  // Tokens.

  /** Mints an access token without a grant; delegated by default for the Referrals audience. */
  mintToken(request: TokenRequest): Promise<MintedToken> {
    return this.transport.send("POST", "/admin/tokens", request);
  }

  /** The access token text for an audience, ready for `Authorization: Bearer …`. */
  async getToken(request: TokenRequest): Promise<string> {
    return (await this.mintToken(request)).access_token;
  }

  /** Accepts a refresh token as if the user had signed in; returns it (generated unless given). */
  addRefreshToken(request: RefreshTokenRequest = {}): Promise<{ refresh_token: string; client_id: string }> {
    return this.transport.send("POST", "/admin/refresh-tokens", request);
  }
}
