import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig, type LoadConfigOptions } from "../../../server/config";
import { fakeSecrets, temporaryFile, validEnvironment } from "./environment";

const SECTIONS = "server, storage, dataverse, partnerCenter, formApi, sync, queue";

function writeConfigFile(content: unknown): string {
  return temporaryFile("cosell.json", typeof content === "string" ? content : JSON.stringify(content, null, 2));
}

function load(options: Partial<LoadConfigOptions> & { file?: string }) {
  return loadConfig({ env: options.env ?? validEnvironment(), cwd: "/srv/cosell", ...options });
}

function problemsOf(options: Partial<LoadConfigOptions> & { file?: string }) {
  const result = load(options);
  return result.ok ? [] : result.problems;
}

describe("the configuration file", () => {
  it("supplies settings by section, and records the file as their source", () => {
    const file = writeConfigFile({
      server: { port: 4000, logLevel: "debug" },
      partnerCenter: { certificateHosts: ["certs.contoso.example", "127.0.0.1:7071"], trustEmulatorCertificates: true },
      queue: { concurrency: "2" },
      sync: { reconcileMinutes: 5 },
    });
    const result = load({ file });

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.server.port).toBe(4000);
    expect(result.config.server.logLevel).toBe("debug");
    expect(result.config.partnerCenter.certificateHosts).toEqual(["certs.contoso.example", "127.0.0.1:7071"]);
    expect(result.config.partnerCenter.trustEmulatorCertificates).toBe(true);
    expect(result.config.queue.concurrency).toBe(2);
    expect(result.config.sync.reconcileIntervalMs).toBe(300_000);
    expect(result.config.sources.PORT).toBe("file");
    expect(result.config.configFile).toBe(file);
  });

  it("loses to the environment, setting by setting", () => {
    const file = writeConfigFile({
      server: { port: 4000, host: "127.0.0.1" },
      dataverse: { url: "https://file.example" },
    });
    const result = load({ file, env: validEnvironment({ PORT: "5000" }) });

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.server.port).toBe(5000);
    expect(result.config.sources.PORT).toBe("env");
    expect(result.config.server.host).toBe("127.0.0.1");
    expect(result.config.sources.HOST).toBe("file");
    expect(result.config.dataverse.url).toBe("https://contoso-fake.crm.dynamics.com");
  });

  it("can hold every required non-secret setting, leaving only secrets to the environment", () => {
    const env = validEnvironment();
    const file = writeConfigFile({
      server: { publicUrl: env.PUBLIC_URL },
      dataverse: { url: env.DATAVERSE_URL, tenantId: env.DATAVERSE_TENANT_ID, clientId: env.DATAVERSE_CLIENT_ID },
      partnerCenter: { tenantId: env.PARTNER_CENTER_TENANT_ID, clientId: env.PARTNER_CENTER_CLIENT_ID },
      formApi: { issuer: env.FORM_API_ISSUER, audience: env.FORM_API_AUDIENCE, jwksUrl: env.FORM_API_JWKS_URL },
    });
    const secretsOnly = Object.fromEntries(Object.entries(env).filter(([key]) => /SECRET|KEY|TOKEN/.test(key)));

    expect(load({ file, env: secretsOnly }).ok).toBe(true);
  });

  it("is found through CONFIG_FILE, and --config wins over it", () => {
    const fromVariable = writeConfigFile({ server: { port: 4001 } });
    const fromArgument = writeConfigFile({ server: { port: 4002 } });
    const env = validEnvironment({ CONFIG_FILE: fromVariable });

    const viaVariable = load({ env });
    const viaArgument = load({ env, file: fromArgument });

    expect(viaVariable.ok && viaVariable.config.server.port).toBe(4001);
    expect(viaArgument.ok && viaArgument.config.server.port).toBe(4002);
  });

  it("resolves a relative data folder against the file's folder", () => {
    const file = writeConfigFile({ storage: { dataDir: "state" } });
    const result = load({ file });

    expect(result.ok && result.config.storage).toEqual({
      kind: "pglite",
      dataDir: join(file, "..", "state"),
      schema: "cosell_bridge",
    });
  });

  it("treats null as unset", () => {
    const result = load({ file: writeConfigFile({ server: { port: null } }) });

    expect(result.ok && result.config.server.port).toBe(3978);
  });

  it("refuses secrets, telling the admin to use the environment or a *_FILE", () => {
    const file = writeConfigFile({
      dataverse: { clientSecret: fakeSecrets.dataverseClientSecret, webhookKey: fakeSecrets.dataverseWebhookKey },
      partnerCenter: { refreshToken: fakeSecrets.partnerCenterRefreshToken },
      storage: { databaseUrl: `postgres://u:${fakeSecrets.databasePassword}@db/cosell` },
    });
    const problems = problemsOf({ file });

    expect(problems).toEqual([
      {
        key: "file: dataverse.clientSecret",
        message:
          "is a secret, and secrets are not read from the configuration file. " +
          "Remove it and set DATAVERSE_CLIENT_SECRET or DATAVERSE_CLIENT_SECRET_FILE in the environment.",
      },
      {
        key: "file: dataverse.webhookKey",
        message:
          "is a secret, and secrets are not read from the configuration file. " +
          "Remove it and set DATAVERSE_WEBHOOK_KEY or DATAVERSE_WEBHOOK_KEY_FILE in the environment.",
      },
      {
        key: "file: partnerCenter.refreshToken",
        message:
          "is a secret, and secrets are not read from the configuration file. " +
          "Remove it and set PARTNER_CENTER_REFRESH_TOKEN or PARTNER_CENTER_REFRESH_TOKEN_FILE in the environment.",
      },
      {
        key: "file: storage.databaseUrl",
        message:
          "is a secret, and secrets are not read from the configuration file. " +
          "Remove it and set DATABASE_URL or DATABASE_URL_FILE in the environment.",
      },
    ]);
  });

  it("names unknown sections and keys by their path", () => {
    const file = writeConfigFile({ $schema: "./cosell.schema.json", server: { prot: 1 }, logging: { level: "info" } });

    expect(problemsOf({ file })).toEqual([
      {
        key: "file: server.prot",
        message: "is not a known setting. Known keys of server: port, host, publicUrl, logLevel.",
      },
      {
        key: "file: logging",
        message: `is not a known section. Sections: ${SECTIONS}.`,
      },
    ]);
  });

  it("names values of the wrong JSON type and invalid values by their path", () => {
    const file = writeConfigFile({ server: { port: "eighty", host: 127001 }, queue: { maxAttempts: [3] }, sync: "x" });

    expect(problemsOf({ file })).toEqual([
      {
        key: "file: server.host",
        message:
          "must be a JSON string. Expected the address to listen on, e.g. 0.0.0.0 (every interface) or 127.0.0.1.",
      },
      {
        key: "file: queue.maxAttempts",
        message:
          "must be a number or a string of digits. " +
          "Expected how many times a job is tried before it is marked failed, from 1 to 100, e.g. 8.",
      },
      { key: "file: sync", message: 'must be an object of settings, e.g. { "port": 3978 }.' },
      {
        key: "file: server.port",
        message:
          "must be a whole number written with digits only, from 0 to 65535. " +
          "Expected the TCP port to listen on, from 0 to 65535, e.g. 3978 (0 picks a free port).",
      },
    ]);
  });

  it("reports invalid JSON with the parser's reason and where, without quoting the text", () => {
    const file = writeConfigFile(
      `{\n  "server": {\n    "port": 3978\n    "host": "${fakeSecrets.dataverseClientSecret}"\n}`,
    );
    const [problem, ...others] = problemsOf({ file });

    expect(others).toEqual([]);
    expect(problem).toEqual({
      key: "--config",
      message: `${file} is not valid JSON: Expected ',' or '}' after property value at line 4, column 5.`,
    });
  });

  it("drops the text V8 quotes in some JSON errors, because it may hold a secret", () => {
    // Unquoted, V8 reads "fa" as the start of false, stops at "k" and quotes the text around it.
    const file = writeConfigFile(`{"refreshToken": ${fakeSecrets.partnerCenterRefreshToken}}`);
    const [problem] = problemsOf({ file });

    expect(problem?.key).toBe("--config");
    expect(problem?.message).toBe(`${file} is not valid JSON: Unexpected token 'k'.`);
  });

  it("reports a file that cannot be read under the variable that named it", () => {
    const env = validEnvironment({ CONFIG_FILE: "/nonexistent/cosell.json" });

    expect(problemsOf({ env })).toEqual([
      {
        key: "CONFIG_FILE",
        message:
          "cannot read the configuration file: ENOENT: no such file or directory, open '/nonexistent/cosell.json'.",
      },
    ]);
  });

  it("requires a JSON object at the top", () => {
    const file = writeConfigFile("[1, 2]");

    expect(problemsOf({ file })).toEqual([
      {
        key: "--config",
        message: `${file} must hold a JSON object with sections ${SECTIONS}.`,
      },
    ]);
  });
});
