/**
 * Step 3: the Dataverse webhook pointed at the environment's service, with the service's key. The solution carries
 * the endpoint and steps without a key and with a placeholder URL (solution/definition/webhook.ts), and every import
 * puts the packed URL back, so this runs after every import; the registration finds them by name and adds nothing.
 * The Update step follows the profile's field mapping, as the service does.
 *
 * The Partner Center webhook is not registered here: Partner Center keeps one registration per tenant, and staging
 * and production usually share the partner's tenant, so a staging deploy would take the webhook away from production.
 * `cosell-bridge register-webhooks --partner-center` on the production service does it once.
 */
import {
  customizeMapping,
  defaultFieldMapping,
  environmentVariables,
  webhookFilteringColumns,
  webhookImageColumns,
  type FieldMapping,
} from "../../core";
import type { CliIo } from "../cli/command";
import type { DataverseWebApi } from "../clients/dataverse/webApi";
import { registerDataverseWebhook } from "../clients/dataverse/webhookRegistration";
import type { Secret } from "../config/secret";
import { DATAVERSE_WEBHOOK_PATH } from "../http/webhooks/dataverseWebhook";
import type { DeployProfile } from "./profile";

/** The profile's field mapping (the default mapping when it sets none). */
function mappingOf(values: Readonly<Record<string, string>>): FieldMapping {
  const mapping = customizeMapping({
    fieldMappingJson: values[environmentVariables.fieldMapping.schemaName] ?? null,
    dealValueColumn: values[environmentVariables.dealValueField.schemaName] ?? null,
    countryColumn: values[environmentVariables.countryField.schemaName] ?? null,
  });
  // The profile check refused an invalid mapping already; the default keeps this total.
  return mapping.ok ? mapping.mapping : defaultFieldMapping;
}

export async function registerWebhook(
  api: DataverseWebApi,
  profile: DeployProfile,
  webhookKey: Secret,
  io: CliIo,
): Promise<string> {
  const url = `${profile.service.url}${DATAVERSE_WEBHOOK_PATH}`;
  const mapping = mappingOf(profile.environmentVariables);
  const result = await registerDataverseWebhook(api, {
    url,
    key: webhookKey,
    filteringAttributes: webhookFilteringColumns(mapping),
    // As the solution packs them: never csb_audit (a body above 256 KB loses its images, dataverse.md §3.3).
    imageAttributes: webhookImageColumns(mapping),
  });
  const summary =
    `endpoint ${result.serviceEndpoint.action} → ${url}; Create step ${result.createStep.action}, ` +
    `Update step ${result.updateStep.action}`;
  io.err(`  ${summary}`);
  return summary;
}
