import { describe, expect, it } from "vitest";
import { describeConfig, loadConfig, type Config } from "../../../server/config";
import { fakeSecrets, secretFragments, temporaryFile, validEnvironment } from "./environment";

function configFrom(env: Record<string, string | undefined>, file?: string): Config {
  const result = loadConfig({ env, cwd: "/srv/cosell", ...(file === undefined ? {} : { file }) });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.config;
}

/** The line describing `key`, with its run of padding collapsed. */
function lineOf(text: string, key: string): string | undefined {
  return text
    .split("\n")
    .find((line) => line.trimStart().startsWith(`${key} `))
    ?.trim()
    .replace(/\s{2,}/g, "  ");
}

describe("describeConfig", () => {
  it("never shows a secret nor its last four characters, wherever the secret came from", () => {
    const databaseUrl = `postgres://cosell:${fakeSecrets.databasePassword}@db.internal:5432/cosell`;
    const fromEnvironment = describeConfig(configFrom(validEnvironment({ DATABASE_URL: databaseUrl })));
    const fromFiles = describeConfig(
      configFrom(
        validEnvironment({
          DATAVERSE_CLIENT_SECRET: undefined,
          DATAVERSE_CLIENT_SECRET_FILE: temporaryFile("dv", fakeSecrets.dataverseClientSecret),
          DATABASE_URL_FILE: temporaryFile("db", databaseUrl),
        }),
      ),
    );

    for (const text of [fromEnvironment, fromFiles]) {
      for (const fragment of secretFragments()) expect(text).not.toContain(fragment);
      expect(text).not.toContain("cosell:");
    }
    expect(lineOf(fromEnvironment, "DATAVERSE_CLIENT_SECRET")).toBe("DATAVERSE_CLIENT_SECRET  set  (env)");
    expect(lineOf(fromFiles, "DATAVERSE_CLIENT_SECRET")).toBe(
      "DATAVERSE_CLIENT_SECRET  set  (DATAVERSE_CLIENT_SECRET_FILE)",
    );
    expect(lineOf(fromEnvironment, "DATABASE_URL")).toBe(
      "DATABASE_URL  set, PostgreSQL at db.internal:5432/cosell  (env)",
    );
    expect(lineOf(fromEnvironment, "DATA_DIR")).toBe(
      "DATA_DIR  not used (DATABASE_URL is set, so PostgreSQL is used)  (default)",
    );
  });

  it("groups settings by section, in a fixed order", () => {
    const text = describeConfig(configFrom(validEnvironment()));
    const headings = text.split("\n").filter((line) => line !== "" && !line.startsWith(" "));

    expect(headings).toEqual([
      "Configuration file: none (environment variables and defaults only)",
      "Server",
      "Storage",
      "Dataverse",
      "Partner Center",
      "Form API",
      "Sync",
      "Queue",
    ]);
    expect(text.indexOf("DATAVERSE_URL")).toBeGreaterThan(text.indexOf("Dataverse"));
    expect(text.indexOf("DATAVERSE_URL")).toBeLessThan(text.indexOf("Partner Center"));
  });

  it("says where each value came from: env, file, default, or not set", () => {
    const file = temporaryFile("cosell.json", JSON.stringify({ queue: { concurrency: 6 } }));
    const text = describeConfig(configFrom(validEnvironment({ PORT: "8080" }), file));

    expect(text.split("\n")[0]).toBe(`Configuration file: ${file}`);
    expect(lineOf(text, "PORT")).toBe("PORT  8080  (env)");
    expect(lineOf(text, "QUEUE_CONCURRENCY")).toBe("QUEUE_CONCURRENCY  6  (file queue.concurrency)");
    expect(lineOf(text, "QUEUE_MAX_ATTEMPTS")).toBe("QUEUE_MAX_ATTEMPTS  8  (default)");
    expect(lineOf(text, "SYNC_RECONCILE_MINUTES")).toBe("SYNC_RECONCILE_MINUTES  15 min  (default)");
    expect(lineOf(text, "CORS_ORIGINS")).toBe(
      "CORS_ORIGINS  https://contoso-fake.crm.dynamics.com  (default: the origin of DATAVERSE_URL)",
    );
    expect(lineOf(text, "REFERRAL_LINK_TEMPLATE")).toBe("REFERRAL_LINK_TEMPLATE  not set");
  });

  it("warns on the line of the emulator certificate relaxation", () => {
    const text = describeConfig(configFrom(validEnvironment({ PARTNER_CENTER_TRUST_EMULATOR_CERTIFICATES: "true" })));

    expect(lineOf(text, "PARTNER_CENTER_TRUST_EMULATOR_CERTIFICATES")).toBe(
      "PARTNER_CENTER_TRUST_EMULATOR_CERTIFICATES  " +
        "true (certificate chain and issuer checks are OFF: emulator use only)  (env)",
    );
  });
});
