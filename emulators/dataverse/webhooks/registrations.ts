/**
 * The registration rows the webhook caller reads: `serviceendpoint` (dataverse.md §3.1) and
 * `sdkmessageprocessingstep` with its images (§3.2). These are this module's own small shapes, so it does not depend
 * on the in-memory organization; the integrator maps the organization's rows onto them.
 */

/** `serviceendpoint.contract`: only Webhook endpoints are called by this module (§3.1). */
export const ServiceEndpointContract = { Webhook: 8 } as const;

/** `serviceendpoint.authtype` values that apply to webhooks (§3.1). */
export const WebhookAuthType = { WebhookKey: 4, HttpHeader: 5, HttpQueryString: 6 } as const;

/** `serviceendpoint.messageformat`: webhooks always post JSON (§3.1). */
export const MessageFormat = { Json: 2 } as const;

/** `sdkmessageprocessingstep.mode` (§3.2). */
export const StepMode = { Synchronous: 0, Asynchronous: 1 } as const;

/** `sdkmessageprocessingstep.stage`: webhooks fire at PostOperation (§3.2). */
export const StepStage = { PreValidation: 10, PreOperation: 20, MainOperation: 30, PostOperation: 40 } as const;

/** `sdkmessageprocessingstepimage.imagetype` (§3.2). */
export const ImageType = { PreImage: 0, PostImage: 1, Both: 2 } as const;

/** A `serviceendpoints` row. `authvalue` is a secret: it never appears in errors, messages or records. */
export interface ServiceEndpointRegistration {
  readonly serviceendpointid: string;
  readonly name: string;
  readonly url: string;
  /** 8 = Webhook; endpoints with any other contract are not called. */
  readonly contract: number;
  /** 4 WebhookKey, 5 HttpHeader, 6 HttpQueryString. */
  readonly authtype: number;
  /** The key (4), or `<settings><setting name="k" value="v" /></settings>` (5 and 6). */
  readonly authvalue: string | null;
  /** 2 = Json. */
  readonly messageformat: number;
}

/** An `sdkmessageprocessingstepimage` row. */
export interface StepImageRegistration {
  /** The key of the image in `PreEntityImages` / `PostEntityImages`. */
  readonly entityalias: string;
  /** The display name of the image row; not sent. */
  readonly name?: string;
  /** 0 PreImage, 1 PostImage, 2 Both. */
  readonly imagetype: 0 | 1 | 2;
  /** Comma-separated logical names, or null for every column. */
  readonly attributes: string | null;
}

/** An `sdkmessageprocessingsteps` row whose event handler is a service endpoint. */
export interface StepRegistration {
  readonly sdkmessageprocessingstepid: string;
  readonly name: string;
  /** The SDK message name: "Create", "Update", "Delete", ... */
  readonly message: string;
  /** The logical name of the table of the step's `sdkmessagefilter`. */
  readonly primaryEntity: string;
  /** Only 40 (PostOperation) fires: the caller is told about a change after it happened. */
  readonly stage: number;
  /** 0 synchronous, 1 asynchronous. */
  readonly mode: 0 | 1;
  readonly rank: number;
  /** Comma-separated logical names, or null; only used for Update (§3.2). */
  readonly filteringattributes: string | null;
  /** `statecode` 0 (Enabled). */
  readonly enabled: boolean;
  /** Delete the system job when it succeeds (§3.4). */
  readonly asyncautodelete: boolean;
  /** `_eventhandler_value` when the handler is a `serviceendpoint`. */
  readonly eventHandlerServiceEndpointId: string;
  readonly images: readonly StepImageRegistration[];
}

/** Everything registered in the organization, as the caller sees it when a change happens. */
export interface WebhookRegistrations {
  readonly serviceEndpoints: readonly ServiceEndpointRegistration[];
  readonly steps: readonly StepRegistration[];
}

/** Splits a comma-separated list of logical names (filteringattributes, image attributes) into lower-case names. */
export function parseAttributeList(list: string | null): readonly string[] {
  if (list === null) return [];
  return list
    .split(",")
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name.length > 0);
}

/** GUIDs compare without regard to case: Dataverse returns them lower-case but accepts either. */
export function sameGuid(left: string, right: string): boolean {
  return left.toLowerCase() === right.toLowerCase();
}
