/**
 * The seller's reads from the Dataverse Web API, on the server: the list and the Partner Center view see what the
 * seller may see, with the formatted values a grid shows ("€142,000.00", "Not synced"), and the browser never gets
 * the token.
 */
import type { SellerSession } from "../../host/server/sellerSession";

const FORMATTED = "OData.Community.Display.V1.FormattedValue";

export type WebApiRow = Readonly<Record<string, unknown>>;

export class SellerWebApi {
  constructor(
    private readonly dataverseUrl: string,
    private readonly session: SellerSession,
  ) {}

  /** Every row of a query (the first page: at most 5000, more than the demo holds). @throws Error naming the query. */
  async rows(query: string): Promise<readonly WebApiRow[]> {
    const { accessToken } = await this.session.token();
    const response = await fetch(`${this.dataverseUrl}/api/data/v9.2/${query}`, {
      headers: {
        authorization: `Bearer ${accessToken}`,
        accept: "application/json",
        prefer: `odata.include-annotations="${FORMATTED}"`,
      },
    });
    if (!response.ok) {
      const table = query.split("?")[0] ?? query;
      throw new Error(`Dataverse refused to list ${table} (${response.status}): ${await response.text()}`);
    }
    const body = (await response.json()) as { value?: unknown };
    return Array.isArray(body.value) ? (body.value as WebApiRow[]) : [];
  }
}

/** The formatted value of a column (what the grid shows), else its raw value as text. */
export function formatted(row: WebApiRow, column: string): string {
  const shown = row[`${column}@${FORMATTED}`];
  if (typeof shown === "string") return shown;
  const raw = row[column];
  return typeof raw === "string" || typeof raw === "number" || typeof raw === "boolean" ? String(raw) : "";
}

export function text(row: WebApiRow, column: string): string {
  const value = row[column];
  return typeof value === "string" ? value : "";
}
