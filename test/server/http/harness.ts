/**
 * The HTTP app as the tests run it: built by buildHttpApp with test configuration and recording services, listening
 * for real on an ephemeral port of 127.0.0.1, called with fetch.
 */
import type { FastifyInstance } from "fastify";
import { expect } from "vitest";
import type { AddressInfo } from "node:net";
import { Secret } from "../../../server/config/secret";
import { buildHttpApp, type HttpAppOptions, type HttpConfig } from "../../../server/http";
import { createServiceMetrics, type ServiceMetrics } from "../../../server/metrics";
import { WEBHOOK_KEY } from "../../support/dataverseWebhookFixtures";
import { fakeServices } from "./fakeServices";
import { ADMIN_ROLE, AUDIENCE, ISSUER } from "./tokens";

/** The Dynamics origin CORS admits. */
export const DYNAMICS_ORIGIN = "https://contoso.crm.dynamics.com";
/** The service's integration user: its changes are echoes. */
export const INTEGRATION_USER_ID = "9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d";
export const OPPORTUNITY_ID = "6d81597f-0f9f-e711-8122-000d3aa2331c";

/** Test configuration; the JWKS URL comes from the test issuer. */
export function testConfig(
  jwksUrl: string,
  changes: { readonly certificateHosts?: readonly string[] } = {},
): HttpConfig {
  return {
    server: { port: 0, host: "127.0.0.1", publicUrl: "https://cosell.contoso.example", logLevel: "silent" },
    dataverse: {
      url: "https://contoso.crm.dynamics.com",
      tenantId: "0a0a0a0a-0000-4000-8000-00000000d001",
      clientId: "0a0a0a0a-0000-4000-8000-00000000d002",
      clientSecret: new Secret("fake-dataverse-client-secret"),
      authority: "https://login.microsoftonline.com",
      webhookKey: new Secret(WEBHOOK_KEY),
    },
    partnerCenter: {
      apiUrl: "https://api.partner.microsoft.com",
      webhooksApiUrl: "https://api.partnercenter.microsoft.com",
      tenantId: "0a0a0a0a-0000-4000-8000-00000000c001",
      clientId: "0a0a0a0a-0000-4000-8000-00000000c002",
      clientSecret: new Secret("fake-partner-center-secret"),
      refreshToken: new Secret("fake.refresh.token"),
      authority: "https://login.microsoftonline.com",
      certificateHosts: changes.certificateHosts ?? ["127.0.0.1"],
      trustEmulatorCertificates: true,
    },
    formApi: { issuer: ISSUER, audience: AUDIENCE, jwksUrl, adminRole: ADMIN_ROLE, corsOrigins: [DYNAMICS_ORIGIN] },
  };
}

/** A listening app and what it was built with. */
export interface RunningApp {
  readonly app: FastifyInstance;
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly services: ReturnType<typeof fakeServices>;
  readonly metrics: ServiceMetrics;
  close(): Promise<void>;
}

/** What a test may change; everything else has test defaults (no logging, recording services). */
export type AppChanges = Partial<Omit<HttpAppOptions, "services" | "metrics" | "config">> & {
  readonly config?: HttpConfig;
};

/** Builds and starts the app on port 0. */
export async function startApp(jwksUrl: string, changes: AppChanges = {}): Promise<RunningApp> {
  const services = fakeServices([INTEGRATION_USER_ID]);
  const metrics = createServiceMetrics({
    queueDepth: async () => {
      const depth = await services.operations.depth();
      return { queued: depth.queued, running: depth.running, retrying: depth.retrying, failed: depth.failed };
    },
  });
  const app = await buildHttpApp({
    logging: false,
    ...changes,
    config: changes.config ?? testConfig(jwksUrl),
    services,
    metrics,
  });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const { port } = app.server.address() as AddressInfo;
  return { app, url: `http://127.0.0.1:${port}`, services, metrics, close: () => app.close() };
}

/** The JSON body of a response, typed loosely for assertions. */
export async function jsonOf(response: Response): Promise<Record<string, unknown>> {
  return (await response.json()) as Record<string, unknown>;
}

/** The common error body with any message and what-to-do. */
export function errorBody(code: string): unknown {
  const anyString: unknown = expect.any(String);
  return { error: { code, message: anyString, whatToDo: anyString } };
}

/** Matchers typed as unknown, so they can sit inside expected objects. */
export const anyNumber: unknown = expect.any(Number);
export function matching(pattern: RegExp): unknown {
  return expect.stringMatching(pattern);
}
export function containing(text: string): unknown {
  return expect.stringContaining(text);
}
