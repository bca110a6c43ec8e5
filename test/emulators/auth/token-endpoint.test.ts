import { decodeJwt } from "jose";
import { describe, expect, it } from "vitest";
import {
  ADMIN,
  APP,
  DATAVERSE,
  DELEGATED,
  INITIAL_REFRESH_TOKEN,
  PARTNER_CENTER,
  TENANT_ID,
  useIssuers,
} from "./harness";

const startIssuer = useIssuers();

const clientCredentials = {
  grant_type: "client_credentials",
  client_id: APP.clientId,
  client_secret: APP.clientSecret,
};
const refresh = (refreshToken: string, scope = `${PARTNER_CENTER}/.default offline_access`) => ({
  grant_type: "refresh_token",
  client_id: DELEGATED.clientId,
  client_secret: DELEGATED.clientSecret,
  refresh_token: refreshToken,
  scope,
});

describe("client_credentials grant", () => {
  it("issues an application token for the requested resource", async () => {
    const { token, server } = await startIssuer({ clients: [{ ...APP, roles: ["user_impersonation_app"] }] });
    const { status, headers, body } = await token({ ...clientCredentials, scope: `${DATAVERSE}/.default` });

    expect(status).toBe(200);
    expect(headers.get("cache-control")).toBe("no-store");
    expect(body).toEqual({
      token_type: "Bearer",
      scope: `${DATAVERSE}/.default`,
      expires_in: 3600,
      ext_expires_in: 3600,
      access_token: expect.any(String) as unknown,
    });
    const claims = decodeJwt(String(body.access_token));
    const iat = Date.parse("2026-03-02T09:00:00Z") / 1000;
    expect(claims).toMatchObject({
      iss: `${server.url}/${TENANT_ID}/v2.0`,
      aud: DATAVERSE,
      tid: TENANT_ID,
      azp: APP.clientId,
      appid: APP.clientId,
      idtyp: "app",
      roles: ["user_impersonation_app"],
      ver: "2.0",
      iat,
      nbf: iat,
      exp: iat + 3600,
    });
    expect(claims.sub).toBe(claims.oid);
    expect(claims).not.toHaveProperty("scp");
  });

  it("answers 401 invalid_client for a wrong secret without echoing any secret", async () => {
    const { token } = await startIssuer();
    const wrongSecret = "not-the-secret~Hx81";
    const { status, text, body } = await token(
      { ...clientCredentials, client_secret: wrongSecret, scope: `${DATAVERSE}/.default` },
      { "client-request-id": "6a1b0e4c-0000-4000-8000-000000000001" },
    );
    expect(status).toBe(401);
    expect(body).toMatchObject({
      error: "invalid_client",
      error_codes: [7000215],
      correlation_id: "6a1b0e4c-0000-4000-8000-000000000001",
      timestamp: "2026-03-02 09:00:00Z",
      trace_id: expect.any(String) as unknown,
    });
    expect(String(body.error_description)).toMatch(/^AADSTS7000215: Invalid client secret provided\./);
    expect(text).not.toContain(wrongSecret);
    expect(text).not.toContain(APP.clientSecret);
  });

  it("answers 401 invalid_client when the secret is missing", async () => {
    const { token } = await startIssuer();
    const { status, body } = await token({
      grant_type: "client_credentials",
      client_id: APP.clientId,
      scope: `${DATAVERSE}/.default`,
    });
    expect(status).toBe(401);
    expect(body).toMatchObject({ error: "invalid_client", error_codes: [7000218] });
  });

  it("refuses unknown clients and delegated-only clients", async () => {
    const { token } = await startIssuer();
    const unknown = await token({ ...clientCredentials, client_id: "nobody", scope: `${DATAVERSE}/.default` });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ error: "unauthorized_client", error_codes: [700016] });
    const delegated = await token({
      grant_type: "client_credentials",
      client_id: DELEGATED.clientId,
      client_secret: DELEGATED.clientSecret,
      scope: `${PARTNER_CENTER}/.default`,
    });
    expect(delegated.status).toBe(400);
    expect(delegated.body).toMatchObject({ error: "unauthorized_client" });
  });

  it("requires one resource with /.default as the scope", async () => {
    const { token } = await startIssuer();
    const missing = await token(clientCredentials);
    expect(missing.body).toMatchObject({ error: "invalid_request", error_codes: [900144] });
    expect(String(missing.body.error_description)).toContain("'scope'");
    const named = await token({ ...clientCredentials, scope: `${DATAVERSE}/user_impersonation` });
    expect(named.body).toMatchObject({ error: "invalid_scope", error_codes: [1002012] });
    const two = await token({ ...clientCredentials, scope: `${DATAVERSE}/.default ${PARTNER_CENTER}/.default` });
    expect(two.body).toMatchObject({ error: "invalid_scope", error_codes: [28000] });
    const bare = await token({ ...clientCredentials, scope: "offline_access" });
    expect(bare.body).toMatchObject({ error: "invalid_scope" });
  });

  it("refuses a resource outside the configured list", async () => {
    const { token } = await startIssuer({ resources: [PARTNER_CENTER] });
    const { status, body } = await token({ ...clientCredentials, scope: `${DATAVERSE}/.default` });
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: "invalid_resource", error_codes: [500011] });
  });
});

describe("refresh_token grant", () => {
  it("issues a delegated token for the refresh token's user and a new refresh token", async () => {
    const { token, server } = await startIssuer();
    const { status, body } = await token(refresh(INITIAL_REFRESH_TOKEN));

    expect(status).toBe(200);
    expect(body).toMatchObject({
      token_type: "Bearer",
      scope: `${PARTNER_CENTER}/user_impersonation`,
      expires_in: 3600,
      ext_expires_in: 3600,
    });
    expect(body.refresh_token).toEqual(expect.any(String));
    expect(body.refresh_token).not.toBe(INITIAL_REFRESH_TOKEN);
    const claims = decodeJwt(String(body.access_token));
    expect(claims).toMatchObject({
      iss: `${server.url}/${TENANT_ID}/v2.0`,
      aud: PARTNER_CENTER,
      oid: ADMIN.oid,
      upn: ADMIN.upn,
      name: ADMIN.name,
      scp: "user_impersonation",
      azp: DELEGATED.clientId,
      idtyp: "user",
    });
    expect(claims.sub).not.toBe(ADMIN.oid);
    expect(claims).not.toHaveProperty("roles");
  });

  it("rotates: the old refresh token is refused once redeemed, the new one works", async () => {
    const { token } = await startIssuer();
    const first = await token(refresh(INITIAL_REFRESH_TOKEN));
    const replay = await token(refresh(INITIAL_REFRESH_TOKEN));
    expect(replay.status).toBe(400);
    expect(replay.body).toMatchObject({ error: "invalid_grant", error_codes: [50173] });

    const second = await token(refresh(String(first.body.refresh_token)));
    expect(second.status).toBe(200);
    expect(second.body.refresh_token).not.toBe(first.body.refresh_token);
  });

  it("works without a client secret but refuses a wrong one", async () => {
    const { token } = await startIssuer();
    const publicClient = Object.fromEntries(
      Object.entries(refresh(INITIAL_REFRESH_TOKEN)).filter(([name]) => name !== "client_secret"),
    );
    const withoutSecret = await token(publicClient);
    expect(withoutSecret.status).toBe(200);
    expect(decodeJwt(String(withoutSecret.body.access_token)).azpacr).toBe("0");
    const wrong = await token({ ...refresh(String(withoutSecret.body.refresh_token)), client_secret: "nope" });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ error: "invalid_client" });
  });

  it("refuses revoked, unknown, foreign and expired refresh tokens", async () => {
    const { token, issuer, clock } = await startIssuer();
    const added = issuer.addRefreshToken({ clientId: DELEGATED.clientId, user: ADMIN });
    expect(issuer.revokeRefreshToken(added)).toBe(true);
    expect((await token(refresh(added))).body).toMatchObject({ error: "invalid_grant", error_codes: [50173] });
    expect((await token(refresh("never-issued"))).body).toMatchObject({
      error: "invalid_grant",
      error_codes: [9002313],
    });

    const foreign = issuer.addRefreshToken({ clientId: "another-app", user: ADMIN });
    expect((await token(refresh(foreign))).body).toMatchObject({ error: "invalid_grant", error_codes: [70000] });

    clock.advance(91 * 24 * 3600 * 1000);
    const stale = await token(refresh(INITIAL_REFRESH_TOKEN));
    expect(stale.body).toMatchObject({ error: "invalid_grant", error_codes: [700082] });
  });

  it("grants named permissions only when the client has them", async () => {
    const { token } = await startIssuer();
    const refused = await token(refresh(INITIAL_REFRESH_TOKEN, `${PARTNER_CENTER}/Referrals.ReadWrite.All`));
    expect(refused.body).toMatchObject({ error: "invalid_grant", error_codes: [65001] });
    const granted = await token(refresh(INITIAL_REFRESH_TOKEN, `${PARTNER_CENTER}/user_impersonation openid`));
    expect(granted.status).toBe(200);
    expect(decodeJwt(String(granted.body.access_token)).scp).toBe("user_impersonation");
  });
});

describe("token endpoint requests", () => {
  it("answers unsupported_grant_type for a grant it does not implement", async () => {
    const { token } = await startIssuer();
    const { status, body } = await token({
      grant_type: "password",
      client_id: APP.clientId,
      username: "u",
      password: "p",
    });
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: "unsupported_grant_type", error_codes: [70003] });
    expect(String(body.error_description)).toMatch(/^AADSTS70003: .*'password'/);
  });

  it("requires a form body and a known tenant", async () => {
    const { token, server } = await startIssuer();
    const asJson = await fetch(`${server.url}/${TENANT_ID}/oauth2/v2.0/token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(clientCredentials),
    });
    expect(asJson.status).toBe(400);
    expect(await asJson.json()).toMatchObject({ error: "invalid_request" });

    const elsewhere = await token({ ...clientCredentials, scope: `${DATAVERSE}/.default` }, {}, "other-tenant");
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body).toMatchObject({ error: "invalid_request", error_codes: [90002] });
  });

  it("accepts a tenant alias in the path", async () => {
    const { token } = await startIssuer({ tenantAliases: ["contoso.onmicrosoft.com"] });
    const { status } = await token(
      { ...clientCredentials, scope: `${DATAVERSE}/.default` },
      {},
      "Contoso.onmicrosoft.com",
    );
    expect(status).toBe(200);
  });
});
