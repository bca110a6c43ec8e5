/**
 * window.CoSellBridgeAuth for the host page: the seller's token for the sync service, fetched from the host's token
 * endpoint (in Dynamics the solution's web resources register an MSAL-based provider with the same shape).
 */
import { HOST_ROUTES, type SyncToken } from "../shared/hostConfig";

/** Hand out a cached token only while it has at least this long left. */
const MINIMUM_SECONDS_LEFT = 60;

export function registerSyncAuth(): void {
  let cached: SyncToken | undefined;
  window.CoSellBridgeAuth = {
    async getAccessToken() {
      if (cached !== undefined && cached.expiresOn - MINIMUM_SECONDS_LEFT > Date.now() / 1000) {
        return cached.accessToken;
      }
      const response = await fetch(HOST_ROUTES.syncToken, { cache: "no-store" });
      if (!response.ok) {
        throw new Error(`Signing in to the sync service failed (${response.status}): ${await response.text()}`);
      }
      cached = (await response.json()) as SyncToken;
      return cached.accessToken;
    },
  };
}
