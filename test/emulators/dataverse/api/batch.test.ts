/**
 * `$batch` over raw HTTP (dataverse.md §4.3): a lone GET and a change set whose second request addresses the first
 * one's row as `$1`, the multipart answer with per-part status lines and Content-IDs, the 1000-request limit, and a
 * failed lone request that stops the rest unless `odata.continue-on-error` is preferred.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DataverseEmulator } from "../../../../emulators/dataverse";
import { call, clientCredentialsToken, objectOf, startTestEmulator, type CallResult } from "./harness";

let emulator: DataverseEmulator;
let token: string;

beforeAll(async () => {
  emulator = await startTestEmulator({ seed: { opportunities: 3 } });
  token = await clientCredentialsToken(emulator);
});

afterAll(async () => {
  await emulator.close();
});

interface Part {
  readonly method: string;
  readonly url: string;
  readonly body?: unknown;
  readonly contentId?: string;
}

function httpPart(part: Part): string {
  return [
    "Content-Type: application/http",
    "Content-Transfer-Encoding: binary",
    ...(part.contentId === undefined ? [] : [`Content-ID: ${part.contentId}`]),
    "",
    `${part.method} ${part.url} HTTP/1.1`,
    ...(part.body === undefined ? [] : ["Content-Type: application/json", "", JSON.stringify(part.body)]),
    ...(part.body === undefined ? ["", ""] : []),
  ].join("\r\n");
}

/** A batch body: each item is a lone request or an array (a change set). */
function batchBody(items: readonly (Part | readonly Part[])[]): string {
  const lines = items.map((item) => {
    if (!Array.isArray(item)) return `--batch_t\r\n${httpPart(item as Part)}`;
    const changeSet = (item as readonly Part[]).map((part) => `--changeset_t\r\n${httpPart(part)}`).join("\r\n");
    return `--batch_t\r\nContent-Type: multipart/mixed; boundary=changeset_t\r\n\r\n${changeSet}\r\n--changeset_t--`;
  });
  return `${lines.join("\r\n")}\r\n--batch_t--\r\n`;
}

function postBatch(
  items: readonly (Part | readonly Part[])[],
  headers: Record<string, string> = {},
): Promise<CallResult> {
  return call(emulator, "POST", "/api/data/v9.2/$batch", {
    token,
    body: batchBody(items),
    headers: { "content-type": "multipart/mixed; boundary=batch_t", ...headers },
  });
}

describe("$batch", () => {
  it("answers a GET and a change set with a $1 URL reference in one multipart response", async () => {
    const result = await postBatch([
      { method: "GET", url: "/api/data/v9.2/WhoAmI" },
      [
        { method: "POST", url: "/api/data/v9.2/accounts", body: { name: "Created in a batch" }, contentId: "1" },
        { method: "PATCH", url: "$1", body: { name: "Renamed through $1" }, contentId: "2" },
      ],
    ]);
    expect(result.status).toBe(200);
    expect(result.headers.get("content-type")).toMatch(/^multipart\/mixed; boundary=batchresponse_/);
    expect(result.text).toContain("HTTP/1.1 200 OK");
    expect(result.text.match(/HTTP\/1\.1 204 No Content/g)).toHaveLength(2);
    expect(result.text).toContain("Content-ID: 1");
    const entityId = /OData-EntityId: (\S+)/.exec(result.text)?.[1] ?? "";
    const row = objectOf(await call(emulator, "GET", `${new URL(entityId).pathname}?$select=name`, { token }));
    expect(row.name).toBe("Renamed through $1");
  });

  it("refuses more than 1000 requests", async () => {
    const parts = Array.from({ length: 1001 }, () => ({ method: "GET", url: "/api/data/v9.2/WhoAmI" }));
    const result = await postBatch(parts);
    expect(result.status).toBe(400);
    expect(result.text).toContain("1000");
  });

  it("stops after a failed request unless odata.continue-on-error is preferred", async () => {
    const items = [
      { method: "GET", url: "/api/data/v9.2/nosuchset" },
      { method: "GET", url: "/api/data/v9.2/WhoAmI" },
    ];
    const stopped = await postBatch(items);
    expect(stopped.text).toContain("HTTP/1.1 404");
    expect(stopped.text).not.toContain("HTTP/1.1 200");
    const continued = await postBatch(items, { prefer: "odata.continue-on-error" });
    expect(continued.text).toContain("HTTP/1.1 404");
    expect(continued.text).toContain("HTTP/1.1 200");
  });
});
