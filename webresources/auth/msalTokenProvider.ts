/**
 * A token provider over an MSAL-style client (MSAL.js `PublicClientApplication`): silent acquisition for the
 * service's scope with the signed-in account. The MSAL library itself is not bundled (it is several times the size
 * of these scripts); the page or an admin-supplied web resource creates the client and exposes it as `window.msal`.
 */
import type { TokenProvider } from "./tokenProvider";

/** The part of MSAL.js this provider calls. */
export interface MsalLike {
  acquireTokenSilent(request: { scopes: string[]; account?: unknown }): PromiseLike<{ accessToken: string }>;
  getActiveAccount?(): unknown;
  getAllAccounts?(): readonly unknown[];
}

export function isMsalLike(value: unknown): value is MsalLike {
  return typeof (value as Partial<MsalLike> | null | undefined)?.acquireTokenSilent === "function";
}

export function msalTokenProvider(msal: MsalLike, scope: string): TokenProvider {
  return {
    async getAccessToken() {
      // MSAL needs an account for silent calls; the Dynamics user is signed in, so the first known one is theirs.
      const account = msal.getActiveAccount?.() ?? msal.getAllAccounts?.()[0] ?? null;
      const request = account === null ? { scopes: [scope] } : { scopes: [scope], account };
      const { accessToken } = await msal.acquireTokenSilent(request);
      if (typeof accessToken !== "string" || accessToken === "") {
        throw new Error("the sign-in library returned no access token");
      }
      return accessToken;
    },
  };
}
