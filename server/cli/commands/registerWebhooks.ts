import { webhookFilteringColumns, webhookImageColumns } from "../../../core";
import { PARTNER_CENTER_EVENT_NAMES } from "../../intake/partnerCenter";
import { DATAVERSE_WEBHOOK_PATH, PARTNER_CENTER_WEBHOOK_PATH } from "../../http";
import { openDatabase } from "../../store";
import { clientsOn } from "../../runtime/parts";
import { silentSyncLogger } from "../../runtime/logger";
import { parseCommandArguments } from "../args";
import type { CliCommand, CliIo } from "../command";
import { CONFIG_OPTION_USAGE, configOption, loadCommandConfig } from "../loadCommandConfig";
import type { Clients } from "../../clients";
import type { Config } from "../../config";

const options = {
  ...configOption,
  "partner-center": { type: "boolean" },
  dataverse: { type: "boolean" },
  overwrite: { type: "boolean" },
  validate: { type: "boolean" },
} as const;

function sameUrl(left: string, right: string): boolean {
  try {
    return new URL(left).href === new URL(right).href;
  } catch {
    return left === right;
  }
}

async function registerPartnerCenter(clients: Clients, config: Config, flags: Flags, io: CliIo): Promise<void> {
  const webhookUrl = `${config.server.publicUrl}${PARTNER_CENTER_WEBHOOK_PATH}`;
  // Partner Center answers 409 to any second registration; running the command again for this service's own URL
  // is not a takeover, so only another URL needs --overwrite (as the usage says).
  const current = flags.overwrite ? null : await clients.partnerCenterWebhooks.getRegistration();
  const ours = current !== null && sameUrl(current.webhookUrl, webhookUrl);
  const { action, registration } = await clients.partnerCenterWebhooks.registerPartnerCenterWebhook({
    webhookUrl,
    events: PARTNER_CENTER_EVENT_NAMES,
    overwrite: flags.overwrite || ours,
  });
  io.out(`✔ Partner Center: ${action} the registration → ${registration.webhookUrl}`);
  io.out(`  events: ${registration.webhookEvents.join(", ")}`);
  if (!flags.validate) return;
  const correlationId = await clients.partnerCenterWebhooks.sendValidationEvent();
  io.out(`  sent Partner Center's test event (correlation id ${correlationId}); its result:`);
  const result = await clients.partnerCenterWebhooks.checkValidationEvent(correlationId);
  const delivered = result.results.find((attempt) => attempt.responseCode === "OK");
  io.out(
    delivered
      ? `  ✔ delivered at ${delivered.dateTimeUtc}`
      : `  … ${result.status}: no successful delivery yet; check again with --validate in a minute, or see the service's log`,
  );
}

async function registerDataverse(clients: Clients, config: Config, io: CliIo): Promise<void> {
  const url = `${config.server.publicUrl}${DATAVERSE_WEBHOOK_PATH}`;
  const result = await clients.registerDataverseWebhook({
    url,
    key: config.dataverse.webhookKey,
    filteringAttributes: webhookFilteringColumns(),
    imageAttributes: webhookImageColumns(),
  });
  io.out(`✔ Dataverse: service endpoint ${result.serviceEndpoint.action} → ${url} (the key is sent as ?code=)`);
  io.out(`  Create step ${result.createStep.action}, post-image ${result.createImage.action}`);
  io.out(`  Update step ${result.updateStep.action}, post-image ${result.updateImage.action}`);
}

interface Flags {
  readonly overwrite: boolean;
  readonly validate: boolean;
}

/** `cosell-bridge register-webhooks`: point Partner Center and Dataverse at this service. */
export const registerWebhooksCommand: CliCommand = {
  name: "register-webhooks",
  summary: "register the service's webhook URLs with Partner Center and Dataverse",
  usage: [
    "Usage: cosell-bridge register-webhooks [--partner-center] [--dataverse] [--overwrite] [--validate] [--config <file>]",
    "  Registers PUBLIC_URL/webhooks/partner-center for referral-created, referral-updated, related-referral-created,",
    "  related-referral-updated and test-created; and in Dataverse a webhook service endpoint (PUBLIC_URL/webhooks/",
    "  dataverse, authenticated by DATAVERSE_WEBHOOK_KEY) with asynchronous Create and Update steps on opportunity and",
    "  a post-image. Running it again updates what exists. Without --partner-center or --dataverse it does both.",
    "  --overwrite  replace another URL registered for this tenant (Partner Center keeps one registration per tenant)",
    "  --validate   send Partner Center's test event afterwards and report its delivery",
    CONFIG_OPTION_USAGE,
  ].join("\n"),
  async run(argv, io) {
    const { values } = parseCommandArguments(argv, options);
    const loaded = loadCommandConfig(io, values.config);
    if (loaded === null) return 1;
    const { config, schema } = loaded;
    const both = values["partner-center"] !== true && values.dataverse !== true;
    // The database holds the rotated Partner Center refresh token (server/runtime/parts.ts).
    const database = await openDatabase(config.storage, { schema });
    try {
      const clients = clientsOn(database, config, silentSyncLogger);
      const flags = { overwrite: values.overwrite === true, validate: values.validate === true };
      if (both || values["partner-center"] === true) await registerPartnerCenter(clients, config, flags, io);
      if (both || values.dataverse === true) await registerDataverse(clients, config, io);
      return 0;
    } finally {
      await database.close();
    }
  },
};
