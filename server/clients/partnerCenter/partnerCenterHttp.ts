/**
 * What both Partner Center clients share: the request headers of partner-center.md §1.1 (a fresh `MS-RequestId` per
 * logical request, kept on the retry after a 401 so the service can recognise the repeat; `MS-CorrelationId` tying
 * together the calls of one operation), and the mapping of stale-ETag answers to 412 (§1.6: which status the
 * referrals service sends is unconfirmed; 409 and 400 with code 2055 "Etag is no longer valid" mean the same).
 */
import { randomUUID } from "node:crypto";
import type { ApiError } from "../../sync/apiError";
import type { AuthorizedHttp } from "../auth/authorizedHttp";
import type { HttpRequest, HttpResponse } from "../http/httpCore";
import { readErrorBody } from "../http/errorBody";

export interface PartnerCenterCall {
  readonly method: string;
  /** Absolute URL. */
  readonly url: string;
  readonly json?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** The MS-CorrelationId of the operation this call belongs to. */
  readonly correlationId: string;
}

const STALE_ETAG_CODE = "2055";

export class PartnerCenterHttp {
  constructor(
    readonly http: AuthorizedHttp,
    /** The MS-CorrelationId of a new operation; the service may pass its job's id. */
    private readonly newCorrelationId: () => string = randomUUID,
  ) {}

  correlationId(): string {
    return this.newCorrelationId();
  }

  /** The answer whatever its status. */
  send(call: PartnerCenterCall): Promise<{ request: HttpRequest; response: HttpResponse }> {
    const request: HttpRequest = {
      method: call.method,
      url: call.url,
      headers: { "MS-RequestId": randomUUID(), "MS-CorrelationId": call.correlationId, ...call.headers },
      ...(call.json === undefined ? {} : { json: call.json }),
    };
    return this.http.send(request).then((response) => ({ request, response }));
  }

  /** @throws ApiError for any answer outside 2xx. */
  async expectOk(call: PartnerCenterCall): Promise<HttpResponse> {
    const { request, response } = await this.send(call);
    if (response.status >= 200 && response.status < 300) return response;
    throw this.failure(request, response, call.headers?.["If-Match"] !== undefined);
  }

  /** A stale eTag in any of its shapes becomes status 412; a 409 only counts for a call that sent If-Match. */
  failure(request: HttpRequest, response: HttpResponse, conditional = false): ApiError {
    const { code } = readErrorBody(response.body);
    const stale =
      response.status === 412 ||
      (conditional && response.status === 409) ||
      (response.status === 400 && code === STALE_ETAG_CODE);
    if (!stale) return this.http.core.failure(request, response);
    return this.http.core.failure(request, response, {
      status: 412,
      hint: "The referral changed since its eTag was read: GET it again and retry with the new eTag.",
    });
  }

  malformed(request: HttpRequest, status: number, problem: string): ApiError {
    return this.http.core.malformed(request, status, problem);
  }
}
