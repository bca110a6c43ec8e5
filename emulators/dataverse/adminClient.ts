/**
 * A typed client for the emulator's admin API, for tests and the demo: the organization (reset, snapshot, users),
 * tokens, the clock, faults, service protection, the request log, system jobs and webhook deliveries. One method per
 * admin route; the route table is at the top of adminTypes.ts.
 */
import { EmulatorAdminClient } from "../shared/admin/adminClient";
import type { AdminTransportOptions } from "../shared/admin/adminTransport";
import { DataverseAdminError } from "./adminError";
import type {
  AuthValueResult,
  ClockState,
  DataverseEmulatorInfo,
  DeliveryList,
  MintedToken,
  ResetRequest,
  ResetResult,
  ServiceProtectionChange,
  ServiceProtectionState,
  SystemJobList,
  TokenRequest,
  UserSummary,
} from "./adminTypes";
import type { WebhookDeliveryEntry } from "./deliveryLog";
import type { OrganizationSnapshot } from "./model";
import type { AsyncOperationRecord } from "./webhooks";

const segment = encodeURIComponent;

/**
 * The admin API of one running emulator: the clock, faults and the request log (EmulatorAdminClient) and Dataverse's
 * own routes. Every method throws DataverseAdminError for a refusal.
 */
export class DataverseAdminClient extends EmulatorAdminClient<ClockState> {
  /** `baseUrl` is the emulator's URL (e.g. `http://127.0.0.1:7072`), not the /admin path. */
  constructor(baseUrl: string, options: AdminTransportOptions = {}) {
    super(baseUrl, DataverseAdminError, options);
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

  // Service protection.

  serviceProtection(): Promise<ServiceProtectionState> {
    return this.get("/admin/service-protection");
  }

  /** Changes some limits, or turns service protection off with `{ enabled: false }`; counted requests are forgotten. */
  configureServiceProtection(change: ServiceProtectionChange): Promise<ServiceProtectionState> {
    return this.transport.send("PUT", "/admin/service-protection", change);
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
}
