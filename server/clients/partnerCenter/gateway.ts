/**
 * PartnerCenterGateway over the Referrals API, `<apiUrl>/v1.0/engagements/referrals` (partner-center.md §1.2), as a
 * Referrals admin user (delegated token), and the partner's co-sell solutions, which the local emulator serves at
 * GET /v1.0/engagements/solutions as `{ value: [{ id, name, ... }] }` (the real path is undocumented, §1.5).
 */
import type { JsonPatchOperation, Referral, ReferralCreateRequest, SolutionCatalogEntry } from "../../../core";
import type { PartnerCenterGateway, VersionedReferral } from "../../sync/ports";
import type { HttpRequest, HttpResponse } from "../http/httpCore";
import { instant, literal, queryString } from "../http/odata";
import type { PartnerCenterHttp } from "./partnerCenterHttp";

const REPRESENTATION = { Prefer: "return=representation" } as const;

export class HttpPartnerCenterGateway implements PartnerCenterGateway {
  private readonly referralsUrl: string;
  private readonly solutionsUrl: string;
  private readonly origin: string;

  constructor(
    private readonly pc: PartnerCenterHttp,
    apiUrl: string,
  ) {
    this.origin = new URL(apiUrl).origin;
    this.referralsUrl = `${this.origin}/v1.0/engagements/referrals`;
    this.solutionsUrl = `${this.origin}/v1.0/engagements/solutions`;
  }

  async getReferral(id: string): Promise<VersionedReferral | null> {
    const correlationId = this.pc.correlationId();
    const { request, response } = await this.pc.send({ method: "GET", url: this.referralUrl(id), correlationId });
    if (response.status === 404) return null;
    if (response.status !== 200) throw this.pc.failure(request, response);
    return this.versioned(request, response);
  }

  async findReferralByExternalReferenceId(externalReferenceId: string): Promise<VersionedReferral | null> {
    // Oldest first: should duplicates exist, the first referral created for the opportunity is the one we keep.
    const query = {
      $filter: `externalReferenceId eq ${literal(externalReferenceId)}`,
      $orderby: "createdDateTime asc",
    };
    const url = `${this.referralsUrl}${queryString(query)}`;
    const call = { method: "GET", url, correlationId: this.pc.correlationId() };
    const response = await this.pc.expectOk(call);
    const [first] = this.page(call, response).value;
    if (first === undefined) return null;
    return { value: first, etag: this.etagOf(call, response, first) };
  }

  async createReferral(body: ReferralCreateRequest): Promise<VersionedReferral> {
    const call = { method: "POST", url: this.referralsUrl, json: body, correlationId: this.pc.correlationId() };
    return this.versioned(call, await this.pc.expectOk(call));
  }

  async patchReferral(id: string, operations: readonly JsonPatchOperation[], etag: string): Promise<VersionedReferral> {
    const correlationId = this.pc.correlationId();
    const call = {
      method: "PATCH",
      url: this.referralUrl(id),
      json: operations,
      headers: { "If-Match": etag, ...REPRESENTATION },
      correlationId,
    };
    const response = await this.pc.expectOk(call);
    if (response.status !== 204) return this.versioned(call, response);
    // The service may ignore Prefer and answer 204 (§1.2): read the result in the same operation.
    const read = { method: "GET", url: this.referralUrl(id), correlationId };
    return this.versioned(read, await this.pc.expectOk(read));
  }

  async *listReferralsUpdatedSince(since: string | null): AsyncIterable<Referral> {
    const correlationId = this.pc.correlationId();
    const query = {
      $filter: since === null ? undefined : `updatedDateTime gt ${instant(since, "since")}`,
      $orderby: "updatedDateTime asc",
    };
    let url: string | undefined = `${this.referralsUrl}${queryString(query)}`;
    while (url !== undefined) {
      const call: { method: string; url: string; correlationId: string } = { method: "GET", url, correlationId };
      const page = this.page(call, await this.pc.expectOk(call));
      yield* page.value;
      url = page.nextLink === undefined ? undefined : this.sameOrigin(page.nextLink);
    }
  }

  async listSolutions(): Promise<SolutionCatalogEntry[]> {
    const call = { method: "GET", url: this.solutionsUrl, correlationId: this.pc.correlationId() };
    const response = await this.pc.expectOk(call);
    const value = (response.body as { value?: unknown } | undefined)?.value;
    if (!Array.isArray(value)) throw this.pc.malformed(call, response.status, "its answer has no value array");
    return value.flatMap((item: unknown) => {
      const { id, name } = (item ?? {}) as { id?: unknown; name?: unknown };
      return typeof id === "string" && id !== "" ? [{ id, name: typeof name === "string" ? name : id }] : [];
    });
  }

  async ping(): Promise<void> {
    const call = { method: "GET", url: `${this.referralsUrl}?$top=1`, correlationId: this.pc.correlationId() };
    await this.pc.expectOk(call);
  }

  private referralUrl(id: string): string {
    return `${this.referralsUrl}/${encodeURIComponent(id)}`;
  }

  private versioned(request: HttpRequest, response: HttpResponse): VersionedReferral {
    const value = response.body as Referral | null | undefined;
    if (typeof value !== "object" || value === null || typeof value.id !== "string") {
      throw this.pc.malformed(request, response.status, "its answer is not a referral");
    }
    return { value, etag: this.etagOf(request, response, value) };
  }

  /** The eTag with its literal quotes, as If-Match wants it back (§1.3); the ETag header when the body has none. */
  private etagOf(request: HttpRequest, response: HttpResponse, referral: Referral): string {
    const etag =
      typeof referral.eTag === "string" && referral.eTag !== "" ? referral.eTag : response.headers.get("etag");
    if (etag === null || etag === "") throw this.pc.malformed(request, response.status, "the referral has no eTag");
    return etag;
  }

  private page(request: HttpRequest, response: HttpResponse): { value: Referral[]; nextLink?: string } {
    const body = response.body as { value?: unknown; "@odata.nextLink"?: unknown } | undefined;
    if (!Array.isArray(body?.value)) throw this.pc.malformed(request, response.status, "its answer has no value array");
    const next = body["@odata.nextLink"];
    return { value: body.value as Referral[], ...(typeof next === "string" && next !== "" ? { nextLink: next } : {}) };
  }

  /**
   * The nextLink's path and query on the configured origin: the documented example links to http:// (§1.2), and
   * the token must never travel to another host.
   */
  private sameOrigin(link: string): string {
    const url = new URL(link, this.referralsUrl);
    return `${this.origin}${url.pathname}${url.search}`;
  }
}
