/**
 * The web resources' narrow Dataverse interface (webresources/dataverse/dataverseReader.ts) over rows held in
 * memory: the environment variables and the account, contact and currency an opportunity points at. The adapter
 * over Xrm.WebApi is tested against the Dataverse emulator instead (xrmWebApiReader.test.ts).
 */
import type { DataverseReader, Row } from "../../../webresources/dataverse/dataverseReader";
import { OPPORTUNITY_ID } from "./serviceAnswers";

export const ACCOUNT_ID = "1b0e2a9c-4c1d-4b7e-9a3f-3c2d1e0f9a01";
export const CONTACT_ID = "2c1f3b0d-5d2e-4c8f-8b4a-4d3e2f1a0b02";
export const CURRENCY_ID = "3d2a4c1e-6e3f-4d9a-9c5b-5e4f3a2b1c03";

export class MemoryDataverse implements DataverseReader {
  variables: Record<string, string | null>;
  readonly rows = new Map<string, Row>();
  /** Every read, as `table(id)?columns`. */
  readonly reads: string[] = [];
  /** When set, every read rejects with it (Dataverse unavailable, no privilege). */
  failure: Error | null = null;

  constructor(endpointUrl: string) {
    this.variables = {
      csb_SyncEndpointUrl: endpointUrl,
      csb_ShowCheckmark: "yes",
      csb_SyncCoSellOnly: "no",
      csb_DealValueField: null,
      csb_CountryField: null,
      csb_FieldMapping: null,
      csb_SyncServiceScope: "api://cosell-bridge/user_impersonation",
    };
    // The saved opportunity: what the form does not hold is read from here.
    this.put("opportunity", OPPORTUNITY_ID, {
      description: "Rollout of the new ordering system",
      salesstage: 1,
      csb_microsoftcrmid: null,
    });
    this.put("account", ACCOUNT_ID, {
      name: "Contoso",
      address1_line1: "1 Main St",
      address1_city: "Seattle",
      address1_postalcode: "98052",
      address1_country: "US",
    });
    this.put("contact", CONTACT_ID, { firstname: "Ana", lastname: "Diaz", emailaddress1: "ana@contoso.example" });
    this.put("transactioncurrency", CURRENCY_ID, { isocurrencycode: "USD" });
  }

  put(table: string, id: string, row: Row): void {
    this.rows.set(`${table}(${id})`, row);
  }

  environmentVariables(prefix: string): Promise<Readonly<Record<string, string | null>>> {
    this.reads.push(`environmentvariabledefinitions?${prefix}`);
    if (this.failure !== null) return Promise.reject(this.failure);
    return Promise.resolve(
      Object.fromEntries(Object.entries(this.variables).filter(([name]) => name.startsWith(prefix))),
    );
  }

  retrieve(table: string, id: string, columns: readonly string[]): Promise<Row> {
    this.reads.push(`${table}(${id})?${columns.join(",")}`);
    if (this.failure !== null) return Promise.reject(this.failure);
    const row = this.rows.get(`${table}(${id})`);
    if (row === undefined) return Promise.reject(new Error(`${table} With Id = ${id} Does Not Exist`));
    return Promise.resolve(Object.fromEntries(columns.map((column) => [column, row[column] ?? null])));
  }
}
