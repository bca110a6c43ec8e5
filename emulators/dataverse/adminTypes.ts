/**
 * The wire types of the emulator's admin API (/admin/...), shared by its routes and by DataverseAdminClient. The
 * admin API is the emulator's own control surface, not part of Dataverse: no bearer token, no request log, no
 * faults, no service protection; with the `adminKey` option every call must send it in `x-emulator-admin-key`.
 * Answers never carry a secret (client secrets, webhook keys); refusals are `{"error":{"code","message"}}`.
 *
 *   GET    /admin                                    DataverseEmulatorInfo (URLs, tenant, clients, users)
 *   POST   /admin/reset                              a fresh organization (re-seeded) → ResetResult
 *   GET    /admin/snapshot · PUT /admin/snapshot     the organization (webhook keys left out) / load one
 *   GET    /admin/users                              the systemusers → { value: UserSummary[] }
 *   POST   /admin/tokens                             TokenRequest → MintedToken (no grant needed)
 *   GET    /admin/clock · PUT /admin/clock · POST /admin/clock/advance   (moving needs a ManualClock, else 409)
 *   GET    /admin/faults · POST /admin/faults → 201 { id } · DELETE /admin/faults · DELETE /admin/faults/:id
 *   GET    /admin/service-protection · PUT /admin/service-protection       limits (PUT: partial, or {"enabled":false})
 *   GET    /admin/requests?method=&pathPrefix=&status= · DELETE /admin/requests
 *   GET    /admin/asyncoperations?statuscode=        system jobs of asynchronous webhook steps
 *   GET    /admin/webhooks/deliveries · DELETE /admin/webhooks/deliveries   attempted webhook POSTs
 *   POST   /admin/webhooks/idle?timeoutMs=           resolves once no webhook call or write is under way
 *   PUT    /admin/serviceendpoints/:id/authvalue     { authvalue } → { serviceendpointid, isauthvalueset }
 */
import type { WebhookDeliveryEntry } from "./deliveryLog";
import type { ServiceProtectionLimits } from "./options";
import type { AsyncOperationRecord } from "./webhooks";

// The base path, the key header and the clock and request log types, which both emulators' admin APIs share.
export * from "../shared/admin/adminTypes";

/** `GET /admin`: where everything is, for tests, the demo and the CLI banner. Never carries a secret. */
export interface DataverseEmulatorInfo {
  readonly url: string;
  /** `{url}/api/data/v9.2`. */
  readonly apiUrl: string;
  /** The audience (resource) of Web API tokens: scope `{resource}/.default`. */
  readonly resource: string;
  readonly tenantId: string;
  readonly tokenEndpoint: string;
  readonly jwksUri: string;
  readonly adminUrl: string;
  readonly organization: {
    readonly name: string;
    readonly domain: string;
    readonly organizationId: string;
    readonly businessUnitId: string;
  };
  readonly clients: readonly { readonly clientId: string; readonly kind: "application" | "delegated" }[];
  readonly integrationClientId: string;
  readonly users: {
    readonly integrationUserId: string | null;
    readonly sellerUserId: string | null;
    readonly sellerObjectId: string | null;
  };
  readonly serviceProtection: ServiceProtectionLimits | null;
  readonly manualClock: boolean;
}

/** `POST /admin/reset`: all optional; the start-up seed settings otherwise. */
export interface ResetRequest {
  readonly demo?: boolean;
  readonly opportunities?: number;
  readonly seed?: string;
}

/** The answer to a reset or a snapshot load. */
export interface ResetResult {
  readonly rows: number;
  readonly users: DataverseEmulatorInfo["users"];
}

/** One row of `GET /admin/users`. */
export interface UserSummary {
  readonly systemuserid: string;
  readonly fullname: string | null;
  readonly applicationid: string | null;
  readonly azureactivedirectoryobjectid: string | null;
  readonly isdisabled: boolean;
}

/** `POST /admin/tokens`. */
export interface TokenRequest {
  /**
   * "integration" (default): an application token of the integration client; "seller": a delegated token of the
   * seller; a systemuserid: a delegated token of that user (who needs an Azure AD object id).
   */
  readonly user?: string;
  /** The client the token is for; default the integration client, or the first delegated client for a user. */
  readonly clientId?: string;
}

/** The answer to `POST /admin/tokens`. */
export interface MintedToken {
  readonly access_token: string;
  readonly token_type: "Bearer";
  readonly audience: string;
  readonly kind: "application" | "delegated";
}

/** `GET /admin/service-protection`; `enabled: false` when it is off. */
export interface ServiceProtectionState {
  readonly enabled: boolean;
  readonly limits: ServiceProtectionLimits | null;
}

/** `PUT /admin/service-protection`: some limits, or `{ enabled: false }` to turn it off. */
export type ServiceProtectionChange = Partial<ServiceProtectionLimits> & { readonly enabled?: boolean };

/** `GET /admin/asyncoperations`. */
export interface SystemJobList {
  readonly value: readonly AsyncOperationRecord[];
}

/** `GET /admin/webhooks/deliveries`. */
export interface DeliveryList {
  readonly value: readonly WebhookDeliveryEntry[];
}

/** The answer to `PUT /admin/serviceendpoints/:id/authvalue`: never the value itself. */
export interface AuthValueResult {
  readonly serviceendpointid: string;
  readonly isauthvalueset: boolean;
}
