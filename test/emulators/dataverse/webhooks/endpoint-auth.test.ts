import { describe, expect, it } from "vitest";
import {
  authenticateEndpoint,
  parseAuthSettings,
  redactSecrets,
  urlWithoutQuery,
  WebhookConfigurationError,
} from "../../../../emulators/dataverse/webhooks";
import { endpoint, WEBHOOK_KEY } from "./fixtures";

function thrownBy(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    if (error instanceof Error) return error;
  }
  throw new Error("expected an error");
}

describe("service endpoint authentication", () => {
  it("appends the WebhookKey as ?code=, keeping the URL's own query", () => {
    const target = authenticateEndpoint(endpoint({ url: "https://sync.example/dv-webhook?tenant=a" }));
    const url = new URL(target.url);
    expect(url.searchParams.get("code")).toBe(WEBHOOK_KEY);
    expect(url.searchParams.get("tenant")).toBe("a");
    expect(target.headers).toEqual({});
    expect(target.safeUrl).toBe("https://sync.example/dv-webhook");
    expect(target.secrets).toEqual([WEBHOOK_KEY]);
  });

  it("reads HttpHeader settings into lower-case headers, decoding XML entities and either quote style", () => {
    const authvalue = `<settings><setting name="X-Api-Key" value="k&amp;1" /><setting value='v2' name='Second'/></settings>`;
    const target = authenticateEndpoint(endpoint({ authtype: 5, authvalue, url: "https://sync.example/hook" }));
    expect(target.headers).toEqual({ "x-api-key": "k&1", second: "v2" });
    expect(target.url).toBe("https://sync.example/hook");
    expect(target.secrets).toEqual(["k&1", "v2"]);
  });

  it("reads HttpQueryString settings into query parameters", () => {
    const authvalue = `<settings><setting name="Key1" value="Value 1" /><setting name="Key2" value="a=b" /></settings>`;
    const url = new URL(authenticateEndpoint(endpoint({ authtype: 6, authvalue })).url);
    expect([...url.searchParams]).toEqual([
      ["Key1", "Value 1"],
      ["Key2", "a=b"],
    ]);
  });

  it("refuses unusable registrations without repeating the auth value", () => {
    const secret = "do-not-echo-this";
    const cases = [
      endpoint({ authtype: 5, authvalue: `not xml ${secret}` }),
      endpoint({ authtype: 6, authvalue: `<settings><setting name="k" /></settings>${secret}` }),
      endpoint({ authtype: 5, authvalue: `<settings><setting name="bad name" value="${secret}" /></settings>` }),
      endpoint({ authtype: 2, authvalue: secret }),
      endpoint({ authvalue: null }),
      endpoint({ url: `not a url ${secret}` }),
    ];
    for (const registration of cases) {
      const error = thrownBy(() => authenticateEndpoint(registration));
      expect(error).toBeInstanceOf(WebhookConfigurationError);
      expect(error.message).toContain("pc-sync");
      expect(error.message).not.toContain(secret);
    }
  });

  it("accepts an empty settings list", () => {
    expect(parseAuthSettings("<settings />", "e")).toEqual([]);
    expect(parseAuthSettings(" <settings></settings> ", "e")).toEqual([]);
  });

  it("strips query strings from URLs for messages, and redacts every secret from text", () => {
    expect(urlWithoutQuery("https://h.example:8443/a/b?code=x#frag")).toBe("https://h.example:8443/a/b");
    expect(urlWithoutQuery("::")).toBe("(invalid URL)");
    expect(redactSecrets("key abc and abcdef", ["abc", "abcdef", ""])).toBe("key *** and ***");
  });
});
