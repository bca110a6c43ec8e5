/**
 * A typed client for the emulator's admin API, for tests and the demo: Microsoft's actions, the clock, faults, the
 * request log, webhook delivery, data and tokens. One method per admin route; the route table is at the top of
 * adminTypes.ts.
 */
import type { Referral } from "../../core";
import type { ActiveFaultRule, FaultRule, RequestLogEntry } from "../http";
import type {
  ClockAdvance,
  ClockChange,
  ClockState,
  DeliverySettings,
  DispatcherStatus,
  EmulatorInfo,
  MintedToken,
  RedeliveryResult,
  RefreshTokenRequest,
  RequestLogPage,
  RequestLogQuery,
  TokenRequest,
} from "./adminTypes";
import { AdminTransport, type AdminTransportOptions } from "./adminTransport";
import type { DealUpdate, EmulatorSnapshot, InboundReferral, InboundReferralRequest, PartnerSolution } from "./state";
import type { DeliveryLogEntry, OfflineDelivery, WebhookRegistration } from "./webhooks";

interface List<T> {
  value: T[];
}
const segment = encodeURIComponent;

/** The admin API of one running emulator. Every method throws PartnerCenterAdminError for a refusal. */
export class PartnerCenterAdminClient {
  private readonly transport: AdminTransport;

  /** `baseUrl` is the emulator's URL (e.g. `http://127.0.0.1:7071`), not the /admin path. */
  constructor(baseUrl: string, options: AdminTransportOptions = {}) {
    this.transport = new AdminTransport(baseUrl, options);
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

  // The clock.

  getClock(): Promise<ClockState> {
    return this.get("/admin/clock");
  }

  /** Sets a ManualClock (409 on the system clock). */
  setClock(now: Date | string): Promise<ClockChange> {
    return this.transport.send("PUT", "/admin/clock", { now: typeof now === "string" ? now : now.toISOString() });
  }

  /** Moves a ManualClock forward by milliseconds or by parts (`{ days: 14 }`). */
  advanceClock(by: number | ClockAdvance): Promise<ClockChange> {
    return this.transport.send("POST", "/admin/clock/advance", typeof by === "number" ? { ms: by } : by);
  }

  // Faults and the request log.

  async listFaults(): Promise<readonly ActiveFaultRule[]> {
    return (await this.get<List<ActiveFaultRule>>("/admin/faults")).value;
  }

  /** Adds a fault rule; returns its id. */
  async addFault(rule: FaultRule): Promise<string> {
    return (await this.transport.send<{ id: string }>("POST", "/admin/faults", rule)).id;
  }

  removeFault(id: string): Promise<void> {
    return this.transport.send("DELETE", `/admin/faults/${segment(id)}`);
  }

  clearFaults(): Promise<void> {
    return this.transport.send("DELETE", "/admin/faults");
  }

  /** The Partner Center-side requests (admin calls are not logged), optionally filtered. */
  async requests(query: RequestLogQuery = {}): Promise<readonly RequestLogEntry[]> {
    return (await this.get<RequestLogPage>(`/admin/requests${searchOf(query)}`)).entries;
  }

  async countRequests(query: RequestLogQuery = {}): Promise<number> {
    return (await this.get<RequestLogPage>(`/admin/requests${searchOf(query)}`)).count;
  }

  resetRequests(): Promise<void> {
    return this.transport.send("DELETE", "/admin/requests");
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

  private get<T>(path: string): Promise<T> {
    return this.transport.send("GET", path);
  }

  private post<T>(path: string): Promise<T> {
    return this.transport.send("POST", path);
  }
}

function searchOf(query: RequestLogQuery): string {
  const pairs = Object.entries(query).filter(([, value]) => value !== undefined);
  if (pairs.length === 0) return "";
  return `?${pairs.map(([name, value]) => `${name}=${encodeURIComponent(String(value))}`).join("&")}`;
}
