/**
 * A complete, valid environment for the sync service with obviously fake values, and distinctive secrets whose
 * every fragment (the whole value, its last four characters) can be searched for in output that must not show them.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach } from "vitest";

/** Fake secrets, each ending in four characters found nowhere else in the configuration. */
export const fakeSecrets = {
  dataverseClientSecret: "fake-dataverse-client-secret~DVCS-qJ7w",
  dataverseWebhookKey: "fake-webhook-key-0123456789abcdef-WHK-xR4m",
  partnerCenterClientSecret: "fake-partner-center-secret~PCCS-vN2k",
  partnerCenterRefreshToken: "fake.refresh.token.PCRT-zT9p",
  databasePassword: "fake-db-password-DBPW-hG5y",
} as const;

/** The fake tenant and client ids (all GUIDs are invented). */
export const fakeIds = {
  dataverseTenant: "0a0a0a0a-0000-4000-8000-00000000d001",
  dataverseClient: "0a0a0a0a-0000-4000-8000-00000000d002",
  partnerCenterTenant: "0a0a0a0a-0000-4000-8000-00000000c001",
  partnerCenterClient: "0a0a0a0a-0000-4000-8000-00000000c002",
} as const;

/** Every required variable set to a valid fake; nothing that has a default. */
export function validEnvironment(
  overrides: Record<string, string | undefined> = {},
): Record<string, string | undefined> {
  return {
    PUBLIC_URL: "https://cosell.contoso.example",
    DATAVERSE_URL: "https://contoso-fake.crm.dynamics.com",
    DATAVERSE_TENANT_ID: fakeIds.dataverseTenant,
    DATAVERSE_CLIENT_ID: fakeIds.dataverseClient,
    DATAVERSE_CLIENT_SECRET: fakeSecrets.dataverseClientSecret,
    DATAVERSE_WEBHOOK_KEY: fakeSecrets.dataverseWebhookKey,
    PARTNER_CENTER_TENANT_ID: fakeIds.partnerCenterTenant,
    PARTNER_CENTER_CLIENT_ID: fakeIds.partnerCenterClient,
    PARTNER_CENTER_CLIENT_SECRET: fakeSecrets.partnerCenterClientSecret,
    PARTNER_CENTER_REFRESH_TOKEN: fakeSecrets.partnerCenterRefreshToken,
    FORM_API_ISSUER: `https://login.microsoftonline.com/${fakeIds.dataverseTenant}/v2.0`,
    FORM_API_AUDIENCE: "api://0a0a0a0a-0000-4000-8000-00000000f001",
    FORM_API_JWKS_URL: `https://login.microsoftonline.com/${fakeIds.dataverseTenant}/discovery/v2.0/keys`,
    ...overrides,
  };
}

/** Every string a secret could leak as: the value and its last four characters. */
export function secretFragments(): string[] {
  return Object.values(fakeSecrets).flatMap((secret) => [secret, secret.slice(-4)]);
}

const folders: string[] = [];

/** A fresh temporary folder, removed after the test. */
export function temporaryFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), "cosell-config-"));
  folders.push(folder);
  return folder;
}

/** Writes `content` to `name` in a fresh temporary folder and returns the file's path. */
export function temporaryFile(name: string, content: string): string {
  const path = join(temporaryFolder(), name);
  writeFileSync(path, content);
  return path;
}

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});
