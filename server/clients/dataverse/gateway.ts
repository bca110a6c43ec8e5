/**
 * DataverseGateway over the Dataverse Web API v9.2 (dataverse.md §4), as the service's application user.
 */
import {
  accountTable,
  contactTable,
  currencyTable,
  opportunityStateOfOutcome,
  opportunityTable,
  type DataverseRow,
  type SolutionCatalogEntry,
} from "../../../core";
import { ApiError } from "../../sync/apiError";
import type {
  DataverseGateway,
  EnvironmentVariableValues,
  OpportunityChangeMarker,
  OpportunityClose,
  OpportunityReading,
} from "../../sync/ports";
import { readEnvironmentVariables } from "./environmentVariables";
import { guid, instant, literal } from "../http/odata";
import { OpportunityBatches } from "./opportunityBatches";
import { replaceSolutionCatalog, type CatalogChanges } from "./solutionCatalog";
import type { DataverseWebApi } from "./webApi";

const opportunity = opportunityTable.columns;
const cosell = opportunityTable.cosellColumns;
const account = accountTable.columns;

export class HttpDataverseGateway implements DataverseGateway {
  /** Currency ISO code → transactioncurrencyid; currencies are set up once per organization and rarely change. */
  private readonly currencies = new Map<string, string>();
  /** Reads and write-backs of syncs running at once share requests (opportunityBatches.ts). */
  private readonly opportunities: OpportunityBatches;

  constructor(private readonly api: DataverseWebApi) {
    this.opportunities = new OpportunityBatches(api);
  }

  async whoAmI(): Promise<{ readonly userId: string; readonly organizationId: string }> {
    const answer = await this.api.get("WhoAmI");
    const { UserId: userId, OrganizationId: organizationId } = answer;
    if (typeof userId !== "string" || typeof organizationId !== "string") {
      throw this.api.malformed("GET", "WhoAmI", "the answer has no UserId and OrganizationId");
    }
    return { userId: userId.toLowerCase(), organizationId: organizationId.toLowerCase() };
  }

  readOpportunity(id: string): Promise<OpportunityReading | null> {
    return this.opportunities.read(id);
  }

  async findOpportunityByReferralId(referralId: string): Promise<string | null> {
    const row = await this.api.first(opportunityTable.entitySet, {
      $select: opportunity.id,
      $filter: `${cosell.referralId} eq ${literal(referralId)}`,
    });
    return idOf(row, opportunity.id);
  }

  updateOpportunity(id: string, values: DataverseRow, options?: { readonly ifMatch?: string }): Promise<void> {
    return this.opportunities.update(id, values, options?.ifMatch);
  }

  async createOpportunity(values: DataverseRow, currencyCode: string | null): Promise<string> {
    const currency =
      currencyCode === null ? {} : { [`${opportunity.currency}@odata.bind`]: await this.currency(currencyCode) };
    return this.api.create(opportunityTable.entitySet, { ...values, ...currency });
  }

  async findAccount(name: string, postalCode: string | null): Promise<string | null> {
    const conditions = [`${account.name} eq ${literal(name)}`];
    if (postalCode !== null) conditions.push(`${account.postalCode} eq ${literal(postalCode)}`);
    const row = await this.api.first(accountTable.entitySet, {
      $select: account.id,
      $filter: conditions.join(" and "),
      // The oldest match, so that repeated lookups agree when duplicates exist.
      $orderby: "createdon asc",
    });
    return idOf(row, account.id);
  }

  createAccount(values: DataverseRow): Promise<string> {
    return this.api.create(accountTable.entitySet, values);
  }

  async updateAccount(id: string, values: DataverseRow): Promise<void> {
    await this.api.update(accountTable.entitySet, guid(id, "The account id"), values);
  }

  createContact(values: DataverseRow): Promise<string> {
    return this.api.create(contactTable.entitySet, values);
  }

  async updateContact(id: string, values: DataverseRow): Promise<void> {
    await this.api.update(contactTable.entitySet, guid(id, "The contact id"), values);
  }

  async closeOpportunity(id: string, close: OpportunityClose): Promise<void> {
    const opportunityId = guid(id, "The opportunity id");
    const { statuscode } = opportunityStateOfOutcome(close.outcome);
    // Midday UTC keeps the calendar date the same from UTC-11 to UTC+11 when Dataverse shows it in local time.
    const actualEnd = `${close.closedOn}T12:00:00Z`;
    await this.api.action(close.outcome === "Won" ? "WinOpportunity" : "LoseOpportunity", {
      Status: statuscode,
      OpportunityClose: {
        subject: close.subject,
        actualend: actualEnd,
        ...(close.actualRevenue === null ? {} : { actualrevenue: close.actualRevenue }),
        "opportunityid@odata.bind": `/${opportunityTable.entitySet}(${opportunityId})`,
      },
    });
  }

  readEnvironmentVariables(): Promise<EnvironmentVariableValues> {
    return readEnvironmentVariables(this.api);
  }

  /**
   * Rows modified at or after `since`: modifiedon has whole seconds only, so `gt` would miss a row changed later in
   * the same second as the watermark row. The watermark row itself comes again; the engine finds it unchanged.
   */
  async *listOpportunitiesToSync(since: string | null): AsyncIterable<OpportunityChangeMarker> {
    const conditions = [`${cosell.syncWithPartnerCenter} eq true`];
    if (since !== null) conditions.push(`${opportunity.modifiedOn} ge ${instant(since, "since")}`);
    const query = {
      $select: `${opportunity.id},${opportunity.modifiedOn}`,
      $filter: conditions.join(" and "),
      $orderby: `${opportunity.modifiedOn} asc,${opportunity.id} asc`,
    };
    for await (const page of this.api.pages(opportunityTable.entitySet, query)) {
      for (const row of page) {
        const id = row[opportunity.id];
        const modifiedOn = row[opportunity.modifiedOn];
        if (typeof id === "string" && typeof modifiedOn === "string") yield { id, modifiedOn };
      }
    }
  }

  /** Also says how many rows it removed (solutions that left the catalogue). */
  replaceSolutionCatalog(entries: readonly SolutionCatalogEntry[]): Promise<CatalogChanges> {
    return replaceSolutionCatalog(this.api, entries);
  }

  async ping(): Promise<void> {
    await this.api.get("WhoAmI");
  }

  /** The bind path of an ISO 4217 code, for changing an existing opportunity's currency (ports.ts). */
  currencyReference(isoCode: string): Promise<string> {
    return this.currency(isoCode);
  }

  /** `/transactioncurrencies(<id>)` for an ISO code. @throws ApiError 404 when the organization has no such currency. */
  private async currency(code: string): Promise<string> {
    const iso = code.trim().toUpperCase();
    let id = this.currencies.get(iso);
    if (id === undefined) {
      const row = await this.api.first(currencyTable.entitySet, {
        $select: currencyTable.columns.id,
        $filter: `${currencyTable.columns.isoCode} eq ${literal(iso)}`,
      });
      const found = idOf(row, currencyTable.columns.id);
      if (found === null) throw missingCurrency(iso, `${this.api.root}/${currencyTable.entitySet}`);
      id = found;
      this.currencies.set(iso, id);
    }
    return `/${currencyTable.entitySet}(${id})`;
  }
}

function idOf(row: Record<string, unknown> | null, key: string): string | null {
  const id = row?.[key];
  return typeof id === "string" ? id.toLowerCase() : null;
}

function missingCurrency(iso: string, url: string): ApiError {
  return new ApiError(
    {
      api: "dataverse",
      status: 404,
      code: "CurrencyNotFound",
      request: `GET ${new URL(url).pathname}`,
      retryAfterMs: null,
    },
    `Dataverse has no active currency with ISO code ${iso}, so the opportunity can't be created in it. Add the ` +
      `currency in Settings > Business Management > Currencies, then retry the sync.`,
  );
}
