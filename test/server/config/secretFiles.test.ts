import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../../server/config";
import { fakeSecrets, temporaryFile, temporaryFolder, validEnvironment } from "./environment";

function load(overrides: Record<string, string | undefined>, cwd = "/srv/cosell") {
  return loadConfig({ env: validEnvironment(overrides), cwd });
}

describe("secrets read from the file named by *_FILE", () => {
  it("reads each secret from its file, without the trailing newline editors add", () => {
    const result = load({
      DATAVERSE_CLIENT_SECRET: undefined,
      DATAVERSE_CLIENT_SECRET_FILE: temporaryFile("dataverse", `${fakeSecrets.dataverseClientSecret}\n`),
      DATAVERSE_WEBHOOK_KEY: undefined,
      DATAVERSE_WEBHOOK_KEY_FILE: temporaryFile("webhook", `${fakeSecrets.dataverseWebhookKey}\r\n`),
      PARTNER_CENTER_CLIENT_SECRET: undefined,
      PARTNER_CENTER_CLIENT_SECRET_FILE: temporaryFile("pc", fakeSecrets.partnerCenterClientSecret),
      PARTNER_CENTER_REFRESH_TOKEN: undefined,
      PARTNER_CENTER_REFRESH_TOKEN_FILE: temporaryFile("refresh", `${fakeSecrets.partnerCenterRefreshToken}\n\n`),
      DATABASE_URL_FILE: temporaryFile("db", `postgres://cosell:${fakeSecrets.databasePassword}@db.internal/cosell\n`),
    });

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.dataverse.clientSecret.reveal()).toBe(fakeSecrets.dataverseClientSecret);
    expect(result.config.dataverse.webhookKey.reveal()).toBe(fakeSecrets.dataverseWebhookKey);
    expect(result.config.partnerCenter.clientSecret.reveal()).toBe(fakeSecrets.partnerCenterClientSecret);
    expect(result.config.partnerCenter.refreshToken.reveal()).toBe(fakeSecrets.partnerCenterRefreshToken);
    expect(result.config.storage).toMatchObject({ kind: "postgres", location: "db.internal/cosell" });
    expect(result.config.sources.DATAVERSE_CLIENT_SECRET).toBe("env-file");
  });

  it("resolves a relative path against the working folder", () => {
    const folder = temporaryFolder();
    writeFileSync(join(folder, "dataverse.secret"), fakeSecrets.dataverseClientSecret);
    const result = load(
      { DATAVERSE_CLIENT_SECRET: undefined, DATAVERSE_CLIENT_SECRET_FILE: "dataverse.secret" },
      folder,
    );

    expect(result.ok && result.config.dataverse.clientSecret.reveal()).toBe(fakeSecrets.dataverseClientSecret);
  });

  it("refuses a secret set both directly and through *_FILE, once, without a missing-value echo", () => {
    const path = temporaryFile("pc", fakeSecrets.partnerCenterClientSecret);
    const result = load({ PARTNER_CENTER_CLIENT_SECRET_FILE: path });

    expect(result.ok ? [] : result.problems).toEqual([
      {
        key: "PARTNER_CENTER_CLIENT_SECRET",
        message: "and PARTNER_CENTER_CLIENT_SECRET_FILE are both set; keep only one of them.",
      },
    ]);
  });

  it("names the *_FILE variable when the file is missing or empty", () => {
    const empty = temporaryFile("empty", "\n");
    const result = load({
      DATAVERSE_CLIENT_SECRET: undefined,
      DATAVERSE_CLIENT_SECRET_FILE: "/nonexistent/dataverse.secret",
      PARTNER_CENTER_REFRESH_TOKEN: undefined,
      PARTNER_CENTER_REFRESH_TOKEN_FILE: empty,
    });

    expect(result.ok ? [] : result.problems).toEqual([
      {
        key: "DATAVERSE_CLIENT_SECRET_FILE",
        message:
          "cannot read the secret file: ENOENT: no such file or directory, open '/nonexistent/dataverse.secret'.",
      },
      {
        key: "PARTNER_CENTER_REFRESH_TOKEN_FILE",
        message:
          "names an empty file. Expected a refresh token of a Referrals admin user, " +
          "in PARTNER_CENTER_REFRESH_TOKEN or PARTNER_CENTER_REFRESH_TOKEN_FILE.",
      },
    ]);
  });

  it("validates a secret from a file like one from the environment, naming the *_FILE variable", () => {
    const short = temporaryFile("webhook", "0123456789abcdef\n");
    const result = load({ DATAVERSE_WEBHOOK_KEY: undefined, DATAVERSE_WEBHOOK_KEY_FILE: short });

    expect(result.ok ? [] : result.problems).toEqual([
      {
        key: "DATAVERSE_WEBHOOK_KEY_FILE",
        message:
          "must be at least 32 characters long. Expected the WebhookKey of the Dataverse service endpoint, at least " +
          "32 characters without spaces (e.g. the output of `openssl rand -hex 32`).",
      },
    ]);
  });
});
