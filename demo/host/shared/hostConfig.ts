/**
 * What the server tells the browser-side host about the page it serves, embedded in the page as JSON: which record,
 * which options, who the user is and where the sync service is. Nothing secret goes in here: the browser gets the
 * seller's sync-service token only through the token endpoint, and never a client secret.
 */
import type { PageOptions } from "./pageOptions";

export interface HostConfig {
  /** The opportunity's id, lower case, without braces. */
  readonly opportunityId: string;
  readonly options: PageOptions;
  readonly user: { readonly id: string; readonly name: string };
  /** The syncEndpointUrl input property; null leaves the control to the csb_SyncEndpointUrl environment variable. */
  readonly syncEndpointUrl: string | null;
}

/** Where the server serves each part of the page; the browser side reads the same constants. */
export const HOST_ROUTES = {
  form: "/forms/opportunity/",
  react: "/host/platform/react.js",
  reactDom: "/host/platform/react-dom.js",
  fluent: "/host/platform/fluent.js",
  hostScript: "/host/host.js",
  hostStyles: "/host/host.css",
  controlBundle: "/host/control/bundle.js",
  /** Followed by the language id: `/host/control/strings/1049`. */
  controlStrings: "/host/control/strings/",
  syncToken: "/host/sync-token",
  webApi: "/api/data/v9.2/",
  /** Followed by a web resource's name, as Dynamics serves them: `/WebResources/csb_/scripts/opportunity.js`. */
  webResources: "/WebResources/",
  /** Followed by the language id: the form libraries' String (RESX) web resources, for getResourceString. */
  webResourceStrings: "/host/webresources/strings/",
} as const;

/** The answer of the strings route: the control's resx strings in the asked language and in the base language. */
export interface ControlStrings {
  readonly languageId: number;
  /** Null when the control has no resx for the asked language (the platform then uses the base language). */
  readonly strings: Readonly<Record<string, string>> | null;
  readonly baseStrings: Readonly<Record<string, string>>;
}

/** One String (RESX) web resource in the asked language and in the base language. */
export interface ResourceStrings {
  /** Null when the solution has no resx of this resource in the asked language (the base language is used). */
  readonly strings: Readonly<Record<string, string>> | null;
  readonly baseStrings: Readonly<Record<string, string>>;
}

/** The answer of the web resource strings route, by the name getResourceString takes (`csb_/strings/opportunity`). */
export interface WebResourceStrings {
  readonly languageId: number;
  readonly resources: Readonly<Record<string, ResourceStrings>>;
}

/** The answer of the token route. */
export interface SyncToken {
  readonly accessToken: string;
  /** Seconds since 1970 (the token's `exp`). */
  readonly expiresOn: number;
}

/** The id of the script element holding the HostConfig JSON. */
export const HOST_CONFIG_ELEMENT_ID = "cosell-host-config";

/** The performance mark the page sets once the form's OnLoad handlers have run (for timing the page's load). */
export const ONLOAD_DONE_MARK = "cosell-host:onload-done";
