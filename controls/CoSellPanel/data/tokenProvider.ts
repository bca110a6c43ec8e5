/**
 * The sync service's bearer token comes from a provider the page registers as `window.CoSellBridgeAuth` (in
 * Dynamics the form's web resources register an MSAL-based one; the demo page registers one backed by the
 * emulator). It is looked up on every call, because the form's scripts may register it after the control starts.
 */

export interface AccessTokenProvider {
  getAccessToken(): Promise<string>;
}

/** The provider registered on `scope` (the window), or null when the page has none. */
export function findTokenProvider(scope: unknown): AccessTokenProvider | null {
  if (typeof scope !== "object" || scope === null) return null;
  const candidate = (scope as { CoSellBridgeAuth?: unknown }).CoSellBridgeAuth;
  if (typeof candidate !== "object" || candidate === null) return null;
  const getAccessToken = (candidate as { getAccessToken?: unknown }).getAccessToken;
  if (typeof getAccessToken !== "function") return null;
  return {
    getAccessToken: () =>
      Promise.resolve(getAccessToken.call(candidate) as unknown).then((token) => {
        if (typeof token !== "string") throw new TypeError("CoSellBridgeAuth.getAccessToken() did not give a string.");
        return token;
      }),
  };
}
