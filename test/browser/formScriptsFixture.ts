/**
 * What the form scripts' browser test runs against: the whole loop of test/support/bridgeStack.ts (both emulators,
 * the sync service on PGlite) with the host in front of it, its port chosen first so the service's CORS_ORIGINS
 * admits the page, and csb_SyncEndpointUrl set to the service as an admin sets it after importing the solution.
 * Only Partner Center's webhook is registered, so a referral Microsoft shares becomes an opportunity as in production;
 * Dataverse's is not: a row keeps the sync state a test gives it until the seller asks for a sync.
 * Opportunities are the seller's, with a US account and a contact with an e-mail; sync states are written as the
 * service writes them (straight into the emulator's organization).
 */
import { SyncStatus } from "../../core";
import { startCoSellHost, type CoSellHost } from "../../demo/host/server/coSellHost";
import {
  eventually,
  freePort,
  registerPartnerCenterWebhook,
  startBridgeStack,
  type BridgeStack,
} from "../support/bridgeStack";
import { anInboundRequest } from "../support/partnerCenterEmulator";
import { settle } from "../server/e2e/support/stack";
import { preparedPgliteFolder } from "../server/e2e/support/pgliteTemplate";
import { Seller, type Customer } from "../server/e2e/support/seller";

export type RowState = "notSynced" | "pending" | "synced" | "error";

export interface RowSetup {
  readonly sync: boolean;
  readonly state?: RowState;
  /** The newest audit line, e.g. an error with "What to do:" advice. */
  readonly auditLine?: string;
  /** For a customer whose account has no country, which Partner Center refuses. */
  readonly withoutCountry?: boolean;
}

export interface FormScriptsFixture {
  readonly stack: BridgeStack;
  readonly host: CoSellHost;
  /** The origins the page may talk to: the host and the sync service. */
  readonly origins: readonly string[];
  /** A new open opportunity closing in 60 days, worth `dealValue` USD, in the given sync state. */
  createOpportunity(name: string, dealValue: number, setup?: RowSetup): Promise<string>;
  /** The opportunity the service made of a co-sell referral Microsoft shared, waiting for the partner's answer. */
  createInboundOpportunity(customerName: string): Promise<string>;
  /** The opportunity as Dataverse holds it now. */
  readOpportunity(id: string): Record<string, unknown>;
  stop(): Promise<void>;
}

const STATUS_VALUES: Readonly<Record<RowState, number>> = {
  notSynced: SyncStatus.NotSynced,
  pending: SyncStatus.Pending,
  synced: SyncStatus.Synced,
  error: SyncStatus.Error,
};

export async function startFormScriptsFixture(): Promise<FormScriptsFixture> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const stack = await startBridgeStack({
    storage: "pglite",
    name: "browser_scripts",
    dataDir: await preparedPgliteFolder(),
    env: { CORS_ORIGINS: origin },
    registerWebhooks: false,
  });
  let host: CoSellHost | undefined;
  try {
    const serviceUrl = stack.service.url;
    if (serviceUrl === null) throw new Error("the sync service is not listening");
    setEnvironmentVariable(stack, "csb_SyncEndpointUrl", serviceUrl);
    await registerPartnerCenterWebhook(stack.service, stack.config);
    host = await startCoSellHost({ dataverse: { url: stack.dataverse.url }, syncServiceUrl: serviceUrl, port });
    const seller = await Seller.signIn(stack.dataverse);
    const customers = {
      complete: await seller.createCustomer("Fabrikam Scripts"),
      withoutCountry: await seller.createCustomer("Contoso Nowhere"),
    };
    stack.dataverse.org.update("account", customers.withoutCountry.accountId, { address1_country: null });
    const running = host;
    return {
      stack,
      host: running,
      origins: [running.url, new URL(serviceUrl).origin],
      createOpportunity: (name, dealValue, setup) => {
        const customer = setup?.withoutCountry === true ? customers.withoutCountry : customers.complete;
        return createOpportunity(stack, seller, customer, name, dealValue, setup);
      },
      createInboundOpportunity: async (customerName) => {
        const shared = await stack.partnerCenter.admin.createInboundReferral(
          anInboundRequest({
            customer: { name: customerName, address: { city: "Austin", state: "TX", country: "US" } },
          }),
        );
        const id = await eventually("the opportunity of Microsoft's referral", () => {
          const filter = `csb_referralid eq '${shared.referral.id}'`;
          return stack.dataverse.org.retrieveMultiple("opportunity", { filter }).value[0]?.opportunityid as
            string | undefined;
        });
        await settle(stack);
        return id;
      },
      readOpportunity: (id) =>
        stack.dataverse.org.retrieve("opportunity", id, {
          select: ["name", "estimatedvalue", "csb_syncwithpartnercenter", "csb_syncstatus", "csb_referralid"],
        }),
      stop: async () => {
        await running.close();
        await stack.stop();
      },
    };
  } catch (error) {
    await host?.close();
    await stack.stop();
    throw error;
  }
}

function setEnvironmentVariable(stack: BridgeStack, schemaName: string, value: string): void {
  const [definition] = stack.dataverse.org.retrieveMultiple("environmentvariabledefinitions", {
    filter: `schemaname eq '${schemaName}'`,
  }).value;
  if (definition === undefined) throw new Error(`the organization has no environment variable ${schemaName}`);
  stack.dataverse.org.create("environmentvariablevalue", {
    value,
    "EnvironmentVariableDefinitionId@odata.bind": `/environmentvariabledefinitions(${String(definition.environmentvariabledefinitionid)})`,
  });
}

async function createOpportunity(
  stack: BridgeStack,
  seller: Seller,
  customer: Customer,
  name: string,
  dealValue: number,
  setup: RowSetup = { sync: false },
): Promise<string> {
  const id = await seller.createOpportunity(customer, { name, dealValue, sync: { on: setup.sync } });
  stack.dataverse.org.update("opportunity", id, {
    ...(setup.state === undefined ? {} : { csb_syncstatus: STATUS_VALUES[setup.state] }),
    ...(setup.state === "synced" ? { csb_lastsyncedon: new Date(Date.now() - 3_600_000).toISOString() } : {}),
    ...(setup.auditLine === undefined ? {} : { csb_audit: setup.auditLine }),
  });
  return id;
}
