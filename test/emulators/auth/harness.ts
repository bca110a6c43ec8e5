import {
  createTokenIssuer,
  registerTokenRoutes,
  type TokenIssuer,
  type TokenIssuerOptions,
} from "../../../emulators/auth";
import { type PipelineOptions, type RunningServer, Router } from "../../../emulators/http";
import { ManualClock } from "../../../emulators/shared/clock";
import { seededIds } from "../../../emulators/shared/ids";
import { useServers } from "../http/harness";

export const TENANT_ID = "4f1c2a9e-6b1d-4c7e-9a55-0d2f8c3b7e10";
export const PARTNER_CENTER = "https://api.partner.microsoft.com";
export const DATAVERSE = "https://contoso.crm.dynamics.com";
export const APP = {
  clientId: "dataverse-sync-app",
  clientSecret: "app-secret~Q8x.Zr2pLm",
  kind: "application",
} as const;
export const DELEGATED = {
  clientId: "partner-center-sync",
  clientSecret: "pc-secret~V7k.Jw4nTy",
  kind: "delegated",
} as const;
export const ADMIN = {
  oid: "0b6f3f52-4d0e-4a2a-b6a1-2f0c5f1b9d33",
  upn: "referrals.admin@contoso.com",
  name: "Referrals Admin",
};
export const INITIAL_REFRESH_TOKEN = "rt-initial-admin";

/** An issuer behind a real server, with a ManualClock and the clients and user above. */
export interface IssuerFixture {
  readonly server: RunningServer;
  readonly issuer: TokenIssuer;
  readonly clock: ManualClock;
  /** POSTs a form to the token endpoint of `tenant` (the fixture's tenant by default). */
  readonly token: (
    form: Record<string, string>,
    headers?: Record<string, string>,
    tenant?: string,
  ) => Promise<TokenCall>;
}

export interface TokenCall {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly body: Record<string, unknown>;
}

/** Registers the fixture's servers for closing after each test of the calling file. */
export function useIssuers(): (
  options?: Partial<TokenIssuerOptions>,
  pipeline?: (issuer: TokenIssuer, router: Router) => PipelineOptions,
) => Promise<IssuerFixture> {
  const start = useServers();
  return async (options = {}, pipeline = (_issuer, router) => ({ router })) => {
    const clock = new ManualClock("2026-03-02T09:00:00Z");
    const issuer = await createTokenIssuer({
      tenantId: TENANT_ID,
      clients: [APP, DELEGATED],
      refreshTokens: [{ token: INITIAL_REFRESH_TOKEN, clientId: DELEGATED.clientId, user: ADMIN }],
      clock,
      ids: seededIds("auth-tests"),
      ...options,
    });
    const router = registerTokenRoutes(new Router(), issuer);
    const server = await start(pipeline(issuer, router));
    issuer.setBaseUrl(server.url);
    const token = async (form: Record<string, string>, headers: Record<string, string> = {}, tenant = TENANT_ID) => {
      const response = await fetch(`${server.url}/${tenant}/oauth2/v2.0/token`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
        body: new URLSearchParams(form).toString(),
      });
      const text = await response.text();
      return {
        status: response.status,
        headers: response.headers,
        text,
        body: JSON.parse(text) as Record<string, unknown>,
      };
    };
    return { server, issuer, clock, token };
  };
}
