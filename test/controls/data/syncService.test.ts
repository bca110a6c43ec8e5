import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ServiceRefusal } from "../../../server/http";
import { createSyncServiceClient, retryAfterSeconds } from "../../../controls/CoSellPanel/data/syncService";
import { OPPORTUNITY_ID, type RunningApp, startApp } from "../../server/http/harness";
import { type TestIssuer, startTestIssuer } from "../../server/http/tokens";

let issuer: TestIssuer;
let service: RunningApp;

beforeAll(async () => {
  issuer = await startTestIssuer();
  service = await startApp(issuer.jwksUrl);
});

afterAll(async () => {
  await service.close();
  await issuer.close();
});

function clientFor(baseUrl: string, getAccessToken: () => Promise<string> = () => issuer.sign(), timeoutMs?: number) {
  return createSyncServiceClient({ baseUrl, getAccessToken, fetch, ...(timeoutMs === undefined ? {} : { timeoutMs }) });
}

/** A plain HTTP server that answers every request with `answer`, for what the real service doesn't send. */
async function withServer(
  answer: (request: IncomingMessage, response: ServerResponse) => void,
  use: (url: string) => Promise<void>,
): Promise<void> {
  const server: Server = createServer(answer);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    await use(`http://127.0.0.1:${String((server.address() as AddressInfo).port)}`);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

describe("the sync service client against the service's form API", () => {
  it("reads the opportunity's sync status with the user's bearer token", async () => {
    service.services.form.failWith = undefined;
    const result = await clientFor(service.url).status(OPPORTUNITY_ID);
    expect(result.ok && result.value).toMatchObject({
      opportunityId: OPPORTUNITY_ID,
      status: "Synced",
      lastError: null,
      pending: [],
    });
    expect(service.services.form.calls.at(-1)).toEqual({ method: "status", args: [OPPORTUNITY_ID] });
  });

  it("asks for a sync now and reads the queued job", async () => {
    service.services.form.failWith = undefined;
    expect(await clientFor(service.url).syncNow(OPPORTUNITY_ID)).toEqual({
      ok: true,
      value: { jobId: "job-sync-1", coalesced: false },
    });
    const call = service.services.form.calls.at(-1);
    expect(call?.method).toBe("syncNow");
    expect(call?.args[1]).toMatchObject({ name: "Sam Seller" });
  });

  it("reports a token the service refuses as a sign-in problem (401)", async () => {
    const result = await clientFor(service.url, () => issuer.sign({ audience: "api://someone-else" })).status(
      OPPORTUNITY_ID,
    );
    expect(result).toMatchObject({ ok: false, failure: { kind: "unauthorized" } });
  });

  it("passes the service's explanation on for a refusal: 404, 409, 503", async () => {
    const cases = [
      [new ServiceRefusal("not-found", "no opportunity 6d81…", "Save it first."), { kind: "notFound" }],
      [new ServiceRefusal("conflict", "the referral is closed", "Reopen it."), { kind: "refused", httpStatus: 409 }],
      [
        new ServiceRefusal("unavailable", "Partner Center is down", "Wait.", { retryAfterSeconds: 30 }),
        { kind: "serverError", httpStatus: 503 },
      ],
    ] as const;
    for (const [refusal, failure] of cases) {
      service.services.form.failWith = refusal;
      const result = await clientFor(service.url).status(OPPORTUNITY_ID);
      expect(result).toMatchObject({
        ok: false,
        failure: { ...failure, detail: { message: refusal.message, whatToDo: refusal.whatToDo } },
      });
    }
    service.services.form.failWith = undefined;
  });

  it("reports an unexpected server failure as a server error (500)", async () => {
    service.services.form.failWith = new Error("database exploded");
    const result = await clientFor(service.url).status(OPPORTUNITY_ID);
    service.services.form.failWith = undefined;
    expect(result).toMatchObject({ ok: false, failure: { kind: "serverError", httpStatus: 500 } });
    expect(JSON.stringify(result)).not.toContain("database exploded");
  });
});

describe("the sync service client when things go wrong on the way", () => {
  it("honours Retry-After on 429", async () => {
    await withServer(
      (_request, response) =>
        response.writeHead(429, { "retry-after": "17", "content-type": "application/json" }).end("{}"),
      async (url) => {
        expect(await clientFor(url).status(OPPORTUNITY_ID)).toEqual({
          ok: false,
          failure: { kind: "rateLimited", retryAfterSeconds: 17, detail: null },
        });
      },
    );
  });

  it("reports an answer of another shape, or not JSON at all, as a bad answer", async () => {
    const answers = ['{"status":"Maybe"}', "<html>Gateway</html>", ""];
    for (const body of answers) {
      await withServer(
        (_request, response) => response.writeHead(200, { "content-type": "application/json" }).end(body),
        async (url) => {
          expect(await clientFor(url).status(OPPORTUNITY_ID), body).toEqual({
            ok: false,
            failure: { kind: "badAnswer" },
          });
        },
      );
    }
  });

  it("gives up after the timeout", async () => {
    await withServer(
      () => {
        // Never answers.
      },
      async (url) => {
        expect(await clientFor(url, undefined, 200).status(OPPORTUNITY_ID)).toEqual({
          ok: false,
          failure: { kind: "timeout", seconds: 1 },
        });
      },
    );
  });

  it("reports a service that isn't there as unreachable", async () => {
    let closedUrl = "";
    await withServer(
      () => undefined,
      (url) => {
        closedUrl = url;
        return Promise.resolve();
      },
    );
    expect(await clientFor(closedUrl).status(OPPORTUNITY_ID)).toEqual({ ok: false, failure: { kind: "unreachable" } });
  });

  it("doesn't call the service without a token", async () => {
    let calls = 0;
    await withServer(
      (_request, response) => {
        calls += 1;
        response.end("{}");
      },
      async (url) => {
        for (const getToken of [() => Promise.reject(new Error("interaction_required")), () => Promise.resolve(" ")]) {
          expect(await clientFor(url, getToken).syncNow(OPPORTUNITY_ID)).toEqual({
            ok: false,
            failure: { kind: "signInFailed" },
          });
        }
      },
    );
    expect(calls).toBe(0);
  });

  it("sends the opportunity id escaped in the path and the token in the header", async () => {
    const seen: { url?: string | undefined; authorization?: string | undefined } = {};
    await withServer(
      (request, response) => {
        seen.url = request.url;
        seen.authorization = request.headers.authorization;
        response.writeHead(202, { "content-type": "application/json" }).end('{"jobId":null,"coalesced":true}');
      },
      async (url) => {
        expect(await clientFor(`${url}/cosell`, () => Promise.resolve("t0k3n")).syncNow("a/b")).toEqual({
          ok: true,
          value: { jobId: null, coalesced: true },
        });
      },
    );
    expect(seen).toEqual({ url: "/cosell/api/v1/opportunities/a%2Fb/sync", authorization: "Bearer t0k3n" });
  });
});

describe("retryAfterSeconds", () => {
  it("reads whole seconds, and nothing else", () => {
    expect(retryAfterSeconds("120")).toBe(120);
    expect(retryAfterSeconds(" 0 ")).toBe(0);
    for (const unreadable of ["Wed, 25 Nov 2026 09:30:45 GMT", "soon", "-5", "1.5", "", null]) {
      expect(retryAfterSeconds(unreadable), String(unreadable)).toBeNull();
    }
  });
});
