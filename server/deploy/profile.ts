/**
 * An environment profile, `deploy/environments/<name>.json`: where the environment is (Dataverse URL, tenant, the
 * deploy identity's client id), the NAMES of the environment variables that hold its secrets, the service it talks
 * to, the solution's environment variable values, the smoke test's settings, and where results are recorded.
 * docs/admin-guide.md documents every key; deploy/environments/ has examples.
 */
import { readFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { httpsUrlParser } from "../config/urls";
import { parseGuid, type Parser, fail, ok } from "../config/values";
import { DeployError } from "./deployError";
import { readEnvironmentValues } from "./environmentValues";
import { isJsonObject, ProfileReader, type ProfileProblem } from "./profileReader";

export type PackageKind = "managed" | "unmanaged";

export interface DeployProfile {
  /** The profile's file name without .json, e.g. "staging". */
  readonly name: string;
  readonly file: string;
  readonly production: boolean;
  /** Production only: the environment whose passed run of the same version this deploy needs. */
  readonly stagedIn: string | null;
  readonly dataverse: {
    readonly url: string;
    readonly authority: string;
    readonly tenantId: string;
    readonly clientId: string;
    readonly clientSecretVariable: string;
  };
  readonly service: { readonly url: string; readonly webhookKeyVariable: string };
  readonly package: PackageKind;
  /** Schema name → value; csb_SyncEndpointUrl is always present (service.url unless set). */
  readonly environmentVariables: Readonly<Record<string, string>>;
  readonly smokeTest: {
    readonly currency: string;
    readonly country: string;
    readonly postalCode: string;
    readonly timeoutSeconds: number;
  };
  readonly importTimeoutMinutes: number;
  /** Absolute path of the deployment record. */
  readonly recordFile: string;
}

export const ENVIRONMENT_NAME = /^[a-z0-9][a-z0-9_-]{0,39}$/i;
const AZURE_AD_AUTHORITY = "https://login.microsoftonline.com";
const DEFAULT_RECORD_FILE = "../deployments.json";

const parseOriginUrl = httpsUrlParser({ shape: "origin" });
const parsePathUrl = httpsUrlParser({ shape: "path" });
const parseVariableName: Parser<string> = (text) =>
  /^[A-Za-z_][A-Za-z0-9_]*$/.test(text)
    ? ok(text)
    : fail("must be the NAME of an environment variable (letters, digits and _), not its value");
const parseEnvironmentName: Parser<string> = (text) =>
  ENVIRONMENT_NAME.test(text) ? ok(text) : fail("must be an environment name such as staging");
const parsePackage: Parser<PackageKind> = (text) =>
  text === "managed" || text === "unmanaged" ? ok(text) : fail('must be "managed" or "unmanaged"');
const pattern =
  (regex: RegExp, reason: string): Parser<string> =>
  (text) =>
    regex.test(text) ? ok(text) : fail(reason);

/** The profile file of an environment name. */
export function profilePath(environmentsDir: string, name: string): string {
  return resolve(environmentsDir, `${name}.json`);
}

/**
 * Reads and checks a profile. @throws DeployError profileMissing (no file) or profileInvalid (every problem listed).
 */
export function loadProfile(file: string): DeployProfile {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new DeployError("profileMissing", `There is no environment profile at ${file}.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DeployError("profileInvalid", `${file} is not valid JSON (${reason}).`);
  }
  const problems: ProfileProblem[] = [];
  const profile = isJsonObject(json) ? readProfile(new ProfileReader(json, "", problems), file) : null;
  if (!isJsonObject(json)) problems.push({ key: "(file)", message: "must hold one JSON object { ... }" });
  if (problems.length > 0 || profile === null) {
    const lines = problems.map((problem) => `  ${problem.key}: ${problem.message}`);
    throw new DeployError(
      "profileInvalid",
      `The profile ${file} has ${problems.length} problem(s):\n${lines.join("\n")}`,
    );
  }
  return profile;
}

function readProfile(root: ProfileReader, file: string): DeployProfile | null {
  const production = root.boolean("production", false);
  const stagedIn = root.text("stagedIn", parseEnvironmentName, "the staging environment's name", "staging");
  const dataverse = root.section("dataverse", true);
  const url = dataverse?.text("url", parseOriginUrl, "the organization URL, e.g. https://contoso.crm.dynamics.com");
  const authority = dataverse?.text("authority", parseOriginUrl, "the Azure AD host", AZURE_AD_AUTHORITY);
  const tenantId = dataverse?.text("tenantId", parseGuid, "the Directory (tenant) ID, a GUID");
  const clientId = dataverse?.text("clientId", parseGuid, "the deploy app registration's Application (client) ID");
  const clientSecretVariable = dataverse?.text(
    "clientSecretVariable",
    parseVariableName,
    "the name of the environment variable that holds the deploy app's client secret",
  );
  dataverse?.finish();
  const service = root.section("service", true);
  const serviceUrl = service?.text("url", parsePathUrl, "the sync service's public base URL (its PUBLIC_URL)");
  const webhookKeyVariable = service?.text(
    "webhookKeyVariable",
    parseVariableName,
    "the name of the environment variable that holds the service's DATAVERSE_WEBHOOK_KEY",
  );
  service?.finish();
  const packageKind = root.text("package", parsePackage, '"managed" or "unmanaged"', "managed");
  if (production && packageKind === "unmanaged") {
    root.problem("package", 'must be "managed" in production: production gets the managed solution, as an upgrade');
  }
  const environmentVariables = readEnvironmentValues(root, serviceUrl);
  const smoke = root.section("smokeTest", false);
  const smokeTest = {
    currency:
      smoke?.text("currency", pattern(/^[A-Z]{3}$/, "must be an ISO 4217 code such as USD"), "a currency", "USD") ??
      "USD",
    country:
      smoke?.text("country", pattern(/^[A-Z]{2}$/, "must be an ISO 3166 code such as US"), "a country", "US") ?? "US",
    postalCode:
      smoke?.text("postalCode", pattern(/^[A-Za-z0-9 -]{2,20}$/, "must be a postal code"), "a postal code", "98052") ??
      "98052",
    timeoutSeconds: smoke?.integer("timeoutSeconds", 10, 3600, 180) ?? 180,
  };
  smoke?.finish();
  const importTimeoutMinutes = root.integer("importTimeoutMinutes", 1, 720, 60);
  const recordFile = root.text("recordFile", (text) => ok(text), "a path relative to the profile", DEFAULT_RECORD_FILE);
  root.finish();
  if (
    url === undefined ||
    authority === undefined ||
    tenantId === undefined ||
    clientId === undefined ||
    clientSecretVariable === undefined ||
    serviceUrl === undefined ||
    webhookKeyVariable === undefined ||
    packageKind === undefined ||
    recordFile === undefined
  ) {
    return null;
  }
  return {
    name: basename(file).replace(/\.json$/i, ""),
    file,
    production,
    stagedIn: production ? (stagedIn ?? "staging") : null,
    dataverse: { url, authority, tenantId, clientId, clientSecretVariable },
    service: { url: serviceUrl, webhookKeyVariable },
    package: packageKind,
    environmentVariables,
    smokeTest,
    importTimeoutMinutes,
    recordFile: resolve(dirname(file), recordFile),
  };
}

/** The default folder of profiles, under the working directory. */
export function defaultEnvironmentsDir(cwd: string): string {
  return join(cwd, "deploy", "environments");
}
