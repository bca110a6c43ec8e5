/**
 * The Dataverse Web API v9.2 (dataverse.md §4): OData headers on every call, rows read with their `@odata.etag`,
 * creates that answer 204 with the new row's URL in `OData-EntityId`, updates that never create by accident
 * (`If-Match: *`, §4.2: PATCH is an upsert otherwise), and server-driven paging with `Prefer: odata.maxpagesize`.
 */
import { randomUUID } from "node:crypto";
import type { AuthorizedHttp } from "../auth/authorizedHttp";
import type { HttpRequest, HttpResponse } from "../http/httpCore";
import { queryString, type QueryOptions } from "../http/odata";
import { decodeBatchResponse, encodeBatch, type BatchPart, type BatchPartAnswer } from "./batchMultipart";

export type Row = Record<string, unknown>;

const ODATA_HEADERS = { "OData-MaxVersion": "4.0", "OData-Version": "4.0" } as const;
const GUID_AT_END = /\(([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\)$/;

export class DataverseWebApi {
  /** `<org>/api/data/v9.2`, without a trailing slash. */
  readonly root: string;
  private readonly origin: string;

  constructor(
    readonly http: AuthorizedHttp,
    organizationUrl: string,
    private readonly pageSize: number,
  ) {
    this.origin = new URL(organizationUrl).origin;
    this.root = `${this.origin}/api/data/v9.2`;
  }

  /** GET one resource; null on 404. */
  async getOrNull(resource: string, query: QueryOptions = {}): Promise<Row | null> {
    const request = this.request("GET", `${resource}${queryString(query)}`, undefined, { "If-None-Match": "null" });
    const response = await this.http.send(request);
    if (response.status === 404) return null;
    return this.rowOf(request, this.ok(request, response));
  }

  async get(resource: string, query: QueryOptions = {}): Promise<Row> {
    const request = this.request("GET", `${resource}${queryString(query)}`, undefined, { "If-None-Match": "null" });
    return this.rowOf(request, this.ok(request, await this.http.send(request)));
  }

  /** Every row of a collection query, page by page, following `@odata.nextLink` unchanged (§4.1). */
  async *pages(entitySet: string, query: QueryOptions): AsyncIterable<Row[]> {
    const prefer = { Prefer: `odata.maxpagesize=${this.pageSize}`, "If-None-Match": "null" };
    let request: HttpRequest | undefined = this.request("GET", `${entitySet}${queryString(query)}`, undefined, prefer);
    while (request !== undefined) {
      const body = this.rowOf(request, this.ok(request, await this.http.send(request)));
      const { value } = body;
      if (!Array.isArray(value)) throw this.http.core.malformed(request, 200, "its answer has no value array");
      yield value as Row[];
      const next = body["@odata.nextLink"];
      request = typeof next === "string" ? { ...request, url: this.sameOrigin(next) } : undefined;
    }
  }

  /** The first row a query finds, or null. */
  async first(entitySet: string, query: QueryOptions): Promise<Row | null> {
    const request = this.request("GET", `${entitySet}${queryString({ ...query, $top: "1" })}`, undefined, {
      "If-None-Match": "null",
    });
    const body = this.rowOf(request, this.ok(request, await this.http.send(request)));
    const [row] = Array.isArray(body.value) ? (body.value as Row[]) : [];
    return row ?? null;
  }

  /** POST a row; returns its id from `OData-EntityId`. */
  async create(entitySet: string, values: Readonly<Row>): Promise<string> {
    const request = this.request("POST", entitySet, values);
    const response = this.ok(request, await this.http.send(request));
    const id = GUID_AT_END.exec(response.headers.get("OData-EntityId") ?? "")?.[1];
    if (id === undefined) throw this.http.core.malformed(request, response.status, "sent no OData-EntityId header");
    return id.toLowerCase();
  }

  /** PATCH a row that must exist: `If-Match: *` unless a row version is given (then 412 when it changed). */
  async update(entitySet: string, id: string, values: Readonly<Row>, ifMatch = "*"): Promise<void> {
    const request = this.request("PATCH", `${entitySet}(${id})`, values, { "If-Match": ifMatch });
    this.ok(request, await this.http.send(request));
  }

  async delete(entitySet: string, id: string): Promise<void> {
    const request = this.request("DELETE", `${entitySet}(${id})`, undefined, { "If-Match": "*" });
    const response = await this.http.send(request);
    // Already gone is what we wanted.
    if (response.status !== 404) this.ok(request, response);
  }

  /** POST an unbound action such as WinOpportunity. */
  async action(name: string, parameters: Readonly<Row>): Promise<void> {
    const request = this.request("POST", name, parameters);
    this.ok(request, await this.http.send(request));
  }

  /**
   * A PATCH of a row that must exist, as a part of a `$batch` (same headers as update()), and its answer as an error.
   */
  updatePart(entitySet: string, id: string, values: Readonly<Row>, ifMatch = "*"): BatchPart {
    const request = this.request("PATCH", `${entitySet}(${id})`, values, { "If-Match": ifMatch });
    return { method: request.method, url: request.url, headers: request.headers ?? {}, json: values };
  }

  /** A GET of one resource, as a part of a `$batch` (same headers as getOrNull()). */
  getPart(resource: string, query: QueryOptions = {}): BatchPart {
    const request = this.request("GET", `${resource}${queryString(query)}`, undefined, { "If-None-Match": "null" });
    return { method: request.method, url: request.url, headers: request.headers ?? {} };
  }

  /** The ApiError for a part of a batch that failed, naming that part's request as if it had been sent alone. */
  partFailure(part: BatchPart, answer: BatchPartAnswer): Error {
    return this.http.core.failure({ method: part.method, url: part.url }, answer);
  }

  /**
   * Sends `parts` in one `$batch` (§4.3) with `Prefer: odata.continue-on-error`, each part on its own (no change
   * set), and returns their answers in order. An answer may be missing when Dataverse stopped early.
   * @throws ApiError when the batch itself failed (throttled, unauthorized, unreachable) or its answer is unreadable.
   */
  async batch(parts: readonly BatchPart[]): Promise<BatchPartAnswer[]> {
    const boundary = `batch_${randomUUID()}`;
    const request: HttpRequest = {
      ...this.request("POST", "$batch", undefined, { accept: "multipart/mixed", Prefer: "odata.continue-on-error" }),
      text: { contentType: `multipart/mixed; boundary=${boundary}`, body: encodeBatch(boundary, parts) },
    };
    const response = this.ok(request, await this.http.send(request));
    try {
      if (typeof response.body !== "string") throw new Error("the answer is not multipart text");
      return decodeBatchResponse(response.headers.get("content-type"), response.body);
    } catch (error) {
      throw this.http.core.malformed(request, response.status, error instanceof Error ? error.message : String(error));
    }
  }

  /** The ApiError for an answer to `method relative` that lacks what the Web API always sends. */
  malformed(method: string, relative: string, problem: string): Error {
    return this.http.core.malformed(this.request(method, relative), 200, problem);
  }

  private request(method: string, relative: string, json?: unknown, headers: Record<string, string> = {}) {
    const request: HttpRequest = {
      method,
      url: `${this.root}/${relative}`,
      headers: { ...ODATA_HEADERS, ...headers },
      ...(json === undefined ? {} : { json }),
    };
    return request;
  }

  private ok(request: HttpRequest, response: HttpResponse): HttpResponse {
    if (response.status >= 200 && response.status < 300) return response;
    throw this.http.core.failure(request, response);
  }

  private rowOf(request: HttpRequest, response: HttpResponse): Row {
    const { body } = response;
    if (typeof body !== "object" || body === null || Array.isArray(body)) {
      throw this.http.core.malformed(request, response.status, "its answer is not a JSON object");
    }
    return body as Row;
  }

  /**
   * A nextLink on our own organization. The link is used as sent (it is already encoded), but only on the configured
   * origin, so that a token is never sent to another host.
   */
  private sameOrigin(link: string): string {
    const url = new URL(link, `${this.root}/`);
    return `${this.origin}${url.pathname}${url.search}`;
  }
}
