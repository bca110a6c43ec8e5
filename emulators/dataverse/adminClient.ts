/**
 * A typed client for the emulator's admin API, for tests and the demo: the organization (reset, snapshot, users),
 * tokens, the clock, faults, service protection, the request log, system jobs and webhook deliveries. One method per
 * admin route; the route table is at the top of adminTypes.ts.
 */
import type { ActiveFaultRule, FaultRule, RequestLogEntry } from "../http";
import type {
  AuthValueResult,
  ClockAdvance,
  ClockState,
  DataverseEmulatorInfo,
  DeliveryList,
  MintedToken,
  RequestLogPage,
  RequestLogQuery,
  ResetRequest,
  ResetResult,
  ServiceProtectionChange,
  ServiceProtectionState,
  SystemJobList,
  TokenRequest,
  UserSummary,
} from "./adminTypes";
import { AdminTransport, type AdminTransportOptions } from "./adminTransport";
import type { WebhookDeliveryEntry } from "./deliveryLog";
import type { OrganizationSnapshot } from "./model";
import type { AsyncOperationRecord } from "./webhooks";

const segment = encodeURIComponent;

/** The admin API of one running emulator. Every method throws DataverseAdminError for a refusal. */
export class DataverseAdminClient {
  private readonly transport: AdminTransport;

  /** `baseUrl` is the emulator's URL (e.g. `http://127.0.0.1:7072`), not the /admin path. */
  constructor(baseUrl: string, options: AdminTransportOptions = {}) {
    this.transport = new AdminTransport(baseUrl, options);
  }

  /** Where everything is: URLs, tenant, client ids, users, limits. */
  info(): Promise<DataverseEmulatorInfo> {
    return this.get("/admin");
  }

  // The organization.

  /** A fresh organization, re-seeded (by default as at start). */
  reset(request: ResetRequest = {}): Promise<ResetResult> {
    return this.transport.send("POST", "/admin/reset", request);
  }

  /** The organization as a snapshot; webhook keys are left out. */
  snapshot(): Promise<OrganizationSnapshot> {
    return this.get("/admin/snapshot");
  }

  loadSnapshot(snapshot: OrganizationSnapshot): Promise<ResetResult> {
    return this.transport.send("PUT", "/admin/snapshot", snapshot);
  }

  async users(): Promise<readonly UserSummary[]> {
    return (await this.get<{ value: UserSummary[] }>("/admin/users")).value;
  }

  // Tokens.

  /** Mints an access token for the Web API without a grant: the integration app by default, or a user's. */
  mintToken(request: TokenRequest = {}): Promise<MintedToken> {
    return this.transport.send("POST", "/admin/tokens", request);
  }

  /** The access token text, ready for `Authorization: Bearer …`. */
  async getToken(request: TokenRequest = {}): Promise<string> {
    return (await this.mintToken(request)).access_token;
  }

  // The clock.

  getClock(): Promise<ClockState> {
    return this.get("/admin/clock");
  }

  /** Sets a ManualClock (409 on the system clock). */
  setClock(now: Date | string): Promise<ClockState> {
    return this.transport.send("PUT", "/admin/clock", { now: typeof now === "string" ? now : now.toISOString() });
  }

  /** Moves a ManualClock forward by milliseconds or by parts (`{ minutes: 5 }`). */
  advanceClock(by: number | ClockAdvance): Promise<ClockState> {
    return this.transport.send("POST", "/admin/clock/advance", typeof by === "number" ? { ms: by } : by);
  }

  // Faults, service protection and the request log.

  async listFaults(): Promise<readonly ActiveFaultRule[]> {
    return (await this.get<{ value: ActiveFaultRule[] }>("/admin/faults")).value;
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

  serviceProtection(): Promise<ServiceProtectionState> {
    return this.get("/admin/service-protection");
  }

  /** Changes some limits, or turns service protection off with `{ enabled: false }`; counted requests are forgotten. */
  configureServiceProtection(change: ServiceProtectionChange): Promise<ServiceProtectionState> {
    return this.transport.send("PUT", "/admin/service-protection", change);
  }

  /** The Dataverse-side requests (admin calls are not logged), optionally filtered. */
  async requests(query: RequestLogQuery = {}): Promise<readonly RequestLogEntry[]> {
    return (await this.get<RequestLogPage>(`/admin/requests${searchOf(query)}`)).entries;
  }

  async countRequests(query: RequestLogQuery = {}): Promise<number> {
    return (await this.get<RequestLogPage>(`/admin/requests${searchOf(query)}`)).count;
  }

  resetRequests(): Promise<void> {
    return this.transport.send("DELETE", "/admin/requests");
  }

  // Webhooks.

  /** The system jobs of asynchronous steps, optionally only those with one statuscode (31 = Failed). */
  async asyncOperations(statuscode?: number): Promise<readonly AsyncOperationRecord[]> {
    const query = statuscode === undefined ? "" : `?statuscode=${statuscode}`;
    return (await this.get<SystemJobList>(`/admin/asyncoperations${query}`)).value;
  }

  /** The webhook POSTs attempted so far (retries included), oldest first. */
  async deliveries(): Promise<readonly WebhookDeliveryEntry[]> {
    return (await this.get<DeliveryList>("/admin/webhooks/deliveries")).value;
  }

  clearDeliveries(): Promise<void> {
    return this.transport.send("DELETE", "/admin/webhooks/deliveries");
  }

  /** Resolves once no webhook call and no write is under way (system jobs written). */
  waitForWebhooks(timeoutMs = 30_000): Promise<void> {
    return this.transport.send("POST", `/admin/webhooks/idle?timeoutMs=${timeoutMs}`);
  }

  /** Sets a service endpoint's key (solutions never carry it); the answer never repeats it. */
  setAuthValue(serviceEndpointId: string, authvalue: string): Promise<AuthValueResult> {
    return this.transport.send("PUT", `/admin/serviceendpoints/${segment(serviceEndpointId)}/authvalue`, { authvalue });
  }

  private get<T>(path: string): Promise<T> {
    return this.transport.send("GET", path);
  }
}

function searchOf(query: RequestLogQuery): string {
  const pairs = Object.entries(query).filter(([, value]) => value !== undefined);
  if (pairs.length === 0) return "";
  return `?${pairs.map(([name, value]) => `${name}=${encodeURIComponent(String(value))}`).join("&")}`;
}
