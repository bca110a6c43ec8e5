/**
 * A seller at work in Dynamics: every write goes through the Dataverse emulator's Web API with the seller's own
 * delegated token, exactly as the Opportunity form would send it, so the emulator's webhook steps fire for it and the
 * service sees a change made by someone other than its integration user.
 */
import { MicrosoftHelpOption, type HelpCode } from "../../../../core";
import type { DataverseEmulator } from "../../../../emulators/dataverse";

/** What a seller chooses to co-sell a deal: help, products, visible to Microsoft sellers. */
export interface CoSellChoice {
  readonly help?: readonly HelpCode[];
  readonly products?: readonly string[];
  readonly share?: boolean;
}

export interface NewOpportunity {
  readonly name: string;
  readonly dealValue: number;
  /** yyyy-mm-dd; default 60 days from today. */
  readonly closeDate?: string;
  readonly sync?: CoSellChoice & { readonly on: boolean };
}

/** A customer account with one contact, as created by {@link Seller.createCustomer}. */
export interface Customer {
  readonly accountId: string;
  readonly contactId: string;
  readonly name: string;
}

let customerCount = 0;

export function daysFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** The columns a seller sets to turn on sync with a co-sell choice. */
export function coSellColumns(choice: CoSellChoice & { readonly on?: boolean }): Record<string, unknown> {
  const help = choice.help ?? [];
  return {
    csb_syncwithpartnercenter: choice.on ?? true,
    csb_microsofthelp: help.length === 0 ? null : help.map((code) => MicrosoftHelpOption[code]).join(","),
    csb_sharewithmicrosoft: choice.share ?? false,
    csb_products: choice.products === undefined || choice.products.length === 0 ? null : choice.products.join(", "),
  };
}

export class Seller {
  private constructor(
    private readonly dataverse: DataverseEmulator,
    private readonly token: string,
    private readonly usd: string,
  ) {}

  static async signIn(dataverse: DataverseEmulator): Promise<Seller> {
    const token = await dataverse.admin.getToken({ user: "seller" });
    const currencies = dataverse.org.retrieveMultiple("transactioncurrency", { filter: "isocurrencycode eq 'USD'" });
    const usd = currencies.value[0]?.transactioncurrencyid;
    if (typeof usd !== "string") throw new Error("the Dataverse emulator has no USD currency: seed its demo data");
    return new Seller(dataverse, token, usd);
  }

  /** The seller's bearer token (the stack's form API accepts it too). */
  get bearer(): string {
    return this.token;
  }

  /** An account in the US with a named contact that has an e-mail address. */
  async createCustomer(prefix = "Fabrikam"): Promise<Customer> {
    customerCount += 1;
    const name = `${prefix} ${process.pid}-${customerCount}`;
    const accountId = await this.create("accounts", {
      name,
      address1_city: "Seattle",
      address1_postalcode: "98052",
      address1_country: "US",
    });
    const contactId = await this.create("contacts", {
      firstname: "Jordan",
      lastname: `Buyer${customerCount}`,
      emailaddress1: `jordan.buyer${customerCount}@fabrikam.example`,
      "parentcustomerid_account@odata.bind": `/accounts(${accountId})`,
    });
    return { accountId, contactId, name };
  }

  async createOpportunity(customer: Customer, opportunity: NewOpportunity): Promise<string> {
    return this.create("opportunities", {
      name: opportunity.name,
      estimatedvalue: opportunity.dealValue,
      estimatedclosedate: opportunity.closeDate ?? daysFromToday(60),
      "parentaccountid@odata.bind": `/accounts(${customer.accountId})`,
      "parentcontactid@odata.bind": `/contacts(${customer.contactId})`,
      "transactioncurrencyid@odata.bind": `/transactioncurrencies(${this.usd})`,
      ...(opportunity.sync === undefined ? {} : coSellColumns(opportunity.sync)),
    });
  }

  /** A PATCH of the opportunity, as a save of the form. */
  async save(opportunityId: string, values: Record<string, unknown>): Promise<void> {
    const response = await this.send("PATCH", `opportunities(${opportunityId})`, values, { "if-match": "*" });
    if (response.status !== 204)
      throw new Error(`the seller's save failed: ${response.status} ${await response.text()}`);
  }

  /** Turns on Sync with Partner Center with help, products and sharing. */
  turnOnSync(opportunityId: string, choice: CoSellChoice): Promise<void> {
    return this.save(opportunityId, coSellColumns({ ...choice, on: true }));
  }

  /** Closes the opportunity as Won (WinOpportunity) or Lost (LoseOpportunity, status Canceled). */
  async close(opportunityId: string, outcome: "Won" | "Lost"): Promise<void> {
    const action = outcome === "Won" ? "WinOpportunity" : "LoseOpportunity";
    const response = await this.send("POST", action, {
      Status: outcome === "Won" ? 3 : 4,
      OpportunityClose: {
        subject: `${outcome} by the seller`,
        "opportunityid@odata.bind": `/opportunities(${opportunityId})`,
      },
    });
    if (response.status !== 204) throw new Error(`${action} failed: ${response.status} ${await response.text()}`);
  }

  private async create(entitySet: string, body: Record<string, unknown>): Promise<string> {
    const response = await this.send("POST", entitySet, body);
    const entityId = response.headers.get("odata-entityid");
    const id = entityId === null ? undefined : /\(([0-9a-f-]{36})\)$/i.exec(entityId)?.[1];
    if (response.status !== 204 || id === undefined) {
      throw new Error(`creating in ${entitySet} failed: ${response.status} ${await response.text()}`);
    }
    return id.toLowerCase();
  }

  private send(method: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(`${this.dataverse.apiUrl}/${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.token}`,
        accept: "application/json",
        "content-type": "application/json",
        ...headers,
      },
      body: JSON.stringify(body),
    });
  }
}
