/**
 * A seller working in Dynamics, through the emulator's Web API with the seller's own delegated token: the changes
 * the sync engine must notice, made by someone other than the service.
 */
import type { DataverseEmulator } from "../../../emulators/dataverse";

export type Row = Record<string, unknown>;

export class SellerApi {
  private constructor(
    private readonly apiUrl: string,
    private readonly token: () => Promise<string>,
  ) {}

  static connect(dataverse: DataverseEmulator): Promise<SellerApi> {
    return Promise.resolve(new SellerApi(dataverse.apiUrl, () => dataverse.admin.getToken({ user: "seller" })));
  }

  /** Creates a row and returns its id. */
  async create(entitySet: string, body: Row): Promise<string> {
    const response = await this.send("POST", entitySet, body);
    const location = response.headers.get("OData-EntityId") ?? "";
    const id = /\(([^)]+)\)$/.exec(location)?.[1];
    if (id === undefined) throw new Error(`no OData-EntityId after creating in ${entitySet}`);
    return id;
  }

  async update(entitySet: string, id: string, body: Row): Promise<void> {
    await this.send("PATCH", `${entitySet}(${id})`, body, { "If-Match": "*" });
  }

  async read(entitySet: string, id: string): Promise<Row> {
    return (await (await this.send("GET", `${entitySet}(${id})`)).json()) as Row;
  }

  async query(path: string): Promise<Row[]> {
    return ((await (await this.send("GET", path)).json()) as { value: Row[] }).value;
  }

  async remove(entitySet: string, id: string): Promise<void> {
    await this.send("DELETE", `${entitySet}(${id})`);
  }

  /** An unbound action such as WinOpportunity. */
  async action(name: string, body: Row): Promise<void> {
    await this.send("POST", name, body);
  }

  private async send(method: string, path: string, body?: Row, headers: Record<string, string> = {}) {
    const response = await fetch(`${this.apiUrl}/${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await this.token()}`,
        accept: "application/json",
        "OData-Version": "4.0",
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
    return response;
  }
}
