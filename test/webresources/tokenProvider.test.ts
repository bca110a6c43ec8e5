// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import { msalTokenProvider } from "../../webresources/auth/msalTokenProvider";
import {
  TokenUnavailable,
  resolveTokenProvider,
  shareTokenProvider,
  type AuthHost,
  type TokenProvider,
} from "../../webresources/auth/tokenProvider";

/**
 * A same-origin frame, as the Unified Interface runs form scripts in one below the page that hosts the control,
 * and that page's window (jsdom's own window: vitest's `window` global is a different object).
 */
function scriptFrame(): { readonly frame: Window; readonly top: Window } {
  const element = document.createElement("iframe");
  document.body.appendChild(element);
  const frame = element.contentWindow;
  const top = frame?.top;
  if (frame === null || top === null || top === undefined) throw new Error("jsdom gave the frame no window");
  return { frame, top };
}

let page: Window | null = null;

const provider: TokenProvider = { getAccessToken: () => Promise.resolve("token-from-page") };

afterEach(() => {
  if (page !== null) delete page.CoSellBridgeAuth;
  document.body.innerHTML = "";
});

describe("token provider resolution", () => {
  it("shares a provider registered in the scripts' frame with the top window, where the control looks", async () => {
    const { frame, top } = scriptFrame();
    page = top;
    frame.CoSellBridgeAuth = provider;

    const resolved = resolveTokenProvider(frame, null);

    expect(await resolved.getAccessToken()).toBe("token-from-page");
    expect(top.CoSellBridgeAuth).toBe(provider);
  });

  it("uses a provider the page set on the top window (the local demo) from inside the frame", async () => {
    const { frame, top } = scriptFrame();
    page = top;
    top.CoSellBridgeAuth = provider;

    expect(await resolveTokenProvider(frame, null).getAccessToken()).toBe("token-from-page");
    expect(frame.CoSellBridgeAuth).toBe(provider);
  });

  it("never replaces a provider the top window already has", () => {
    const pageOwn: TokenProvider = { getAccessToken: () => Promise.resolve("page-own") };
    const { frame, top } = scriptFrame();
    page = top;
    top.CoSellBridgeAuth = pageOwn;

    shareTokenProvider(frame, provider);

    expect(top.CoSellBridgeAuth).toBe(pageOwn);
    expect(frame.CoSellBridgeAuth).toBe(provider);
  });

  it("keeps the provider local when the top window is another origin", async () => {
    const crossOrigin = {} as AuthHost;
    Object.defineProperty(crossOrigin, "CoSellBridgeAuth", {
      get: () => {
        throw new DOMException("Blocked a frame from accessing a cross-origin frame.", "SecurityError");
      },
    });
    const host: AuthHost = { CoSellBridgeAuth: provider, top: crossOrigin };

    expect(await resolveTokenProvider(host, null).getAccessToken()).toBe("token-from-page");
  });

  it("explains what an admin must set up when there is no provider and no sign-in library", async () => {
    const host: AuthHost = { top: null };

    await expect(resolveTokenProvider(host, "api://cosell-bridge/.default").getAccessToken()).rejects.toThrow(
      TokenUnavailable,
    );
    await expect(resolveTokenProvider(host, null).getAccessToken()).rejects.toThrow(/csb_SyncServiceScope is empty/);
  });
});

describe("the MSAL-style provider", () => {
  it("asks silently for the service's scope with the active account", async () => {
    const requests: unknown[] = [];
    const account = { username: "ana@contoso.example" };
    const provider = msalTokenProvider(
      {
        getActiveAccount: () => account,
        acquireTokenSilent: (request) => {
          requests.push(request);
          return Promise.resolve({ accessToken: "token-from-msal" });
        },
      },
      "api://cosell-bridge/user_impersonation",
    );

    expect(await provider.getAccessToken()).toBe("token-from-msal");
    expect(requests).toEqual([{ scopes: ["api://cosell-bridge/user_impersonation"], account }]);
  });

  it("fails clearly when MSAL needs interaction or returns no token", async () => {
    const needsInteraction = msalTokenProvider(
      { acquireTokenSilent: () => Promise.reject(new Error("interaction_required: AADSTS50058")) },
      "scope",
    );
    const empty = msalTokenProvider({ acquireTokenSilent: () => Promise.resolve({ accessToken: "" }) }, "scope");

    await expect(needsInteraction.getAccessToken()).rejects.toThrow("interaction_required");
    await expect(empty.getAccessToken()).rejects.toThrow("returned no access token");
  });
});
