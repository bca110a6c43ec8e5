/**
 * Who is who in the demo: the app registrations the two emulators know, and which part uses which. The ids are fixed
 * so a log line reads the same from one run to the next; every secret is random per run and lives only in this
 * process, so none is written to a file, printed, or reused by a later run.
 */
import { randomBytes } from "node:crypto";
import type { RegisteredClient } from "../../emulators/auth";

/** The app role the service's admin API requires by default (FORM_API_ADMIN_ROLE). */
export const OPERATOR_ROLE = "CoSellBridge.Admin";

export interface DemoIdentities {
  /** Dataverse: the sync service's application user (client credentials). */
  readonly integration: RegisteredClient;
  /** Dataverse: the delegated client the seller signs in through (the form's and the list's token). */
  readonly seller: RegisteredClient;
  /** Dataverse: the admin's deploy app registration, with an application user of its own. */
  readonly deploy: RegisteredClient;
  /** Dataverse tenant: the operator page's app registration, holding the service's admin role. */
  readonly operator: RegisteredClient;
  /** Partner Center: the service's app registration (delegated Referrals API, application webhook API). */
  readonly partnerCenter: RegisteredClient;
  /** Partner Center: the Referrals admin's refresh token the service starts from. */
  readonly partnerCenterRefreshToken: string;
  /** The key Dataverse sends with each webhook (DATAVERSE_WEBHOOK_KEY, 32 characters at least). */
  readonly webhookKey: string;
  /** Every secret above, for checks that none of them is ever shown. */
  readonly secrets: readonly string[];
}

function randomSecret(): string {
  return randomBytes(24).toString("base64url");
}

/** Fresh secrets for one run of the demo. */
export function createDemoIdentities(operatorRole = OPERATOR_ROLE): DemoIdentities {
  const integration: RegisteredClient = {
    clientId: "de30de30-0000-4000-8000-00000000a901",
    clientSecret: randomSecret(),
    kind: "application",
  };
  const seller: RegisteredClient = {
    clientId: "de30de30-0000-4000-8000-00000000de01",
    clientSecret: randomSecret(),
    kind: "delegated",
  };
  const deploy: RegisteredClient = {
    clientId: "de30de30-0000-4000-8000-00000000d301",
    clientSecret: randomSecret(),
    kind: "application",
  };
  const operator: RegisteredClient = {
    clientId: "de30de30-0000-4000-8000-000000000901",
    clientSecret: randomSecret(),
    kind: "application",
    roles: [operatorRole],
  };
  const partnerCenter: RegisteredClient = {
    clientId: "de30de30-0000-4000-8000-00000000c001",
    clientSecret: randomSecret(),
    kind: "application",
  };
  const partnerCenterRefreshToken = randomSecret();
  const webhookKey = `${randomSecret()}${randomSecret()}`;
  return {
    integration,
    seller,
    deploy,
    operator,
    partnerCenter,
    partnerCenterRefreshToken,
    webhookKey,
    secrets: [
      integration.clientSecret,
      seller.clientSecret,
      deploy.clientSecret,
      operator.clientSecret,
      partnerCenter.clientSecret,
      partnerCenterRefreshToken,
      webhookKey,
    ],
  };
}
