import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { loadConfig, type Config, type ConfigProblem } from "../../../server/config";
import { fakeIds, fakeSecrets, secretFragments, validEnvironment } from "./environment";

function validConfig(env: Record<string, string | undefined>, cwd = "/srv/cosell"): Config {
  const result = loadConfig({ env, cwd });
  if (!result.ok) throw new Error(`expected a valid configuration, got ${JSON.stringify(result.problems)}`);
  return result.config;
}

function problemsOf(env: Record<string, string | undefined>): readonly ConfigProblem[] {
  const result = loadConfig({ env, cwd: "/srv/cosell" });
  if (result.ok) throw new Error("expected problems, got a valid configuration");
  return result.problems;
}

describe("loadConfig with a complete environment", () => {
  it("reads every required setting and applies the documented defaults", () => {
    const config = validConfig(validEnvironment());

    expect(config.server).toEqual({
      port: 3978,
      host: "0.0.0.0",
      publicUrl: "https://cosell.contoso.example",
      logLevel: "info",
    });
    expect(config.storage).toEqual({ kind: "pglite", dataDir: "/srv/cosell/.data", schema: "cosell_bridge" });
    expect(config.dataverse).toMatchObject({
      url: "https://contoso-fake.crm.dynamics.com",
      tenantId: fakeIds.dataverseTenant,
      clientId: fakeIds.dataverseClient,
      authority: "https://login.microsoftonline.com",
    });
    expect(config.partnerCenter).toMatchObject({
      apiUrl: "https://api.partner.microsoft.com",
      webhooksApiUrl: "https://api.partnercenter.microsoft.com",
      authority: "https://login.microsoftonline.com",
      certificateHosts: ["3psostorageacct.blob.core.windows.net"],
      trustEmulatorCertificates: false,
    });
    expect(config.formApi.corsOrigins).toEqual(["https://contoso-fake.crm.dynamics.com"]);
    expect(config.sync).toEqual({ reconcileIntervalMs: 15 * 60_000 });
    expect(config.queue).toEqual({
      maxAttempts: 8,
      concurrency: 4,
      retryBaseMs: 2_000,
      retryMaxMs: 600_000,
      jobTimeoutMs: 120_000,
    });
    expect(config.formApi.adminRole).toBe("CoSellBridge.Admin");
    expect(config.configFile).toBeUndefined();
  });

  it("hands the secrets over only through reveal()", () => {
    const config = validConfig(validEnvironment());

    expect(config.dataverse.clientSecret.reveal()).toBe(fakeSecrets.dataverseClientSecret);
    expect(config.dataverse.webhookKey.reveal()).toBe(fakeSecrets.dataverseWebhookKey);
    expect(config.partnerCenter.clientSecret.reveal()).toBe(fakeSecrets.partnerCenterClientSecret);
    expect(config.partnerCenter.refreshToken.reveal()).toBe(fakeSecrets.partnerCenterRefreshToken);
    const printed = [JSON.stringify(config), inspect(config, { depth: null }), String(config.dataverse.clientSecret)];
    for (const text of printed) {
      for (const fragment of secretFragments()) expect(text).not.toContain(fragment);
    }
  });

  it("records where each value came from", () => {
    const config = validConfig(validEnvironment({ PORT: "8080" }));

    expect(config.sources.PORT).toBe("env");
    expect(config.sources.HOST).toBe("default");
    expect(config.sources.DATAVERSE_CLIENT_SECRET).toBe("env");
    expect(config.sources.CORS_ORIGINS).toBe("default");
    expect(config.sources.DATABASE_URL).toBeUndefined();
  });

  it("is frozen all the way down", () => {
    const config = validConfig(validEnvironment());

    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.server)).toBe(true);
    expect(Object.isFrozen(config.partnerCenter.certificateHosts)).toBe(true);
    expect(() => {
      (config.server as { port: number }).port = 1;
    }).toThrow(TypeError);
  });

  it("normalizes URLs, GUIDs and lists so that callers can compare and append", () => {
    const config = validConfig(
      validEnvironment({
        PUBLIC_URL: "https://cosell.contoso.example/bridge/",
        DATAVERSE_URL: "https://Contoso-Fake.crm.dynamics.com/",
        DATAVERSE_TENANT_ID: fakeIds.dataverseTenant.toUpperCase(),
        CORS_ORIGINS:
          " https://contoso-fake.crm.dynamics.com , https://contoso-fake.crm.dynamics.com,https://x.example ",
        PARTNER_CENTER_CERTIFICATE_HOSTS: "3PSOSTORAGEACCT.blob.core.windows.net, 127.0.0.1:7071",
        FORM_API_ISSUER: "https://sts.windows.net/0a0a0a0a-0000-4000-8000-00000000d001/",
      }),
    );

    expect(config.server.publicUrl).toBe("https://cosell.contoso.example/bridge");
    expect(config.dataverse.url).toBe("https://contoso-fake.crm.dynamics.com");
    expect(config.dataverse.tenantId).toBe(fakeIds.dataverseTenant);
    expect(config.formApi.corsOrigins).toEqual(["https://contoso-fake.crm.dynamics.com", "https://x.example"]);
    expect(config.partnerCenter.certificateHosts).toEqual(["3psostorageacct.blob.core.windows.net", "127.0.0.1:7071"]);
    // The issuer is compared with the token's `iss` verbatim: its trailing slash must survive.
    expect(config.formApi.issuer).toBe("https://sts.windows.net/0a0a0a0a-0000-4000-8000-00000000d001/");
  });

  it("accepts plain http for the local emulators on loopback hosts", () => {
    const config = validConfig(
      validEnvironment({
        DATAVERSE_URL: "http://127.0.0.1:7072",
        PARTNER_CENTER_API_URL: "http://localhost:7071",
        PARTNER_CENTER_AUTHORITY: "http://[::1]:7071",
        FORM_API_JWKS_URL: "http://contoso-dev.crm.dynamics.localhost:7072/tenant/discovery/v2.0/keys",
        PARTNER_CENTER_TRUST_EMULATOR_CERTIFICATES: "yes",
      }),
    );

    expect(config.dataverse.url).toBe("http://127.0.0.1:7072");
    expect(config.partnerCenter.authority).toBe("http://[::1]:7071");
    expect(config.partnerCenter.trustEmulatorCertificates).toBe(true);
  });

  it("uses PostgreSQL when DATABASE_URL is set, logging only its location", () => {
    const url = `postgres://cosell:${fakeSecrets.databasePassword}@db.internal:5432/cosell?sslmode=require`;
    const config = validConfig(validEnvironment({ DATABASE_URL: url }));

    expect(config.storage.kind).toBe("postgres");
    if (config.storage.kind !== "postgres") return;
    expect(config.storage.databaseUrl.reveal()).toBe(url);
    expect(config.storage.location).toBe("db.internal:5432/cosell");
  });

  it("reads durations with a unit and keeps an optional link template", () => {
    const template = "https://links.contoso.example/referrals/{referralId}?from=dynamics";
    const config = validConfig(validEnvironment({ SYNC_RECONCILE_MINUTES: "2h", REFERRAL_LINK_TEMPLATE: template }));

    expect(config.sync).toEqual({ reconcileIntervalMs: 7_200_000, referralLinkTemplate: template });
  });

  it("treats blank variables as unset, as an empty line of an .env file means", () => {
    const config = validConfig(validEnvironment({ PORT: "  ", CORS_ORIGINS: "" }));

    expect(config.server.port).toBe(3978);
    expect(config.sources.PORT).toBe("default");
  });
});

describe("loadConfig refusals that involve the environment", () => {
  it("refuses the emulator certificate relaxation when NODE_ENV=production", () => {
    const problems = problemsOf(
      validEnvironment({ NODE_ENV: "production", PARTNER_CENTER_TRUST_EMULATOR_CERTIFICATES: "true" }),
    );

    expect(problems).toEqual([
      {
        key: "PARTNER_CENTER_TRUST_EMULATOR_CERTIFICATES",
        message:
          "must not be true when NODE_ENV=production: it skips the certificate chain and Microsoft issuer checks of " +
          "Partner Center webhook signatures, which only the local emulator needs. Remove it or set it to false.",
      },
    ]);
  });

  it("allows the relaxation outside production and an explicit false in production", () => {
    const development = validEnvironment({ NODE_ENV: "development", PARTNER_CENTER_TRUST_EMULATOR_CERTIFICATES: "1" });
    const production = validEnvironment({ NODE_ENV: "production", PARTNER_CENTER_TRUST_EMULATOR_CERTIFICATES: "no" });

    expect(validConfig(development).partnerCenter.trustEmulatorCertificates).toBe(true);
    expect(validConfig(production).partnerCenter.trustEmulatorCertificates).toBe(false);
  });

  it("reports several problems at once, in the order of the sections", () => {
    const problems = problemsOf(
      validEnvironment({
        PORT: "http",
        DATAVERSE_URL: undefined,
        DATAVERSE_WEBHOOK_KEY: "too-short",
        QUEUE_CONCURRENCY: "0",
      }),
    );

    expect(problems.map((problem) => problem.key)).toEqual([
      "PORT",
      "DATAVERSE_URL",
      "DATAVERSE_WEBHOOK_KEY",
      "QUEUE_CONCURRENCY",
    ]);
  });

  it("reports every required setting of an empty environment", () => {
    expect(problemsOf({}).map((problem) => problem.key)).toEqual([
      "PUBLIC_URL",
      "DATAVERSE_URL",
      "DATAVERSE_TENANT_ID",
      "DATAVERSE_CLIENT_ID",
      "DATAVERSE_CLIENT_SECRET",
      "DATAVERSE_WEBHOOK_KEY",
      "PARTNER_CENTER_TENANT_ID",
      "PARTNER_CENTER_CLIENT_ID",
      "PARTNER_CENTER_CLIENT_SECRET",
      "PARTNER_CENTER_REFRESH_TOKEN",
      "FORM_API_ISSUER",
      "FORM_API_AUDIENCE",
      "FORM_API_JWKS_URL",
    ]);
  });
});
