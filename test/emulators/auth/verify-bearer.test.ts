import { generateKeyPair, SignJWT, UnsecuredJWT } from "jose";
import { describe, expect, it } from "vitest";
import {
  type AccessTokenClaims,
  createTokenIssuer,
  TOKEN_ISSUER_PUBLIC_PATHS,
  type TokenIssuer,
} from "../../../emulators/auth";
import { json, type RequestContext, type Router } from "../../../emulators/http";
import { ADMIN, APP, DATAVERSE, PARTNER_CENTER, TENANT_ID, useIssuers } from "./harness";

const startIssuer = useIssuers();

/** A Partner Center-like emulator: every path except the issuer's needs a token for api.partner.microsoft.com. */
function protectedApi(issuer: TokenIssuer, router: Router) {
  const claimsOf = new WeakMap<RequestContext, AccessTokenClaims>();
  router.add("GET", "/v1.0/engagements/referrals", (request) => json(200, { caller: claimsOf.get(request) }));
  return {
    router,
    publicPaths: TOKEN_ISSUER_PUBLIC_PATHS,
    authenticate: async (request: RequestContext) => {
      claimsOf.set(request, await issuer.verifyBearer(request.headers.authorization, [PARTNER_CENTER, DATAVERSE]));
    },
  };
}

async function callWith(url: string, authorization?: string) {
  const headers: Record<string, string> = authorization === undefined ? {} : { authorization };
  const response = await fetch(`${url}/v1.0/engagements/referrals`, { headers });
  return {
    status: response.status,
    challenge: response.headers.get("www-authenticate") ?? "",
    body: (await response.json()) as Record<string, unknown>,
  };
}

describe("verifyBearer", () => {
  it("accepts a token from the token endpoint and hands its claims to the handler", async () => {
    const { server, token } = await startIssuer({}, protectedApi);
    const issued = await token({
      grant_type: "client_credentials",
      client_id: APP.clientId,
      client_secret: APP.clientSecret,
      scope: `${PARTNER_CENTER}/.default`,
    });
    const { status, body } = await callWith(server.url, `Bearer ${String(issued.body.access_token)}`);
    expect(status).toBe(200);
    expect(body.caller).toMatchObject({ aud: PARTNER_CENTER, azp: APP.clientId, tid: TENANT_ID });
  });

  it("accepts a minted delegated token for any of the expected audiences", async () => {
    const { server, issuer } = await startIssuer({}, protectedApi);
    const minted = await issuer.mintAccessToken({ audience: DATAVERSE, delegated: ADMIN });
    const { status, body } = await callWith(server.url, `bearer ${minted}`);
    expect(status).toBe(200);
    expect(body.caller).toMatchObject({ oid: ADMIN.oid, upn: ADMIN.upn, scp: "user_impersonation" });
  });

  it("refuses a request without an Authorization header", async () => {
    const { server } = await startIssuer({}, protectedApi);
    const { status, challenge, body } = await callWith(server.url);
    expect(status).toBe(401);
    expect(challenge).toMatch(
      /^Bearer error="invalid_token", error_description="The request has no Authorization header/,
    );
    expect(body).toMatchObject({ error: { code: "InvalidAuthenticationToken" } });
  });

  it("refuses another scheme without repeating its credentials", async () => {
    const { server } = await startIssuer({}, protectedApi);
    const { status, challenge, body } = await callWith(server.url, "Basic dXNlcjpzM2NyZXQ=");
    expect(status).toBe(401);
    expect(challenge).toContain("scheme must be Bearer, not 'Basic'");
    expect(JSON.stringify(body) + challenge).not.toContain("dXNlcjpzM2NyZXQ=");
  });

  it("refuses a malformed or unsigned token", async () => {
    const { server } = await startIssuer({}, protectedApi);
    const garbage = await callWith(server.url, "Bearer not.a.jwt");
    expect(garbage.status).toBe(401);
    expect(garbage.challenge).toContain("malformed");
    const unsigned = new UnsecuredJWT({ aud: PARTNER_CENTER }).encode();
    expect((await callWith(server.url, `Bearer ${unsigned}`)).status).toBe(401);
    expect((await callWith(server.url, "Bearer a b")).challenge).toContain("exactly one token");
  });

  it("refuses an expired token once the clock passes exp", async () => {
    const { server, issuer, clock } = await startIssuer({}, protectedApi);
    const minted = await issuer.mintAccessToken({ audience: PARTNER_CENTER });
    clock.advance(3599_000);
    expect((await callWith(server.url, `Bearer ${minted}`)).status).toBe(200);
    clock.advance(1_000);
    const { status, challenge } = await callWith(server.url, `Bearer ${minted}`);
    expect(status).toBe(401);
    expect(challenge).toContain("The token expired at 2026-03-02T10:00:00.000Z.");
  });

  it("refuses a token for another audience", async () => {
    const { server, issuer } = await startIssuer({}, protectedApi);
    const minted = await issuer.mintAccessToken({ audience: "https://graph.microsoft.com" });
    const { status, challenge } = await callWith(server.url, `Bearer ${minted}`);
    expect(status).toBe(401);
    expect(challenge).toContain(
      `The token is for audience 'https://graph.microsoft.com', not '${PARTNER_CENTER}' or '${DATAVERSE}'.`,
    );
  });

  it("refuses a token from another issuer URL", async () => {
    const { server, issuer } = await startIssuer({}, protectedApi);
    const minted = await issuer.mintAccessToken({ audience: PARTNER_CENTER });
    issuer.setBaseUrl("http://login.example.test");
    const { status, challenge } = await callWith(server.url, `Bearer ${minted}`);
    expect(status).toBe(401);
    expect(challenge).toContain(`issued by '${server.url}/${TENANT_ID}/v2.0', not by 'http://login.example.test/`);
  });

  it("refuses a token signed by a key it does not publish", async () => {
    const { server, issuer } = await startIssuer({}, protectedApi);
    const impostor = await createTokenIssuer({ tenantId: TENANT_ID, baseUrl: server.url });
    const foreign = await impostor.mintAccessToken({ audience: PARTNER_CENTER });
    const unknownKey = await callWith(server.url, `Bearer ${foreign}`);
    expect(unknownKey.status).toBe(401);
    expect(unknownKey.challenge).toContain("signed with a key this issuer does not publish");

    // The same claims and kid, but signed by another private key.
    const { privateKey } = await generateKeyPair("RS256");
    const now = Math.floor(Date.parse("2026-03-02T09:00:00Z") / 1000);
    const forged = await new SignJWT({ tid: TENANT_ID, oid: ADMIN.oid, azp: "x", ver: "2.0" })
      .setProtectedHeader({ alg: "RS256", typ: "JWT", kid: issuer.keyId })
      .setIssuer(issuer.issuerUrl)
      .setAudience(PARTNER_CENTER)
      .setIssuedAt(now)
      .setNotBefore(now)
      .setExpirationTime(now + 3600)
      .sign(privateKey);
    const badSignature = await callWith(server.url, `Bearer ${forged}`);
    expect(badSignature.status).toBe(401);
    expect(badSignature.challenge).toContain("The token signature is invalid.");
  });
});
