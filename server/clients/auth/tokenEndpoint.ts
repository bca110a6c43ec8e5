/**
 * The Azure AD v2 token endpoint, `<authority>/<tenant>/oauth2/v2.0/token` (the emulators serve the same path, see
 * emulators/auth/routes.ts): a form POST that answers `{ access_token, expires_in, refresh_token? }`.
 */
import type { HttpCore, HttpRequest } from "../http/httpCore";

export interface IssuedToken {
  readonly accessToken: string;
  readonly expiresInSeconds: number;
  /** Present for the refresh_token grant: Azure AD rotates refresh tokens. */
  readonly refreshToken: string | null;
}

/** The token endpoint of a tenant under an authority such as https://login.microsoftonline.com. */
export function tokenEndpointUrl(authority: string, tenantId: string): string {
  return `${authority.replace(/\/+$/, "")}/${encodeURIComponent(tenantId)}/oauth2/v2.0/token`;
}

/**
 * Redeems a grant.
 * @throws ApiError (api "tokens") when the endpoint refuses it or can't be reached; its message never holds the form.
 */
export async function redeemGrant(
  core: HttpCore,
  url: string,
  form: URLSearchParams,
  hint: string,
): Promise<IssuedToken> {
  const request: HttpRequest = { method: "POST", url, form, resendable: true };
  const response = await core.send(request);
  if (response.status !== 200) throw core.failure(request, response, { hint });
  const body = response.body as Record<string, unknown> | undefined;
  const accessToken = body?.access_token;
  const expiresIn = Number(body?.expires_in);
  if (typeof accessToken !== "string" || accessToken === "" || !(expiresIn > 0)) {
    throw core.malformed(request, response.status, "its answer has no access_token and expires_in");
  }
  core.redactor.addRotating(accessToken);
  const refreshToken = typeof body?.refresh_token === "string" && body.refresh_token !== "" ? body.refresh_token : null;
  if (refreshToken !== null) core.redactor.addRotating(refreshToken);
  return { accessToken, expiresInSeconds: expiresIn, refreshToken };
}
