import { describe, expect, it } from "vitest";
import { panelSettingsOf, resolveSyncEndpoint } from "../../../controls/CoSellPanel/model/settings";
import { pollDelayOf } from "../../../controls/CoSellPanel/model/polling";

describe("the environment variables as settings", () => {
  it("uses the defaults for variables that aren't defined", () => {
    const settings = panelSettingsOf({});
    expect(settings).toMatchObject({ syncEndpointUrl: null, showCheckmark: true, syncCoSellOnly: false });
    expect(settings.mapping.ok).toBe(true);
  });

  it("reads Yes/No values in any spelling, and the mapping settings", () => {
    const settings = panelSettingsOf({
      csb_ShowCheckmark: "No",
      csb_SyncCoSellOnly: "true",
      csb_SyncEndpointUrl: " https://cosell.contoso.example ",
      csb_DealValueField: "csb_netvalue",
    });
    expect(settings).toMatchObject({
      syncEndpointUrl: "https://cosell.contoso.example",
      showCheckmark: false,
      syncCoSellOnly: true,
    });
    expect(settings.mapping.ok && settings.mapping.mapping.dealValue.column).toBe("csb_netvalue");
  });

  it("falls back to the default for a flag it can't read, and reports a bad mapping", () => {
    const settings = panelSettingsOf({ csb_ShowCheckmark: "maybe", csb_CountryField: "Country Field!" });
    expect(settings.showCheckmark).toBe(true);
    expect(settings.mapping).toEqual({ ok: false, errors: [expect.stringContaining("csb_CountryField")] });
  });
});

describe("the sync service's address", () => {
  it("prefers the control's input over the environment variable and drops trailing slashes", () => {
    expect(resolveSyncEndpoint("https://test.example/cosell/", "https://prod.example")).toEqual({
      kind: "ok",
      baseUrl: "https://test.example/cosell",
    });
    expect(resolveSyncEndpoint("  ", "https://prod.example")).toEqual({ kind: "ok", baseUrl: "https://prod.example" });
    expect(resolveSyncEndpoint(null, null)).toEqual({ kind: "none" });
  });

  it("accepts plain http only on this machine, since the call carries the user's token", () => {
    expect(resolveSyncEndpoint("http://127.0.0.1:7071", null)).toEqual({
      kind: "ok",
      baseUrl: "http://127.0.0.1:7071",
    });
    expect(resolveSyncEndpoint("http://localhost:7071/", null)).toEqual({
      kind: "ok",
      baseUrl: "http://localhost:7071",
    });
    for (const bad of [
      "http://cosell.example",
      "ftp://cosell.example",
      "cosell.example",
      "https://u:p@cosell.example",
      "https://cosell.example/?x=1",
    ]) {
      expect(resolveSyncEndpoint(bad, null), bad).toEqual({ kind: "invalid", url: bad });
    }
  });
});

describe("the polling backoff", () => {
  it("waits longer each time and then repeats the last wait", () => {
    const delays = [2_000, 4_000, 8_000];
    expect([0, 1, 2, 3, 10].map((attempt) => pollDelayOf(delays, attempt))).toEqual([
      2_000, 4_000, 8_000, 8_000, 8_000,
    ]);
    expect(pollDelayOf(delays, -1)).toBe(2_000);
  });
});
