/**
 * Where the bearer token for the sync service comes from. The page owns sign-in: in Dynamics an MSAL-style provider
 * (msalTokenProvider.ts), in the local demo the page sets `window.CoSellBridgeAuth` itself. The provider is shared
 * with the top window as well, because the Co-sell panel (the PCF control) runs there while form scripts run in
 * their own same-origin frame, and the control looks for `window.CoSellBridgeAuth.getAccessToken()`.
 */
import { isMsalLike, msalTokenProvider } from "./msalTokenProvider";

/** Gives a bearer token for the sync service's audience. */
export interface TokenProvider {
  getAccessToken(): Promise<string>;
}

/** The parts of a window that sign-in uses; a real `window` is one. */
export interface AuthHost {
  CoSellBridgeAuth?: TokenProvider | undefined;
  /** An MSAL-style client the page created (`acquireTokenSilent`), if any. */
  msal?: unknown;
  readonly top: AuthHost | null;
}

declare global {
  interface Window {
    CoSellBridgeAuth?: TokenProvider | undefined;
    msal?: unknown;
  }
}

/** Why there is no token; the message names what an admin has to set up. */
export class TokenUnavailable extends Error {
  override readonly name = "TokenUnavailable";
}

function isTokenProvider(value: unknown): value is TokenProvider {
  return typeof (value as Partial<TokenProvider> | null | undefined)?.getAccessToken === "function";
}

/**
 * The top window, or null when it is the same window or another origin. Reading a property of a cross-origin
 * window throws a SecurityError (the power-apps checker's avoid-window-top rule warns about exactly this), so every
 * access is guarded: outside the Dynamics web client the provider simply stays local.
 */
function sameOriginTop(host: AuthHost): { readonly window: AuthHost; readonly provider: unknown } | null {
  try {
    const top = host.top;
    if (top === null || top === host) return null;
    return { window: top, provider: top.CoSellBridgeAuth };
  } catch {
    return null;
  }
}

/** Makes `provider` visible to the control: on this window, and on the top window unless one is already there. */
export function shareTokenProvider(host: AuthHost, provider: TokenProvider): void {
  host.CoSellBridgeAuth ??= provider;
  const top = sameOriginTop(host);
  if (top !== null && !isTokenProvider(top.provider)) top.window.CoSellBridgeAuth = provider;
}

/**
 * The provider to use now: one the page registered (here or on the top window), else an MSAL-style one built from
 * `window.msal` and the service's scope (csb_SyncServiceScope), else one that explains what is missing.
 */
export function resolveTokenProvider(host: AuthHost, scope: string | null): TokenProvider {
  const registered = [host.CoSellBridgeAuth, sameOriginTop(host)?.provider].find(isTokenProvider);
  if (registered !== undefined) {
    shareTokenProvider(host, registered);
    return registered;
  }
  if (isMsalLike(host.msal) && scope !== null) {
    const provider = msalTokenProvider(host.msal, scope);
    shareTokenProvider(host, provider);
    return provider;
  }
  const missing =
    scope === null
      ? "the environment variable csb_SyncServiceScope is empty and the page registered no CoSellBridgeAuth"
      : "the page loaded no sign-in library (window.msal) and registered no CoSellBridgeAuth";
  return { getAccessToken: () => Promise.reject(new TokenUnavailable(missing)) };
}
