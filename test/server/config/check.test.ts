import { describe, expect, it } from "vitest";
import { allConfigKeys, configCheck } from "../../../server/config";
import { fakeSecrets, secretFragments, temporaryFile, validEnvironment } from "./environment";

describe("cosell-bridge config check", () => {
  it("exits 0 with 'Configuration is valid' and the description", () => {
    const result = configCheck({ env: validEnvironment(), argv: [], cwd: "/srv/cosell" });

    expect(result.exitCode).toBe(0);
    expect(result.output.split("\n").slice(0, 3)).toEqual([
      "✔ Configuration is valid",
      "",
      "Configuration file: none (environment variables and defaults only)",
    ]);
    expect(result.output).toContain("DATAVERSE_URL");
    for (const fragment of secretFragments()) expect(result.output).not.toContain(fragment);
  });

  it("exits 1 with one line per problem, their count and where the settings are documented", () => {
    const env = validEnvironment({
      DATAVERSE_URL: "http://contoso.crm.dynamics.com",
      PARTNER_CENTER_TENANT_ID: undefined,
      DATAVERSE_CLIENT_SECRET_FILE: temporaryFile("dv", fakeSecrets.dataverseClientSecret),
    });
    const result = configCheck({ env, argv: [] });

    expect(result.exitCode).toBe(1);
    expect(result.output.split("\n")).toEqual([
      "✖ DATAVERSE_URL: must use https (plain http is accepted only for localhost, *.localhost, 127.0.0.1 and [::1])." +
        " Expected the Dynamics 365 organization URL without a path, e.g. https://contoso.crm.dynamics.com.",
      "✖ DATAVERSE_CLIENT_SECRET: and DATAVERSE_CLIENT_SECRET_FILE are both set; keep only one of them.",
      "✖ PARTNER_CENTER_TENANT_ID: is not set." +
        " Expected the partner's Directory (tenant) ID, a GUID such as 00000000-0000-0000-0000-000000000000.",
      "",
      "3 problems found: the service would refuse to start.",
      "Set the documented environment variables (`cosell-bridge config check --help` lists them), then check again.",
    ]);
    for (const fragment of secretFragments()) expect(result.output).not.toContain(fragment);
  });

  it("says 'problem' for exactly one", () => {
    const result = configCheck({ env: validEnvironment({ QUEUE_CONCURRENCY: "many" }), argv: [] });

    expect(result.exitCode).toBe(1);
    expect(result.output).toContain("\n1 problem found: the service would refuse to start.\n");
  });

  it("reads the file given with --config, in both spellings", () => {
    const file = temporaryFile("cosell.json", JSON.stringify({ dataverse: { clientSecret: "in-the-file" } }));

    for (const argv of [["--config", file], [`--config=${file}`]]) {
      const result = configCheck({ env: validEnvironment(), argv });

      expect(result.exitCode).toBe(1);
      expect(result.output).toMatch(/^✖ file: dataverse\.clientSecret: is a secret/);
      expect(result.output).not.toContain("in-the-file");
    }
  });

  it("exits 1 with the usage for an unknown option or an empty --config", () => {
    const unknown = configCheck({ env: validEnvironment(), argv: ["--verbose"] });
    const empty = configCheck({ env: validEnvironment(), argv: ["--config="] });

    expect(unknown.exitCode).toBe(1);
    expect(unknown.output).toMatch(/^✖ Unknown option '--verbose'/);
    expect(unknown.output).toContain("Usage: cosell-bridge config check [--config <file>] [--help]");
    expect(empty.exitCode).toBe(1);
    expect(empty.output).toMatch(/^✖ --config needs the path of a JSON file\n/);
  });

  it("lists every setting with --help, without checking anything", () => {
    const result = configCheck({ env: {}, argv: ["--help"] });

    expect(result.exitCode).toBe(0);
    for (const key of allConfigKeys) expect(result.output).toMatch(new RegExp(`^  ${key}  \\(`, "m"));
    expect(result.output).toContain("  DATAVERSE_CLIENT_SECRET  (or DATAVERSE_CLIENT_SECRET_FILE; never in the file)");
    expect(result.output).toContain("  PORT  (file server.port)  default 3978");
  });
});
