/**
 * An access token kept until shortly before it expires, fetched by one caller at a time: callers that arrive while a
 * fetch is under way wait for that same fetch instead of starting their own.
 */
import type { IssuedToken } from "./tokenEndpoint";

/** What an API client needs from a token source. */
export interface AccessTokenSource {
  getToken(): Promise<string>;
  /**
   * Says the API refused `token` (401). The next getToken() fetches a new one, unless the cache already holds a
   * newer token than the refused one (another caller refreshed first), so concurrent 401s cause one refresh.
   */
  invalidate(token: string): void;
}

export interface CachedTokenOptions {
  readonly now?: () => number;
  /** Renew this long before expiry; default 2 minutes, at most a tenth of the token's lifetime. */
  readonly marginMs?: number;
}

const DEFAULT_MARGIN_MS = 120_000;

export class CachedToken implements AccessTokenSource {
  private current: { readonly token: string; readonly renewAt: number } | undefined;
  private pending: Promise<string> | undefined;
  private readonly now: () => number;
  private readonly marginMs: number;

  constructor(
    private readonly fetchToken: () => Promise<IssuedToken>,
    options: CachedTokenOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.marginMs = options.marginMs ?? DEFAULT_MARGIN_MS;
  }

  getToken(): Promise<string> {
    if (this.current !== undefined && this.now() < this.current.renewAt) return Promise.resolve(this.current.token);
    this.pending ??= this.refresh().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  invalidate(token: string): void {
    if (this.current?.token === token) this.current = undefined;
  }

  private async refresh(): Promise<string> {
    const started = this.now();
    const issued = await this.fetchToken();
    const lifetimeMs = issued.expiresInSeconds * 1000;
    const margin = Math.min(this.marginMs, lifetimeMs / 10);
    // Counted from before the request, so a slow token endpoint can't make us keep a token past its expiry.
    this.current = { token: issued.accessToken, renewAt: started + lifetimeMs - margin };
    return issued.accessToken;
  }
}
