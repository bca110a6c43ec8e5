/**
 * Calls an API with a bearer token. A 401 means the token was refused (expired early, revoked, keys rolled): the
 * token is dropped, a new one fetched, and the same request (same headers, so the same MS-RequestId) is sent once
 * more. A second 401 is returned to the caller as it is.
 */
import type { HttpCore, HttpRequest, HttpResponse } from "../http/httpCore";
import type { AccessTokenSource } from "./cachedToken";

export class AuthorizedHttp {
  constructor(
    readonly core: HttpCore,
    private readonly tokens: AccessTokenSource,
  ) {}

  /** The answer whatever its status. @throws ApiError when no answer arrived or no token could be had. */
  async send(request: HttpRequest): Promise<HttpResponse> {
    const token = await this.tokens.getToken();
    const response = await this.core.send(withBearer(request, token));
    if (response.status !== 401) return response;
    this.tokens.invalidate(token);
    const renewed = await this.tokens.getToken();
    return this.core.send(withBearer(request, renewed));
  }

  /** @throws ApiError for any answer outside 2xx. */
  async expectOk(request: HttpRequest): Promise<HttpResponse> {
    const response = await this.send(request);
    if (response.status >= 200 && response.status < 300) return response;
    throw this.core.failure(request, response);
  }
}

function withBearer(request: HttpRequest, token: string): HttpRequest {
  return { ...request, headers: { ...request.headers, authorization: `Bearer ${token}` } };
}
