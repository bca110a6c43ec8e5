/**
 * The records and jobs of the scenarios: an opportunity a seller sets up for co-selling, the jobs the two intakes
 * would make of its changes (built by the intakes' own toSyncJob), and quick reads of both sides.
 */
import { randomBytes } from "node:crypto";
import { defaultFieldMapping, MicrosoftHelpOption, toReferralCreate, type Referral } from "../../../core";
import type { InboundReferralRequest } from "../../../emulators/partner-center";
import { toSyncJob as toOpportunityJob, type OpportunitySyncJob } from "../../../server/intake/dataverse";
import {
  toSyncJob as toReferralJob,
  type PartnerCenterReferralJob,
  type ReferralEventName,
} from "../../../server/intake/partnerCenter";
import type { Row } from "./sellerApi";
import type { World } from "./world";

export interface CoSellOpportunity {
  readonly opportunityId: string;
  readonly accountId: string;
  readonly contactId: string;
}

/** A deal a seller sets up for co-selling: customer in the US with a contact, help requested, shared, one solution. */
export async function aCoSellOpportunity(
  world: World,
  overrides: Row = {},
  account: Row = {},
): Promise<CoSellOpportunity> {
  const tag = randomBytes(3).toString("hex");
  const accountId = await world.seller.create("accounts", {
    name: `Fabrikam ${tag}`,
    address1_city: "Seattle",
    address1_postalcode: "98101",
    address1_country: "US",
    ...account,
  });
  const contactId = await world.seller.create("contacts", {
    firstname: "Ana",
    lastname: `Silva ${tag}`,
    emailaddress1: `ana.${tag}@fabrikam.example`,
    "parentcustomerid_account@odata.bind": `/accounts(${accountId})`,
  });
  const opportunityId = await world.seller.create("opportunities", {
    name: `Warehouse modernisation ${tag}`,
    description: "Move the warehouse apps to the cloud.",
    estimatedvalue: 125000,
    estimatedclosedate: "2027-03-31",
    "transactioncurrencyid@odata.bind": `/transactioncurrencies(${await currencyId(world, "USD")})`,
    "parentaccountid@odata.bind": `/accounts(${accountId})`,
    "customerid_account@odata.bind": `/accounts(${accountId})`,
    "parentcontactid@odata.bind": `/contacts(${contactId})`,
    csb_syncwithpartnercenter: true,
    csb_microsofthelp: String(MicrosoftHelpOption.GeneralOrOther),
    csb_sharewithmicrosoft: true,
    csb_products: "SOL-20418-K2P",
    ...overrides,
  });
  return { opportunityId, accountId, contactId };
}

const currencies = new WeakMap<World, Map<string, string>>();

export async function currencyId(world: World, iso: string): Promise<string> {
  const known = currencies.get(world) ?? new Map<string, string>();
  currencies.set(world, known);
  const cached = known.get(iso);
  if (cached !== undefined) return cached;
  const [row] = await world.seller.query(`transactioncurrencies?$filter=isocurrencycode eq '${iso}'`);
  const id = String(row?.transactioncurrencyid);
  known.set(iso, id);
  return id;
}

/** The job the Dataverse intake makes of a webhook for this opportunity; `by` says who made the change. */
export function opportunityJob(
  world: World,
  opportunityId: string,
  options: { by?: "seller" | "service"; message?: string; changed?: Row; at?: string } = {},
): OpportunitySyncJob {
  const user = options.by === "service" ? world.integrationUserId : world.sellerUserId;
  const decision = toOpportunityJob(
    {
      messageName: options.message ?? "Update",
      entityName: "opportunity",
      recordId: opportunityId,
      correlationId: randomBytes(8).toString("hex"),
      requestId: null,
      organization: null,
      depth: 1,
      initiatingUserId: user,
      userId: user,
      operationCreatedOn: options.at ?? world.clock.now().toISOString(),
      changedAttributes: (options.changed ?? { name: "changed" }) as never,
      modified: {},
      preImage: {},
      postImage: {},
      trimmed: false,
      owningStepId: null,
      warnings: [],
    },
    { integrationUserIds: [world.integrationUserId] },
  );
  if (decision.kind !== "dataverse-opportunity") throw new Error(`the intake ignored the change: ${decision.reason}`);
  return decision;
}

/** The job the Partner Center intake makes of a referral event. */
export function referralJob(
  referral: Pick<Referral, "id" | "updatedDateTime">,
  eventName: ReferralEventName = "referral-updated",
  changedAt: string = referral.updatedDateTime,
): PartnerCenterReferralJob {
  const decision = toReferralJob({
    eventName,
    referralId: referral.id,
    resourceUri: `https://api.partner.microsoft.com/v1.0/engagements/referrals/${referral.id}`,
    changedAt: new Date(changedAt).toISOString(),
    isTest: false,
  });
  if (decision.kind !== "partner-center-referral") throw new Error(decision.reason);
  return decision;
}

export function opportunityRow(world: World, opportunityId: string): Promise<Row> {
  return world.seller.read("opportunities", opportunityId);
}

export async function referralOf(world: World, referralId: string): Promise<Referral> {
  const found = (await world.partnerCenter.admin.referrals()).find((referral) => referral.id === referralId);
  if (found === undefined) throw new Error(`no referral ${referralId} in the emulator`);
  return found;
}

export async function referralsFor(world: World, opportunityId: string): Promise<Referral[]> {
  return (await world.partnerCenter.admin.referrals()).filter(
    (referral) => referral.externalReferenceId === opportunityId,
  );
}

/** Sets (or with null clears) the value of one of the solution's environment variables. */
export async function setVariable(world: World, schemaName: string, value: string | null): Promise<void> {
  const [definition] = await world.seller.query(
    `environmentvariabledefinitions?$filter=schemaname eq '${schemaName}'` +
      `&$expand=environmentvariabledefinition_environmentvariablevalue($select=environmentvariablevalueid)`,
  );
  if (definition === undefined) throw new Error(`no definition ${schemaName}`);
  const existing = (definition.environmentvariabledefinition_environmentvariablevalue as Row[] | undefined) ?? [];
  for (const old of existing)
    await world.seller.remove("environmentvariablevalues", String(old.environmentvariablevalueid));
  if (value === null) return;
  await world.seller.create("environmentvariablevalues", {
    value,
    schemaname: schemaName,
    "EnvironmentVariableDefinitionId@odata.bind": `/environmentvariabledefinitions(${String(definition.environmentvariabledefinitionid)})`,
  });
}

/** What Microsoft's seller fills in to share a co-sell opportunity (invented customer). */
export function anInbound(overrides: Partial<InboundReferralRequest> = {}): InboundReferralRequest {
  const tag = randomBytes(3).toString("hex");
  return {
    customer: {
      name: `Litware ${tag}`,
      address: { addressLine1: "1 Congress Ave", city: "Austin", state: "TX", postalCode: "78701", country: "US" },
    },
    contacts: [{ firstName: "Lee", lastName: "Park", email: `lee.${tag}@litware.example` }],
    dealValue: 50000,
    currency: "USD",
    closingDateTime: "2027-02-01T00:00:00Z",
    solutions: ["SOL-20418-K2P"],
    assistanceRequestCode: "GeneralOrOther",
    ...overrides,
  };
}

/** Moves the shared clock on, so that each step's changes get their own timestamps (as in real life). */
export function tick(world: World, milliseconds = 1_000): void {
  world.clock.advance(milliseconds);
}

/** The newest line of csb_audit. */
export function newestAuditLine(row: Row): string {
  const audit = typeof row.csb_audit === "string" ? row.csb_audit : "";
  return audit.split("\n")[0] ?? "";
}

/** PATCH requests the Partner Center emulator served for one referral. */
export function patchesServed(world: World, referralId: string): number {
  return world.partnerCenter.log.count(
    (entry) => entry.method === "PATCH" && entry.path === `/v1.0/engagements/referrals/${referralId}`,
  );
}

/** Creates the opportunity's referral through the engine and returns its id. */
export async function syncedOpportunity(
  world: World,
  overrides: Row = {},
): Promise<CoSellOpportunity & { referralId: string }> {
  const created = await aCoSellOpportunity(world, overrides);
  const record = await world.engine.syncOpportunity(
    opportunityJob(world, created.opportunityId, { message: "Create" }),
  );
  if (record.outcome !== "created" || record.referralId === null) throw new Error(`not created: ${record.summary}`);
  tick(world);
  return { ...created, referralId: record.referralId };
}

/** The referral an engine attempt would have created before it crashed (same body, through the real gateway). */
export async function createLikeTheEngine(world: World, opportunityId: string) {
  const reading = await world.clients.dataverse.readOpportunity(opportunityId);
  if (reading === null) throw new Error(`no opportunity ${opportunityId}`);
  return world.clients.partnerCenter.createReferral(toReferralCreate(reading.snapshot, defaultFieldMapping));
}
