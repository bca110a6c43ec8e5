/**
 * Authentication (shared/reference/partner-center.md §1.1, §2.1): the Azure AD v2-shaped token endpoint with
 * client credentials and refresh tokens, the published JWKS, and the bearer checks of every API call.
 */
import { createPublicKey, verify, type JsonWebKey } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DEFAULT_APPLICATION_CLIENT,
  DEFAULT_CLIENT_SECRET,
  DEFAULT_DELEGATED_CLIENT,
  DEFAULT_REFRESH_TOKEN,
  REFERRALS_AUDIENCE,
  REFERRALS_PATH,
  REGISTRATION_PATH,
  WEBHOOKS_AUDIENCE,
} from "../../../../emulators/partner-center";
import { call, HOUR, objectOf, startTestEmulator } from "./harness";

let emulator: Awaited<ReturnType<typeof startTestEmulator>>;

beforeAll(async () => {
  emulator = await startTestEmulator();
});

afterAll(async () => {
  await emulator.close();
});

async function tokenRequest(form: Record<string, string>): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(emulator.tokenEndpoint, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form).toString(),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

function clientCredentials(audience: string, secret = DEFAULT_CLIENT_SECRET) {
  return tokenRequest({
    grant_type: "client_credentials",
    client_id: DEFAULT_APPLICATION_CLIENT.clientId,
    client_secret: secret,
    scope: `${audience}/.default`,
  });
}

function refresh(refreshToken: string) {
  return tokenRequest({
    grant_type: "refresh_token",
    client_id: DEFAULT_DELEGATED_CLIENT.clientId,
    refresh_token: refreshToken,
    scope: `${REFERRALS_AUDIENCE}/user_impersonation offline_access`,
  });
}

function claimsOf(token: string): Record<string, unknown> {
  const payload = token.split(".")[1] ?? "";
  return JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>;
}

describe("the token endpoint", () => {
  it("issues an application token by client credentials for the webhook registration API", async () => {
    const issued = await clientCredentials(WEBHOOKS_AUDIENCE);
    expect(issued.status).toBe(200);
    expect(issued.body).toMatchObject({
      token_type: "Bearer",
      scope: `${WEBHOOKS_AUDIENCE}/.default`,
      expires_in: 3600,
    });
    const token = String(issued.body.access_token);
    expect(claimsOf(token)).toMatchObject({ aud: WEBHOOKS_AUDIENCE, tid: emulator.tenantId, idtyp: "app" });
    const events = await call(emulator, "GET", `${REGISTRATION_PATH}/events`, { token });
    expect(events.status).toBe(200);
    expect(events.body).toEqual(expect.arrayContaining(["referral-created", "related-referral-updated"]));
  });

  it("redeems the Referrals admin's refresh token (single use, rotated) for a delegated Referrals API token", async () => {
    const first = await refresh(DEFAULT_REFRESH_TOKEN);
    expect(first.status).toBe(200);
    const accessToken = String(first.body.access_token);
    expect(claimsOf(accessToken)).toMatchObject({ aud: REFERRALS_AUDIENCE, idtyp: "user", scp: "user_impersonation" });
    expect((await call(emulator, "GET", REFERRALS_PATH, { token: accessToken })).status).toBe(200);

    const replayed = await refresh(DEFAULT_REFRESH_TOKEN);
    expect(replayed.status).toBe(400);
    expect(replayed.body.error).toBe("invalid_grant");
    const rotated = await refresh(String(first.body.refresh_token));
    expect(rotated.status).toBe(200);
  });

  it("accepts a refresh token added through the admin API", async () => {
    const { refresh_token: added } = await emulator.admin.addRefreshToken({ token: "rt-added-by-test" });
    expect(added).toBe("rt-added-by-test");
    expect((await refresh(added)).status).toBe(200);
  });

  it("refuses a wrong secret with 401 invalid_client, without echoing it", async () => {
    const refused = await clientCredentials(WEBHOOKS_AUDIENCE, "wrong-secret-value");
    expect(refused.status).toBe(401);
    expect(refused.body.error).toBe("invalid_client");
    expect(JSON.stringify(refused.body)).not.toContain("wrong-secret-value");
  });

  it("refuses a resource that is not Partner Center's", async () => {
    const refused = await clientCredentials("https://contoso.crm.dynamics.com");
    expect(refused.status).toBe(400);
    expect(refused.body.error).toBe("invalid_resource");
  });

  it("publishes the JWKS whose key verifies the tokens' RS256 signatures", async () => {
    const discovery = objectOf(
      await call(emulator, "GET", `/${emulator.tenantId}/v2.0/.well-known/openid-configuration`),
    );
    expect(discovery.token_endpoint).toBe(emulator.tokenEndpoint);
    const jwks = (await (await fetch(String(discovery.jwks_uri))).json()) as { keys: (JsonWebKey & { kid: string })[] };
    const token = await emulator.admin.getToken({ audience: REFERRALS_AUDIENCE });
    const [header = "", payload = "", signature = ""] = token.split(".");
    const { kid } = JSON.parse(Buffer.from(header, "base64url").toString("utf8")) as { kid: string };
    const jwk = jwks.keys.find((key) => key.kid === kid);
    if (jwk === undefined) throw new Error(`no published key has kid ${kid}`);
    const publicKey = createPublicKey({ key: jwk, format: "jwk" });
    const signed = Buffer.from(`${header}.${payload}`);
    expect(verify("sha256", signed, publicKey, Buffer.from(signature, "base64url"))).toBe(true);
    expect(verify("sha256", Buffer.from(`${header}.${payload}x`), publicKey, Buffer.from(signature, "base64url"))).toBe(
      false,
    );
  });
});

describe("bearer checks on every API call", () => {
  it("answers 401 with WWW-Authenticate without a token, or with a malformed one", async () => {
    const missing = await call(emulator, "GET", REFERRALS_PATH);
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toMatch(/^Bearer error="invalid_token"/);
    expect(missing.body).toMatchObject({ code: "InvalidAuthenticationToken", source: "PartnerCenterEmulator" });
    expect((await call(emulator, "GET", REGISTRATION_PATH)).status).toBe(401);
    expect((await call(emulator, "GET", REFERRALS_PATH, { token: "not-a-jwt" })).status).toBe(401);
  });

  it("refuses a Referrals API token on the webhook registration API, and the other way round", async () => {
    const referralsToken = await emulator.admin.getToken({ audience: REFERRALS_AUDIENCE });
    const webhooksToken = await emulator.admin.getToken({ audience: WEBHOOKS_AUDIENCE });
    const onWebhooks = await call(emulator, "GET", REGISTRATION_PATH, { token: referralsToken });
    expect(onWebhooks.status).toBe(401);
    expect(onWebhooks.headers.get("www-authenticate")).toContain(WEBHOOKS_AUDIENCE);
    const delegatedForWebhooks = await emulator.admin.getToken({ audience: WEBHOOKS_AUDIENCE, kind: "delegated" });
    expect((await call(emulator, "GET", REFERRALS_PATH, { token: delegatedForWebhooks })).status).toBe(401);
    expect((await call(emulator, "GET", REFERRALS_PATH, { token: webhooksToken })).status).toBe(401);
    expect((await call(emulator, "GET", `${REFERRALS_PATH}/x`, { token: webhooksToken })).status).toBe(401);
  });

  it("refuses an application token on the Referrals API with 403 (App+User only)", async () => {
    const appToken = await emulator.admin.getToken({ audience: REFERRALS_AUDIENCE, kind: "application" });
    const refused = await call(emulator, "GET", REFERRALS_PATH, { token: appToken });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: "Forbidden" });
  });

  it("refuses a token that expired on the manual clock", async () => {
    const token = await emulator.admin.getToken({ audience: REFERRALS_AUDIENCE });
    expect((await call(emulator, "GET", REFERRALS_PATH, { token })).status).toBe(200);
    emulator.clock.advance(HOUR + 1000);
    const expired = await call(emulator, "GET", REFERRALS_PATH, { token });
    expect(expired.status).toBe(401);
    expect(expired.body).toMatchObject({ description: expect.stringContaining("expired") as unknown });
  });

  it("keeps the token routes and the certificate public", async () => {
    const jwks = await call(emulator, "GET", `/${emulator.tenantId}/discovery/v2.0/keys`);
    expect(jwks.status).toBe(200);
    const certificate = await fetch(emulator.webhooks.dispatcher.certificateUrl);
    expect(certificate.status).toBe(200);
    expect(certificate.headers.get("content-type")).toBe("application/pkix-cert");
  });
});
