/**
 * Reads `ServiceEndpoints/ServiceEndpoint` of customizations.xml (CustomizationsSolution.xsd, serviceendpointtype).
 * Codes: shared/reference/dataverse.md §3.1 (contract 8 Webhook; authtype 4 WebhookKey, 5 HttpHeader,
 * 6 HttpQueryString; messageformat 2 JSON; userclaim 1 None). The auth value is never part of the element: the schema
 * has no AuthValue, and secretScan refuses a zip that carries one anyway.
 */
import type { SolutionServiceEndpoint } from "./componentModel";
import { ElementReader, type ReadContext } from "./elementReader";
import { listItems, type XmlElement } from "./xmlElement";

/** `contract` 8: the endpoint is a webhook, called with an HTTP POST. */
export const webhookContract = 8;
const webhookAuthTypes = [4, 5, 6];
const jsonMessageFormat = 2;

function checkRange(endpoint: ElementReader, name: string, value: number | undefined, low: number, high: number): void {
  if (value !== undefined && (value < low || value > high)) {
    endpoint.problem(`has <${name}>${value}</${name}>; valid codes are ${low} to ${high} (dataverse.md §3.1).`);
  }
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

function checkWebhook(endpoint: ElementReader, model: SolutionServiceEndpoint): void {
  if (model.url === undefined || !isHttpUrl(model.url)) {
    endpoint.problem("is a webhook without an absolute http(s) <Url>. Give the address Dataverse should call.");
  }
  if (model.authType === undefined || !webhookAuthTypes.includes(model.authType)) {
    endpoint.problem("is a webhook; its <AuthType> must be 4 (WebhookKey), 5 (HttpHeader) or 6 (HttpQueryString).");
  }
  if (model.messageFormat !== undefined && model.messageFormat !== jsonMessageFormat) {
    endpoint.warn(`is a webhook with <MessageFormat>${model.messageFormat}</MessageFormat>; webhooks send JSON (2).`);
  }
}

function readServiceEndpoint(element: XmlElement, context: ReadContext): SolutionServiceEndpoint {
  const endpoint = new ElementReader(
    element,
    `The service endpoint '${element.attributes.Name ?? "(unnamed)"}'`,
    context,
  );
  const id = endpoint.guid("ServiceEndpointId", "attribute");
  if (id === undefined) endpoint.problem("has no valid ServiceEndpointId attribute. Give it a GUID.");
  const contract = endpoint.integer("Contract");
  if (contract === undefined) endpoint.problem("has no <Contract> (8 for a webhook). Add it.");
  const model: SolutionServiceEndpoint = {
    id: id ?? "",
    name: endpoint.requiredAttribute("Name"),
    description: endpoint.text("Description") ?? endpoint.attribute("Description"),
    contract: contract ?? 0,
    authType: endpoint.integer("AuthType"),
    url: endpoint.text("Url"),
    messageFormat: endpoint.integer("MessageFormat"),
    userClaim: endpoint.integer("UserClaim"),
    connectionMode: endpoint.integer("ConnectionMode"),
    namespaceAddress: endpoint.text("NamespaceAddress"),
    path: endpoint.text("Path"),
    solutionNamespace: endpoint.text("SolutionNamespace"),
    isCustomizable: endpoint.flag("IsCustomizable"),
  };
  checkRange(endpoint, "Contract", contract, 1, 10);
  checkRange(endpoint, "AuthType", model.authType, 1, 8);
  checkRange(endpoint, "MessageFormat", model.messageFormat, 1, 3);
  checkRange(endpoint, "UserClaim", model.userClaim, 1, 3);
  if (contract === webhookContract) checkWebhook(endpoint, model);
  return model;
}

/** Reads every service endpoint. */
export function readServiceEndpoints(customizations: XmlElement, context: ReadContext): SolutionServiceEndpoint[] {
  const endpoints = listItems(customizations, "ServiceEndpoints", "ServiceEndpoint").map((element) =>
    readServiceEndpoint(element, context),
  );
  const seen = new Set<string>();
  for (const { id, name } of endpoints) {
    if (id !== "" && seen.has(id)) {
      context.findings.problem(
        "InvalidComponent",
        context.part,
        `The service endpoint id ${id} ('${name}') appears twice.`,
      );
    }
    seen.add(id);
  }
  return endpoints;
}
