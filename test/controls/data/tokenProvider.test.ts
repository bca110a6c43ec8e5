import { describe, expect, it } from "vitest";
import { findTokenProvider } from "../../../controls/CoSellPanel/data/tokenProvider";

describe("the page's token provider", () => {
  it("uses window.CoSellBridgeAuth.getAccessToken, called on the provider", async () => {
    const provider = {
      token: "abc",
      getAccessToken(this: { token: string }) {
        return Promise.resolve(this.token);
      },
    };
    await expect(findTokenProvider({ CoSellBridgeAuth: provider })?.getAccessToken()).resolves.toBe("abc");
  });

  it("accepts a provider that answers at once, and rejects one that gives no string", async () => {
    await expect(
      findTokenProvider({ CoSellBridgeAuth: { getAccessToken: () => "now" } })?.getAccessToken(),
    ).resolves.toBe("now");
    await expect(
      findTokenProvider({ CoSellBridgeAuth: { getAccessToken: () => Promise.resolve(undefined) } })?.getAccessToken(),
    ).rejects.toThrow(/did not give a string/);
  });

  it("finds none when the page registered none or something else", () => {
    for (const scope of [
      {},
      { CoSellBridgeAuth: null },
      { CoSellBridgeAuth: { getAccessToken: "x" } },
      null,
      "window",
    ]) {
      expect(findTokenProvider(scope)).toBeNull();
    }
  });
});
