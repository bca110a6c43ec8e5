/**
 * The registrations and notification both sides of the Dataverse webhook tests start from (the emulator that sends
 * and the intake that receives), with the fixed ids their assertions name.
 */
import {
  typedValue,
  type ChangeNotification,
  type ServiceEndpointRegistration,
  type StepRegistration,
} from "../../emulators/dataverse/webhooks";

export const OPPORTUNITY_ID = "6d81597f-0f9f-e711-8122-000d3aa2331c";
/** The seller who changes the opportunity. */
export const USER_ID = "75c2dd85-e89e-e711-8122-000d3aa2331c";
export const BUSINESS_UNIT_ID = "e2b9dd85-e89e-e711-8122-000d3aa2331c";
export const ORGANIZATION_ID = "4ef5b371-e89e-e711-8122-000d3aa2331c";
export const ORGANIZATION_DOMAIN = "org6eadd181.crm.dynamics.com";
export const CORRELATION_ID = "b374239d-4233-41a9-8b17-a86cb4f737b5";
export const ACCOUNT_ID = "22222222-2222-4222-8222-222222222222";
export const ENDPOINT_ID = "5a7e0c33-0000-4000-8000-0000000000e1";
export const WEBHOOK_KEY = "s3cr3t/key+with=chars";
/** 2026-01-01T10:00:00Z */
export const CHANGED_AT = new Date("2026-01-01T10:00:00Z");

/** The JSON webhook endpoint ENDPOINT_ID at `url`, authenticated by WebhookKey (`?code=`) unless changed. */
export function webhookEndpoint(
  url: string,
  changes: Partial<ServiceEndpointRegistration> = {},
): ServiceEndpointRegistration {
  return {
    serviceendpointid: ENDPOINT_ID,
    name: "pc-sync",
    url,
    contract: 8,
    authtype: 4,
    authvalue: WEBHOOK_KEY,
    messageformat: 2,
    ...changes,
  };
}

/** What tells two steps apart, and anything else to change. */
export type StepIdentity = Pick<StepRegistration, "sdkmessageprocessingstepid" | "name" | "asyncautodelete"> &
  Partial<StepRegistration>;

/** An enabled async PostOperation step on Update of opportunity for ENDPOINT_ID, with no images. */
export function opportunityUpdateStep(identity: StepIdentity): StepRegistration {
  const { sdkmessageprocessingstepid, name, asyncautodelete, ...changes } = identity;
  return {
    sdkmessageprocessingstepid,
    name,
    message: "Update",
    primaryEntity: "opportunity",
    stage: 40,
    mode: 1,
    rank: 1,
    filteringattributes: null,
    enabled: true,
    asyncautodelete,
    eventHandlerServiceEndpointId: ENDPOINT_ID,
    images: [],
    ...changes,
  };
}

/** An Update of the opportunity's name by USER_ID (no impersonation), without images. */
export const NAME_UPDATE_WITHOUT_IMAGES: ChangeNotification = {
  message: "Update",
  entityName: "opportunity",
  id: OPPORTUNITY_ID,
  target: { name: typedValue.string("Contoso / 500 seats") },
  changedAttributes: ["name"],
  primaryNameAttribute: "name",
  initiatingUserId: USER_ID,
  userId: USER_ID,
  businessUnitId: BUSINESS_UNIT_ID,
  organizationId: ORGANIZATION_ID,
  organizationName: "OrgName",
  organizationDomain: ORGANIZATION_DOMAIN,
  correlationId: CORRELATION_ID,
  depth: 1,
  at: CHANGED_AT,
};
