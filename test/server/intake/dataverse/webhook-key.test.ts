import { describe, expect, it } from "vitest";
import { checkWebhookKey, DEFAULT_WEBHOOK_KEY_HEADER } from "../../../../server/intake/dataverse";
import { endpoint, intakeErrorOf, receivedRequest, refusal, updateNotification, WEBHOOK_KEY } from "./fixtures";

const MISMATCH =
  "the webhook key does not match; set the service endpoint's key to the service's DATAVERSE_WEBHOOK_KEY";

/** A service endpoint with the HttpHeader auth type sending `name: value` (dataverse.md §3.1). */
function headerEndpoint(name: string, value: string) {
  return endpoint({ authtype: 5, authvalue: `<settings><setting name="${name}" value="${value}" /></settings>` });
}

describe("checkWebhookKey", () => {
  it("accepts the WebhookKey auth type's ?code=<key>, as Dataverse sends it", () => {
    const request = receivedRequest(updateNotification());
    expect(request.query).toEqual({ code: WEBHOOK_KEY });
    expect(checkWebhookKey(request, WEBHOOK_KEY)).toBe("query");
  });

  it("accepts the HttpHeader auth type's header, by default x-cosell-webhook-key", () => {
    const request = receivedRequest(updateNotification(), {
      endpoint: headerEndpoint(DEFAULT_WEBHOOK_KEY_HEADER, WEBHOOK_KEY),
    });
    expect(request.query).toEqual({});
    expect(checkWebhookKey(request, WEBHOOK_KEY)).toBe("header");
  });

  it("matches the header name without regard to case, and accepts a configured name", () => {
    const upperCase = { query: {}, headers: { "X-CoSell-Webhook-Key": WEBHOOK_KEY } };
    expect(checkWebhookKey(upperCase, WEBHOOK_KEY)).toBe("header");
    const custom = receivedRequest(updateNotification(), { endpoint: headerEndpoint("x-pc-sync-key", WEBHOOK_KEY) });
    expect(checkWebhookKey(custom, WEBHOOK_KEY, { headerName: "X-PC-Sync-Key" })).toBe("header");
    refusal(() => checkWebhookKey(custom, WEBHOOK_KEY), 401, "webhook_key_missing");
  });

  it("answers 401 when no key is sent, saying where to put it", () => {
    const message = refusal(() => checkWebhookKey({ query: {}, headers: {} }, WEBHOOK_KEY), 401, "webhook_key_missing");
    expect(message).toMatch(/^missing webhook key/);
    expect(message).toContain("?code=<key>");
    expect(message).toContain(DEFAULT_WEBHOOK_KEY_HEADER);
  });

  it("treats an empty key as missing", () => {
    const request = { query: { code: "" }, headers: { [DEFAULT_WEBHOOK_KEY_HEADER]: "" } };
    refusal(() => checkWebhookKey(request, WEBHOOK_KEY), 401, "webhook_key_missing");
  });

  it.each([
    ["another key", "not-the-key"],
    ["a prefix of the key", WEBHOOK_KEY.slice(0, -1)],
    ["the key with more after it", `${WEBHOOK_KEY}x`],
    ["the key in another case", WEBHOOK_KEY.toUpperCase()],
  ])("answers 401 for %s, without either key in the error", (_case, presented) => {
    const error = intakeErrorOf(() => checkWebhookKey({ query: { code: presented }, headers: {} }, WEBHOOK_KEY));
    expect({ status: error.status, code: error.code, message: error.message }).toEqual({
      status: 401,
      code: "webhook_key_mismatch",
      message: MISMATCH,
    });
    const rendered = JSON.stringify(error.toResponseBody()) + String(error.stack);
    expect(rendered).not.toContain(WEBHOOK_KEY);
    expect(rendered).not.toContain(presented);
  });

  it("refuses a request whose query key is right but whose header key is wrong", () => {
    const request = { query: { code: WEBHOOK_KEY }, headers: { [DEFAULT_WEBHOOK_KEY_HEADER]: "wrong" } };
    refusal(() => checkWebhookKey(request, WEBHOOK_KEY), 401, "webhook_key_mismatch");
  });

  it("refuses a key sent twice, even when both copies are right", () => {
    const request = { query: { code: [WEBHOOK_KEY, WEBHOOK_KEY] }, headers: {} };
    refusal(() => checkWebhookKey(request, WEBHOOK_KEY), 401, "webhook_key_mismatch");
  });

  it("answers 500 when the service has no key, so that nothing is accepted", () => {
    const message = refusal(
      () => checkWebhookKey({ query: { code: "" }, headers: {} }, ""),
      500,
      "webhook_key_not_configured",
    );
    expect(message).toContain("DATAVERSE_WEBHOOK_KEY");
    refusal(() => checkWebhookKey({ query: { code: "anything" }, headers: {} }, ""), 500, "webhook_key_not_configured");
  });
});
