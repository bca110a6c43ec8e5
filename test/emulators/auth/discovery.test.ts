import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import { createTokenIssuer } from "../../../emulators/auth";
import { APP, DATAVERSE, TENANT_ID, useIssuers } from "./harness";

const startIssuer = useIssuers();

describe("published keys and metadata", () => {
  it("serves a JWKS that verifies an issued token with createRemoteJWKSet", async () => {
    const { server, issuer, token, clock } = await startIssuer();
    const issued = await token({
      grant_type: "client_credentials",
      client_id: APP.clientId,
      client_secret: APP.clientSecret,
      scope: `${DATAVERSE}/.default`,
    });
    const accessToken = String(issued.body.access_token);

    const keys: unknown = await (await fetch(`${server.url}/${TENANT_ID}/discovery/v2.0/keys`)).json();
    expect(keys).toEqual({
      keys: [
        {
          kty: "RSA",
          n: expect.any(String) as unknown,
          e: "AQAB",
          kid: issuer.keyId,
          use: "sig",
          alg: "RS256",
        },
      ],
    });
    expect(JSON.stringify(keys)).not.toMatch(/"(d|p|q|dp|dq|qi)"/);
    expect(decodeProtectedHeader(accessToken)).toEqual({ alg: "RS256", typ: "JWT", kid: issuer.keyId });

    const remoteKeys = createRemoteJWKSet(new URL(issuer.jwksUri));
    const { payload } = await jwtVerify(accessToken, remoteKeys, {
      issuer: `${server.url}/${TENANT_ID}/v2.0`,
      audience: DATAVERSE,
      currentDate: clock.now(),
    });
    expect(payload.azp).toBe(APP.clientId);
  });

  it("serves the OpenID configuration with the issuer, JWKS and token endpoint", async () => {
    const { server } = await startIssuer();
    const response = await fetch(`${server.url}/${TENANT_ID}/v2.0/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      issuer: `${server.url}/${TENANT_ID}/v2.0`,
      jwks_uri: `${server.url}/${TENANT_ID}/discovery/v2.0/keys`,
      token_endpoint: `${server.url}/${TENANT_ID}/oauth2/v2.0/token`,
      id_token_signing_alg_values_supported: ["RS256"],
    });
  });

  it("answers 400 for an unknown tenant", async () => {
    const { server } = await startIssuer();
    const response = await fetch(`${server.url}/not-my-tenant/discovery/v2.0/keys`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "invalid_request", error_codes: [90002] });
  });

  it("needs a base URL before it can name its issuer, and takes one later", async () => {
    const issuer = await createTokenIssuer({ tenantId: TENANT_ID });
    expect(() => issuer.issuerUrl).toThrow("setBaseUrl");
    issuer.setBaseUrl("http://127.0.0.1:1234/");
    expect(issuer.issuerUrl).toBe(`http://127.0.0.1:1234/${TENANT_ID}/v2.0`);
    expect(issuer.tokenEndpoint).toBe(`http://127.0.0.1:1234/${TENANT_ID}/oauth2/v2.0/token`);
  });
});
