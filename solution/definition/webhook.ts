/**
 * The "Dataverse plugin bridge" (shared/DESIGN.md): a webhook service endpoint (contract 8, JSON, WebhookKey) and
 * asynchronous post-operation steps on Create and Update of opportunity, each with a post-image
 * (shared/reference/dataverse.md §3.1, §3.2).
 *
 * The endpoint carries no key: keys never travel in a solution. After import the admin, or
 * `cosell-bridge register-webhooks`, sets the key and the service's URL; that command finds the endpoint and the steps
 * by the names used here, so it updates them instead of registering a second webhook. Until then the endpoint points
 * at a placeholder address in the reserved .invalid domain (RFC 2606), unless the packer is given the real one.
 */
import { webhookFilteringColumns, webhookImageColumns } from "../../core";
import { opportunityTable } from "../../core/dataverse/schema";

/** Platform SDK message ids: the same in every Dataverse environment, which is how an exported step names its message. */
export const sdkMessageIds = {
  Create: "9ebdbb1b-ea3e-db11-86a7-000a3a5473e8",
  Update: "20bebb1b-ea3e-db11-86a7-000a3a5473e8",
} as const;

/** The name the CLI registers the endpoint under (server/clients/dataverse/webhookRegistration.ts). */
const endpointName = "Co-sell Bridge";

export const webhookEndpoint = {
  id: "330dd056-bfc9-460e-9075-c9f50ae3cf6e",
  name: endpointName,
  description: "The Co-sell Bridge service. Set its URL and key after import (cosell-bridge register-webhooks).",
  /** Where Dataverse posts until the service's address is set; the path is the service's webhook route. */
  placeholderUrl: "https://cosell-bridge.invalid/webhooks/dataverse",
  /** 8: Webhook. */
  contract: 8,
  /** 4: WebhookKey, sent as ?code=. */
  authType: 4,
  /** 2: JSON. */
  messageFormat: 2,
  /** 1: None. */
  userClaim: 1,
  /** 1: Normal. */
  connectionMode: 1,
} as const;

export interface WebhookStep {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly message: keyof typeof sdkMessageIds;
  /** Update only: the step runs when one of these changes. */
  readonly filteringAttributes: readonly string[];
  readonly image: {
    readonly id: string;
    readonly alias: string;
    /** The message property the image is taken from: Id for Create, Target for Update. */
    readonly messagePropertyName: "Id" | "Target";
    readonly attributes: readonly string[];
  };
}

/** The post-image's name, as the CLI registers it (server/clients/dataverse/webhookSteps.ts). */
const imageAlias = "PostImage";

// The image lists the same columns as the filter (plus the referral id the service matches on): every column would
// include csb_audit (up to 100,000 characters), and Dataverse drops all images from a body above 256 KB (§3.3).
const imageAttributes = webhookImageColumns();

export const webhookSteps: readonly WebhookStep[] = [
  {
    id: "9bb3ec25-5ada-4aac-8a0b-bc85113d1961",
    name: `${endpointName}: Create of ${opportunityTable.logicalName}`,
    description: "Tells the Co-sell Bridge service about a new opportunity.",
    message: "Create",
    filteringAttributes: [],
    image: {
      id: "771b8cac-592a-4a30-ab13-ddc1af8dcbc1",
      alias: imageAlias,
      messagePropertyName: "Id",
      attributes: imageAttributes,
    },
  },
  {
    id: "ba2ab4a2-e067-4729-8354-eaa63253e098",
    name: `${endpointName}: Update of ${opportunityTable.logicalName}`,
    description: "Tells the Co-sell Bridge service about a change to a synced column of an opportunity.",
    message: "Update",
    filteringAttributes: webhookFilteringColumns(),
    image: {
      id: "16f87cbf-3dc6-47ba-9309-7c920fa2b4f7",
      alias: imageAlias,
      messagePropertyName: "Target",
      attributes: imageAttributes,
    },
  },
];
