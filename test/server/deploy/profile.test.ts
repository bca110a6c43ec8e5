/**
 * Environment profiles: the examples in deploy/environments load as they are, and a bad profile is refused with one
 * line per bad, missing or unknown key, naming the key and what it must hold, never quoting the value (a secret may
 * have been pasted into the wrong key).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DeployError, loadProfile } from "../../../server/deploy";

const examples = resolve(__dirname, "../../../deploy/environments");
const folder = mkdtempSync(join(tmpdir(), "cosell-profiles-"));
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

const valid = {
  dataverse: {
    url: "https://contoso-test.crm.dynamics.com",
    tenantId: "11111111-2222-4333-8444-555555555555",
    clientId: "66666666-7777-4888-8999-aaaaaaaaaaaa",
    clientSecretVariable: "TEST_DEPLOY_SECRET",
  },
  service: { url: "https://cosell-test.contoso.com", webhookKeyVariable: "TEST_WEBHOOK_KEY" },
};

function load(name: string, profile: unknown): ReturnType<typeof loadProfile> {
  const file = join(folder, `${name}.json`);
  writeFileSync(file, typeof profile === "string" ? profile : JSON.stringify(profile));
  return loadProfile(file);
}

function problemsOf(profile: unknown): string[] {
  try {
    load("bad", profile);
  } catch (error) {
    if (!(error instanceof DeployError)) throw error;
    expect(error.code).toBe("profileInvalid");
    return error.message
      .split("\n")
      .slice(1)
      .map((line) => line.trim());
  }
  throw new Error("the profile was accepted");
}

describe("environment profiles", () => {
  it("loads the examples: staging, and production staged in staging with the managed zip", () => {
    const staging = loadProfile(join(examples, "staging.json"));
    const production = loadProfile(join(examples, "production.json"));
    expect(staging).toMatchObject({ name: "staging", production: false, stagedIn: null, package: "managed" });
    expect(production).toMatchObject({ name: "production", production: true, stagedIn: "staging", package: "managed" });
    expect(production.recordFile).toBe(resolve(examples, "..", "deployments.json"));
    expect(production.environmentVariables.csb_SyncEndpointUrl).toBe("https://cosell-bridge.contoso.com");
  });

  it("fills in the defaults of a minimal profile", () => {
    const profile = load("minimal", valid);
    expect(profile).toMatchObject({
      name: "minimal",
      production: false,
      package: "managed",
      dataverse: { authority: "https://login.microsoftonline.com" },
      smokeTest: { currency: "USD", country: "US", timeoutSeconds: 180 },
      importTimeoutMinutes: 60,
      environmentVariables: { csb_SyncEndpointUrl: "https://cosell-test.contoso.com" },
    });
  });

  it("names every bad key with what it must hold, without quoting values", () => {
    const problems = problemsOf({
      production: "yes",
      dataverse: {
        url: "http://contoso.crm.dynamics.com/main.aspx",
        tenantId: "contoso",
        clientSecretVariable: "abc 123",
      },
      service: { url: "https://cosell.contoso.com" },
      package: "zip",
      environmentVariables: {
        csb_ShowCheckmark: "true",
        csb_Unknown: "x",
        csb_SyncEndpointUrl: "ftp://cosell",
        csb_FieldMapping: "{ not json",
      },
      smokeTest: { currency: "dollars", timeoutSeconds: 5 },
      colour: "blue",
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        "production: must be true or false (without quotes)",
        expect.stringMatching(/^dataverse\.url: must use https/),
        expect.stringMatching(/^dataverse\.tenantId: must be a GUID/),
        expect.stringMatching(/^dataverse\.clientId: is missing: give the deploy app registration's/),
        expect.stringMatching(/^dataverse\.clientSecretVariable: must be the NAME of an environment variable/),
        expect.stringMatching(/^service\.webhookKeyVariable: is missing/),
        expect.stringMatching(/^package: must be "managed" or "unmanaged"/),
        'environmentVariables.csb_ShowCheckmark: must be "yes" or "no" (a Yes/No variable)',
        expect.stringMatching(/^environmentVariables\.csb_Unknown: is not an environment variable of the solution/),
        expect.stringMatching(/^environmentVariables\.csb_SyncEndpointUrl: must start with https:\/\//),
        expect.stringMatching(/^environmentVariables\.csb_FieldMapping: /),
        expect.stringMatching(/^smokeTest\.currency: must be an ISO 4217 code/),
        "smokeTest.timeoutSeconds: must be a whole number from 10 to 3600",
        expect.stringMatching(/^colour: is not a profile key/),
      ]),
    );
    expect(problems).toHaveLength(14);
    expect(problems.join("\n")).not.toContain("abc 123");
  });

  it("turns a secret put in the profile into advice to use a variable", () => {
    const problems = problemsOf({ ...valid, dataverse: { ...valid.dataverse, clientSecret: "s3cr3t-value" } });
    expect(problems).toEqual([
      expect.stringMatching(/^dataverse\.clientSecret: is not a profile key\. Secrets never go in a profile/),
    ]);
    expect(problems[0]).not.toContain("s3cr3t-value");
  });

  it("refuses an unmanaged package in production", () => {
    expect(problemsOf({ ...valid, production: true, package: "unmanaged" })).toEqual([
      expect.stringMatching(/^package: must be "managed" in production/),
    ]);
  });

  it("says when the file is missing or not JSON", () => {
    expect(() => loadProfile(join(folder, "nowhere.json"))).toThrow(
      expect.objectContaining({ code: "profileMissing" }) as Error,
    );
    expect(() => load("broken", "{ production: true")).toThrow(
      expect.objectContaining({
        code: "profileInvalid",
        message: expect.stringContaining("is not valid JSON") as string,
      }) as Error,
    );
  });
});
