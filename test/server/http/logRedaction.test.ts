/**
 * The request log at its most verbose never shows a webhook key (in ?code= or in a header, right or wrong), a bearer
 * token or a Partner Center signature, while still logging the requests themselves.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { redactUrl } from "../../../server/http";
import { WEBHOOK_KEY } from "../../support/dataverseWebhookFixtures";
import { dataverseRequest, endpointFor, headerEndpointFor, nameUpdate, send, withCode } from "./dataverseRequests";
import { OPPORTUNITY_ID, startApp, type RunningApp } from "./harness";
import { ADMIN_ROLE, startTestIssuer, type TestIssuer } from "./tokens";

const WRONG_KEY = "near-miss-webhook-key-7Hq2";
const SIGNATURE = `Signature ${Buffer.from("forged-signature-bytes-Zk93".repeat(4)).toString("base64")}`;

let issuer: TestIssuer;
let running: RunningApp;
const lines: string[] = [];

beforeAll(async () => {
  issuer = await startTestIssuer();
  running = await startApp(issuer.jwksUrl, {
    logging: { level: "trace", stream: { write: (line) => lines.push(line) } },
  });
});

afterAll(async () => {
  await running.close();
  await issuer.close();
});

describe("the request log", () => {
  it("shows requests but none of their credentials", async () => {
    const secrets: string[] = [WEBHOOK_KEY, encodeURIComponent(WEBHOOK_KEY), WRONG_KEY, SIGNATURE.slice(10, 40)];

    const byQuery = dataverseRequest(nameUpdate(), endpointFor(running.url));
    secrets.push(new URL(byQuery.url).search.slice("?code=".length));
    expect((await send(byQuery)).status).toBe(202);
    expect((await send(dataverseRequest(nameUpdate(), headerEndpointFor(running.url, "x-api-key")))).status).toBe(202);
    expect((await send({ ...byQuery, url: withCode(byQuery.url, WRONG_KEY) })).status).toBe(401);

    const token = await issuer.sign({ roles: [ADMIN_ROLE] });
    const expired = await issuer.sign({ expiresInSeconds: -600 });
    secrets.push(token, token.split(".")[2] ?? token, expired);
    const statusUrl = `${running.url}/api/v1/opportunities/${OPPORTUNITY_ID}/sync-status`;
    expect((await fetch(statusUrl, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    expect((await fetch(statusUrl, { headers: { authorization: `Bearer ${expired}` } })).status).toBe(401);
    expect((await fetch(`${running.url}/admin/queue`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(
      200,
    );

    running.services.form.failWith = new Error("the engine broke");
    expect((await fetch(statusUrl, { headers: { authorization: `Bearer ${token}` } })).status).toBe(500);
    running.services.form.failWith = undefined;

    const partnerCenter = await fetch(`${running.url}/webhooks/partner-center`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: SIGNATURE,
        "x-ms-signature": SIGNATURE,
        "x-ms-certificate-url": "http://127.0.0.1:9/cert.cer",
        "x-ms-signature-algorithm": "rsa-sha256",
      },
      body: '{"EventName":"referral-created"}',
    });
    expect(partnerCenter.status).toBe(503);

    const log = lines.join("");
    for (const secret of secrets) expect(log, `the log shows ${secret.slice(0, 12)}…`).not.toContain(secret);
    // The requests were logged, with their credentials replaced.
    expect(log).toContain('"url":"/webhooks/dataverse?code=[redacted]"');
    expect(log).toContain('"x-api-key":"[redacted]"');
    expect(log).toContain('"authorization":"[redacted]"');
    expect(log).toContain('"x-ms-signature":"[redacted]"');
    expect(log).toContain("the engine broke");
  });
});

describe("redactUrl", () => {
  it("replaces every spelling of the code parameter and keeps the rest as sent", () => {
    expect(redactUrl("/webhooks/dataverse")).toBe("/webhooks/dataverse");
    expect(redactUrl("/webhooks/dataverse?code=a%2Bb&x=1&code=c")).toBe(
      "/webhooks/dataverse?code=[redacted]&x=1&code=[redacted]",
    );
    expect(redactUrl("/webhooks/dataverse?%63ode=k&codex=2")).toBe("/webhooks/dataverse?%63ode=[redacted]&codex=2");
  });
});
