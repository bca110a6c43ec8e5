/**
 * Where the request goes and which credentials it carries (dataverse.md §3.1, "Auth options as seen by the
 * receiver"): WebhookKey → `?code=<key>`, HttpHeader → each setting as a header, HttpQueryString → each setting as a
 * query parameter. Errors name the endpoint, never `authvalue`; every secret is returned so callers can redact.
 */
import { WebhookConfigurationError } from "./errors";
import { WebhookAuthType, type ServiceEndpointRegistration } from "./registrations";

/** The authenticated destination of one endpoint. */
export interface AuthenticatedTarget {
  /** The URL with any auth query parameters. Secret: never log it. */
  readonly url: string;
  /** The endpoint's URL without query string or fragment: safe for messages. */
  readonly safeUrl: string;
  /** Auth headers, lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  /** Every secret value, for redaction. */
  readonly secrets: readonly string[];
}

/** One `<setting name="..." value="..." />` of an HttpHeader or HttpQueryString authvalue. */
export interface AuthSetting {
  readonly name: string;
  readonly value: string;
}

const XML_ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
// RFC 9110 token characters: anything else cannot be a header name.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

function decodeXmlText(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (entity: string, body: string) => {
    if (body.startsWith("#x")) return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith("#")) return String.fromCodePoint(parseInt(body.slice(1), 10));
    return XML_ENTITIES[body] ?? entity;
  });
}

function attributesOf(element: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of element.matchAll(/([A-Za-z_][\w.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const [, name, doubleQuoted, singleQuoted] = match;
    if (name !== undefined) attributes.set(name, decodeXmlText(doubleQuoted ?? singleQuoted ?? ""));
  }
  return attributes;
}

/**
 * Reads `<settings><setting name="k" value="v" /></settings>` (§3.1, the observed storage format). Attribute order
 * and quote style do not matter; entities are decoded.
 */
export function parseAuthSettings(xml: string, endpointName: string): readonly AuthSetting[] {
  const trimmed = xml.trim();
  if (!/^<settings\s*>[\s\S]*<\/settings\s*>$/.test(trimmed) && !/^<settings\s*\/>$/.test(trimmed)) {
    throw new WebhookConfigurationError(`service endpoint '${endpointName}': authvalue is not a <settings> list`);
  }
  return [...trimmed.matchAll(/<setting\b([^>]*?)\/?>/g)].map((match, index) => {
    const attributes = attributesOf(match[1] ?? "");
    const name = attributes.get("name");
    const value = attributes.get("value");
    if (name === undefined || name === "" || value === undefined) {
      throw new WebhookConfigurationError(
        `service endpoint '${endpointName}': setting ${index + 1} needs a name and a value`,
      );
    }
    return { name, value };
  });
}

/** `url` without its query string and fragment, for messages. Unparsable URLs are not echoed at all. */
export function urlWithoutQuery(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return "(invalid URL)";
  }
}

function parseEndpointUrl(endpoint: ServiceEndpointRegistration): URL {
  try {
    return new URL(endpoint.url);
  } catch {
    throw new WebhookConfigurationError(`service endpoint '${endpoint.name}' has an invalid url`);
  }
}

function requiredAuthValue(endpoint: ServiceEndpointRegistration): string {
  if (endpoint.authvalue === null || endpoint.authvalue === "") {
    throw new WebhookConfigurationError(`service endpoint '${endpoint.name}' has no authvalue`);
  }
  return endpoint.authvalue;
}

/** The URL, headers and secrets for `endpoint`. Throws WebhookConfigurationError for unusable registrations. */
export function authenticateEndpoint(endpoint: ServiceEndpointRegistration): AuthenticatedTarget {
  const url = parseEndpointUrl(endpoint);
  const safeUrl = urlWithoutQuery(endpoint.url);
  const authValue = requiredAuthValue(endpoint);
  switch (endpoint.authtype) {
    case WebhookAuthType.WebhookKey:
      url.searchParams.append("code", authValue);
      return { url: url.href, safeUrl, headers: {}, secrets: [authValue] };
    case WebhookAuthType.HttpHeader: {
      const settings = parseAuthSettings(authValue, endpoint.name);
      const headers: Record<string, string> = {};
      for (const { name, value } of settings) {
        if (!HEADER_NAME.test(name)) {
          throw new WebhookConfigurationError(`service endpoint '${endpoint.name}': '${name}' is not a header name`);
        }
        headers[name.toLowerCase()] = value;
      }
      return { url: url.href, safeUrl, headers, secrets: settings.map((setting) => setting.value) };
    }
    case WebhookAuthType.HttpQueryString: {
      const settings = parseAuthSettings(authValue, endpoint.name);
      for (const { name, value } of settings) url.searchParams.append(name, value);
      return { url: url.href, safeUrl, headers: {}, secrets: settings.map((setting) => setting.value) };
    }
    default:
      throw new WebhookConfigurationError(
        `service endpoint '${endpoint.name}' has authtype ${endpoint.authtype}, which webhooks do not support`,
      );
  }
}
