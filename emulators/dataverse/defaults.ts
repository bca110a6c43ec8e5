/**
 * The documented defaults of the local Dataverse: an invented tenant and organization, the integration application
 * client the sync service authenticates with (client credentials for an application user, shared/DESIGN.md
 * "Authentication"), a delegated client for sellers, and the fixed ids of the users an organization without demo
 * data starts with. Every id and secret here is deliberately fake and public: it exists so that
 * `npm run emulator:dataverse` works without configuration, and must never be used anywhere else.
 */
import type { RegisteredClient } from "../auth";

/** The emulated Azure AD tenant (the `tid` of every token). */
export const DEFAULT_TENANT_ID = "d47a0e5e-0000-4000-8000-000000000001";

/** The documented fake client secret of both default clients; obviously not a real credential. */
export const DEFAULT_CLIENT_SECRET = "dataverse-emulator-secret-not-for-production";

/** The sync service's app registration: client credentials, mapped to the integration application user. */
export const DEFAULT_INTEGRATION_CLIENT: RegisteredClient = {
  clientId: "d47a0e5e-0000-4000-8000-00000000a991",
  clientSecret: DEFAULT_CLIENT_SECRET,
  kind: "application",
};

/** A delegated (App+User) client through which a seller signs in; its tokens act as the user of their `oid`. */
export const DEFAULT_SELLER_CLIENT: RegisteredClient = {
  clientId: "d47a0e5e-0000-4000-8000-00000000de1e",
  clientSecret: DEFAULT_CLIENT_SECRET,
  kind: "delegated",
};

/**
 * The organization as webhooks name it (dataverse.md §3.3: `x-ms-dynamics-organization` is "the domain name of the
 * environment", e.g. `org6eadd181.crm.dynamics.com`). The `.localhost` top-level domain is reserved, so the name
 * looks like a real environment but can never reach one.
 */
export const DEFAULT_ORGANIZATION = {
  /** `OrganizationName` of the execution context (the unique name). */
  name: "contosodev",
  domain: "contoso-dev.crm.dynamics.localhost",
  organizationId: "d47a0e5e-0000-4000-8000-0000000000a1",
  /** The root business unit: `BusinessUnitId` of WhoAmI and of every execution context. */
  businessUnitId: "d47a0e5e-0000-4000-8000-0000000000b1",
} as const;

/** The users of an organization started without demo data (the demo seed makes its own, with seeded ids). */
export const BASELINE_USERS = {
  integration: {
    systemuserid: "d47a0e5e-0000-4000-8000-000000000101",
    firstname: "#",
    lastname: "Co-sell Bridge Integration",
  },
  seller: {
    systemuserid: "d47a0e5e-0000-4000-8000-000000000102",
    firstname: "Avery",
    lastname: "Howard",
    internalemailaddress: "avery.howard@contoso-demo.example",
    azureactivedirectoryobjectid: "d47a0e5e-0000-4000-8000-000000000202",
  },
} as const;

/** The Web API's path (dataverse.md §4.1: `https://<org>.<region>.dynamics.com/api/data/v9.2/<EntitySetName>`). */
export const WEB_API_PATH = "/api/data/v9.2";

/** Service protection limits of dataverse.md §4.4: 6000 requests per 5-minute window, 52 concurrent requests. */
export const DEFAULT_SERVICE_PROTECTION = {
  requestsPerWindow: 6000,
  windowMs: 300_000,
  concurrentRequests: 52,
} as const;

/** Request bodies up to 32 MiB: an ImportSolution body carries the whole solution zip as base64. */
export const DEFAULT_MAX_REQUEST_BYTES = 32 * 1024 * 1024;
