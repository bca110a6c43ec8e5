/**
 * A realistic demo organization built deterministically from a seed: currencies (USD base, EUR, GBP, JPY), an
 * integration application user and a seller, ~40 accounts with contacts, the solution's environment variable
 * definitions, a few Partner Center solutions, and (by default) 300 opportunities. Everything is written in one
 * transaction, so listeners hear about it once it is all there, and a snapshot file is written once.
 */
import { environmentVariables } from "../../../../core";
import { seededIds, type IdGenerator } from "../../../shared/ids";
import { EnvironmentVariableType } from "../metadata/environmentVariableTables";
import { withCoSellSchema } from "../metadata/cosellSchema";
import type { DataverseOrganization } from "../organization";
import { seedAccounts } from "./demoAccounts";
import { demoCurrencies, solutionNames } from "./demoCatalogue";
import { seedOpportunities } from "./demoOpportunities";
import { SeededRandom } from "./seededRandom";

export interface SeedOptions {
  /** The same seed (and clock time) gives the same rows. Default "demo". */
  readonly seed?: string;
  /** How many opportunities to create. Default 300. */
  readonly opportunities?: number;
  /** The Azure AD client id of the sync service's application user. Default: derived from the seed. */
  readonly integrationClientId?: string;
}

/** The ids a test or the demo needs to find its way around the seeded data. */
export interface SeedSummary {
  readonly integrationUserId: string;
  readonly integrationClientId: string;
  readonly sellerUserId: string;
  readonly currencyIds: Readonly<Record<string, string>>;
  readonly accountIds: readonly string[];
  readonly contactIds: readonly string[];
  readonly opportunityIds: readonly string[];
  /** Partner Center solution ids, "SOL-12345-ABC". */
  readonly solutionIds: readonly string[];
}

/**
 * Installs the co-sell schema if missing and fills the organization in one transaction.
 * @throws DataverseError if a row is refused (then nothing is kept).
 */
export function seedDemoOrganization(organization: DataverseOrganization, options: SeedOptions = {}): SeedSummary {
  const seed = options.seed ?? "demo";
  const random = new SeededRandom(seed);
  const ids = seededIds(`dataverse-demo:${seed}`);
  withCoSellSchema(organization);
  return organization.transaction((org) => {
    const integrationClientId = (options.integrationClientId ?? ids()).toLowerCase();
    const integrationUserId = org.create("systemuser", {
      systemuserid: ids(),
      firstname: "#",
      lastname: "Co-sell Bridge Integration",
      applicationid: integrationClientId,
    }).id;
    const sellerUserId = org.create("systemuser", {
      systemuserid: ids(),
      firstname: "Avery",
      lastname: "Howard",
      internalemailaddress: "avery.howard@contoso-demo.example",
      azureactivedirectoryobjectid: ids(),
    }).id;
    const currencyIds = Object.fromEntries(
      demoCurrencies.map((currency) => [
        currency.isocurrencycode,
        org.create("transactioncurrency", { transactioncurrencyid: ids(), ...currency }).id,
      ]),
    );
    seedEnvironmentVariables(org, ids);
    const solutionIds = seedSolutions(org, random, ids);
    const seller = org.actAs(sellerUserId);
    const accounts = seedAccounts(seller, random, ids, currencyIds);
    const plan = { count: options.opportunities ?? 300, accounts, solutionIds, today: org.clock.now() };
    const opportunityIds = seedOpportunities(seller, random, ids, plan);
    return {
      integrationUserId,
      integrationClientId,
      sellerUserId,
      currencyIds,
      accountIds: accounts.map((account) => account.id),
      contactIds: accounts.flatMap((account) => account.contactIds),
      opportunityIds,
      solutionIds,
    };
  });
}

/** §4.5 types: the two flags are Yes/No, the mapping is JSON, the rest are text. */
const environmentVariableTypes: Readonly<Record<string, number>> = {
  showCheckmark: EnvironmentVariableType.Boolean,
  syncCoSellOnly: EnvironmentVariableType.Boolean,
  fieldMapping: EnvironmentVariableType.Json,
};

/** One definition per core environment variable, with its default; no values, as after a fresh import. */
function seedEnvironmentVariables(org: DataverseOrganization, ids: IdGenerator): void {
  for (const [key, variable] of Object.entries(environmentVariables)) {
    org.create("environmentvariabledefinition", {
      environmentvariabledefinitionid: ids(),
      schemaname: variable.schemaName,
      displayname: variable.schemaName.replace(/^csb_/, "").replace(/([a-z])([A-Z])/g, "$1 $2"),
      type: environmentVariableTypes[key] ?? EnvironmentVariableType.String,
      defaultvalue: variable.defaultValue === "" ? null : variable.defaultValue,
    });
  }
}

/** Three to five co-sell solutions with Partner Center style ids ("SOL-12345-ABC"); returns the ids. */
function seedSolutions(org: DataverseOrganization, random: SeededRandom, ids: IdGenerator): string[] {
  return solutionNames.slice(0, random.integer(3, 5)).map((name) => {
    const letters = Array.from({ length: 3 }, () => String.fromCharCode(65 + random.integer(0, 25))).join("");
    const solutionId = `SOL-${random.integer(10_000, 99_999)}-${letters}`;
    org.create("csb_partnercentersolution", {
      csb_partnercentersolutionid: ids(),
      csb_name: name,
      csb_solutionid: solutionId,
    });
    return solutionId;
  });
}
