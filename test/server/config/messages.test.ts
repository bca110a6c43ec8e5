/**
 * The exact message for each missing and each invalid setting: what an admin reads in the log or in `config check`.
 * Every message names its key, says what is wrong and what a valid value looks like, and never repeats the value.
 */
import { describe, expect, it } from "vitest";
import { allConfigKeys, loadConfig } from "../../../server/config";
import { validEnvironment } from "./environment";

const GUID_EXAMPLE = "a GUID such as 00000000-0000-0000-0000-000000000000";
const HTTPS_ONLY = "must use https (plain http is accepted only for localhost, *.localhost, 127.0.0.1 and [::1])";
const NOT_GUID = "must be a GUID in the form 8-4-4-4-12 hexadecimal digits";
const AUTHORITY =
  "the Azure AD sign-in host without a path (the tenant id is added), e.g. https://login.microsoftonline.com";

const expectations = {
  PUBLIC_URL:
    "the service's external https base URL, which webhooks are registered under, e.g. https://cosell.contoso.com",
  DATAVERSE_URL: "the Dynamics 365 organization URL without a path, e.g. https://contoso.crm.dynamics.com",
  DATAVERSE_TENANT_ID: `the Directory (tenant) ID of the Dataverse organization, ${GUID_EXAMPLE}`,
  DATAVERSE_CLIENT_ID: `the Application (client) ID of the application user's app, ${GUID_EXAMPLE}`,
  DATAVERSE_CLIENT_SECRET:
    "a client secret of the Dataverse app registration, in DATAVERSE_CLIENT_SECRET or DATAVERSE_CLIENT_SECRET_FILE",
  DATAVERSE_WEBHOOK_KEY:
    "the WebhookKey of the Dataverse service endpoint, at least 32 characters without spaces " +
    "(e.g. the output of `openssl rand -hex 32`)",
  PARTNER_CENTER_TENANT_ID: `the partner's Directory (tenant) ID, ${GUID_EXAMPLE}`,
  PARTNER_CENTER_CLIENT_ID: `the Application (client) ID of the Partner Center app, ${GUID_EXAMPLE}`,
  PARTNER_CENTER_CLIENT_SECRET:
    "a client secret of the Partner Center app, in PARTNER_CENTER_CLIENT_SECRET or PARTNER_CENTER_CLIENT_SECRET_FILE",
  PARTNER_CENTER_REFRESH_TOKEN:
    "a refresh token of a Referrals admin user, in PARTNER_CENTER_REFRESH_TOKEN or PARTNER_CENTER_REFRESH_TOKEN_FILE",
  FORM_API_ISSUER: "the `iss` claim of the form's tokens, e.g. https://login.microsoftonline.com/<tenant-id>/v2.0",
  FORM_API_AUDIENCE: "the `aud` claim of the form's tokens, e.g. api://<client-id> of the service's app registration",
  FORM_API_JWKS_URL:
    "the issuer's signing keys, e.g. https://login.microsoftonline.com/<tenant-id>/discovery/v2.0/keys",
} as const;

function problemsFor(overrides: Record<string, string | undefined>) {
  const result = loadConfig({ env: validEnvironment(overrides), cwd: "/srv/cosell" });
  return result.ok ? [] : result.problems;
}

describe("a missing required setting", () => {
  it.each(Object.entries(expectations))("names %s and says what to set", (key, expected) => {
    expect(problemsFor({ [key]: undefined })).toEqual([{ key, message: `is not set. Expected ${expected}.` }]);
  });
});

/** [key, invalid value, reason] — the message is `${reason}. Expected ${what a valid value is}.` */
const invalidCases: readonly (readonly [string, string, string, string])[] = [
  [
    "PORT",
    "80a",
    "must be a whole number written with digits only, from 0 to 65535",
    "the TCP port to listen on, from 0 to 65535, e.g. 3978 (0 picks a free port)",
  ],
  [
    "PORT",
    "70000",
    "must be from 0 to 65535",
    "the TCP port to listen on, from 0 to 65535, e.g. 3978 (0 picks a free port)",
  ],
  [
    "HOST",
    "http://0.0.0.0",
    "must be an IP address or a host name, without a scheme or a port",
    "the address to listen on, e.g. 0.0.0.0 (every interface) or 127.0.0.1",
  ],
  [
    "PUBLIC_URL",
    "cosell.contoso.example",
    "is not an absolute URL: it must start with https://",
    expectations.PUBLIC_URL,
  ],
  ["PUBLIC_URL", "http://cosell.contoso.example", HTTPS_ONLY, expectations.PUBLIC_URL],
  [
    "LOG_LEVEL",
    "verbose",
    "must be one of trace, debug, info, warn, error, fatal, silent",
    "how much the service logs, e.g. info (or debug while investigating)",
  ],
  [
    "DATABASE_URL",
    "mysql://cosell:pw@db.internal/cosell",
    "must be a PostgreSQL URL starting with postgres:// or postgresql://",
    "a PostgreSQL URL such as postgres://cosell:<password>@db.internal:5432/cosell (unset: embedded PGlite)",
  ],
  [
    "FORM_API_ISSUER",
    "https://login.microsoftonline.com/t/v2.0#x",
    "must not have a query or fragment",
    expectations.FORM_API_ISSUER,
  ],
  [
    "FORM_API_AUDIENCE",
    "api://my app",
    "must not contain spaces or non-ASCII characters",
    expectations.FORM_API_AUDIENCE,
  ],
  ["FORM_API_JWKS_URL", "ftp://keys.contoso.example/jwks", "must start with https://", expectations.FORM_API_JWKS_URL],
  [
    "CORS_ORIGINS",
    "https://contoso.crm.dynamics.com, https://contoso.crm.dynamics.com/main.aspx",
    "item 2 must not have a path: give only the scheme, the host and an optional port",
    "comma-separated https origins of the Dynamics organization, e.g. https://contoso.crm.dynamics.com",
  ],
  [
    "CORS_ORIGINS",
    "*",
    "item 1 must name the Dynamics origins; * would admit every site",
    "comma-separated https origins of the Dynamics organization, e.g. https://contoso.crm.dynamics.com",
  ],
  [
    "SYNC_RECONCILE_MINUTES",
    "0",
    "must be from 1 min to 24 h",
    "minutes between two catch-up reconciliations, from 1 to 1440, e.g. 15 (or with a unit: 90s, 2h)",
  ],
  [
    "SYNC_RECONCILE_MINUTES",
    "2d",
    "must be a whole number of minutes, or a whole number with a unit: ms, s, m or h",
    "minutes between two catch-up reconciliations, from 1 to 1440, e.g. 15 (or with a unit: 90s, 2h)",
  ],
  [
    "REFERRAL_LINK_TEMPLATE",
    "https://links.contoso.example/referrals/{id}",
    "must contain {referralId}",
    "an https URL containing {referralId}, e.g. https://links.contoso.com/referrals/{referralId}",
  ],
  [
    "REFERRAL_LINK_TEMPLATE",
    "https://links.contoso.example/{referralId}/{tab}",
    "has a placeholder other than {referralId}, the only one that is replaced",
    "an https URL containing {referralId}, e.g. https://links.contoso.com/referrals/{referralId}",
  ],
  [
    "QUEUE_MAX_ATTEMPTS",
    "0",
    "must be from 1 to 100",
    "how many times a job is tried before it is marked failed, from 1 to 100, e.g. 8",
  ],
  [
    "QUEUE_CONCURRENCY",
    "1.5",
    "must be a whole number written with digits only, from 1 to 100",
    "how many jobs this process runs at once, from 1 to 100, e.g. 4",
  ],
  [
    "DATABASE_SCHEMA",
    "Cosell-Bridge",
    "must be 1 to 45 lower-case letters, digits or underscores, starting with a letter or an underscore",
    "the schema that holds the service's state (the queue adds <schema>_boss), e.g. cosell_bridge; every command " +
      "of one service must use the same one",
  ],
  [
    "QUEUE_RETRY_BASE",
    "50ms",
    "must be from 100 ms to 10 min",
    "the first retry delay (doubled per attempt, with jitter), from 100ms to 10m, e.g. 2 (seconds) or 500ms",
  ],
  [
    "QUEUE_RETRY_MAX",
    "2d",
    "must be a whole number of minutes, or a whole number with a unit: ms, s, m or h",
    "the longest delay between two retries, from 1s to 24h, e.g. 10 (minutes)",
  ],
  [
    "QUEUE_JOB_TIMEOUT",
    "2h",
    "must be from 1 s to 1 h",
    "how long a job may run before another worker takes it over (after a crash), from 1s to 1h, e.g. 120 (seconds)",
  ],
  [
    "FORM_API_ADMIN_ROLE",
    "Co Sell Admin",
    "must not contain spaces or non-ASCII characters",
    "the app role (`roles` claim) a token needs for the admin API, e.g. CoSellBridge.Admin",
  ],
  [
    "DATAVERSE_URL",
    "https://contoso.crm.dynamics.com/main.aspx",
    "must not have a path: give only the scheme, the host and an optional port",
    expectations.DATAVERSE_URL,
  ],
  ["DATAVERSE_TENANT_ID", "contoso.onmicrosoft.com", NOT_GUID, expectations.DATAVERSE_TENANT_ID],
  ["DATAVERSE_CLIENT_ID", "{0a0a0a0a-0000-4000-8000-00000000d002}", NOT_GUID, expectations.DATAVERSE_CLIENT_ID],
  [
    "DATAVERSE_CLIENT_SECRET",
    "secret with spaces",
    "must not contain spaces or line breaks",
    expectations.DATAVERSE_CLIENT_SECRET,
  ],
  [
    "DATAVERSE_AUTHORITY",
    "https://login.microsoftonline.com/contoso.onmicrosoft.com",
    "must not have a path: give only the scheme, the host and an optional port",
    AUTHORITY,
  ],
  [
    "DATAVERSE_WEBHOOK_KEY",
    "only-31-characters-long-abcdefg",
    "must be at least 32 characters long",
    expectations.DATAVERSE_WEBHOOK_KEY,
  ],
  [
    "PARTNER_CENTER_API_URL",
    "https://user:pass@api.partner.microsoft.com",
    "must not contain a user name or password",
    "the Referrals API host without a path, e.g. https://api.partner.microsoft.com",
  ],
  [
    "PARTNER_CENTER_WEBHOOKS_API_URL",
    "https://api.partnercenter.microsoft.com?x=1",
    "must not have a query or fragment",
    "the webhook registration API host without a path, e.g. https://api.partnercenter.microsoft.com",
  ],
  ["PARTNER_CENTER_TENANT_ID", "not-a-guid", NOT_GUID, expectations.PARTNER_CENTER_TENANT_ID],
  ["PARTNER_CENTER_CLIENT_ID", "0a0a0a0a00004000800000000000c002", NOT_GUID, expectations.PARTNER_CENTER_CLIENT_ID],
  [
    "PARTNER_CENTER_CLIENT_SECRET",
    "first-line\nsecond-line",
    "must not contain spaces or line breaks",
    expectations.PARTNER_CENTER_CLIENT_SECRET,
  ],
  [
    "PARTNER_CENTER_REFRESH_TOKEN",
    " leading-space-token",
    "must not contain spaces or line breaks",
    expectations.PARTNER_CENTER_REFRESH_TOKEN,
  ],
  ["PARTNER_CENTER_AUTHORITY", "http://login.microsoftonline.com", HTTPS_ONLY, AUTHORITY],
  [
    "PARTNER_CENTER_CERTIFICATE_HOSTS",
    "https://3psostorageacct.blob.core.windows.net/cert",
    "item 1 must be a host name such as example.com, not a URL",
    "comma-separated hosts webhook signing certificates may come from, e.g. 3psostorageacct.blob.core.windows.net",
  ],
  [
    "PARTNER_CENTER_TRUST_EMULATOR_CERTIFICATES",
    "maybe",
    "must be true or false (1/0 and yes/no are accepted too)",
    "true only with the local Partner Center emulator (skips the certificate chain and issuer checks)",
  ],
];

describe("an invalid setting", () => {
  it.each(invalidCases)("names %s (%j), says why and what is valid", (key, value, reason, expected) => {
    const problems = problemsFor({ [key]: value });

    expect(problems).toEqual([{ key, message: `${reason}. Expected ${expected}.` }]);
  });

  // Values shorter than 6 characters ("0", "*") occur in the explanations by chance ("from 1 to 100").
  const quotableCases = invalidCases.filter(([, value]) => value.length >= 6);
  it.each(quotableCases)("does not repeat the value given to %s (%j)", (key, value) => {
    const [problem] = problemsFor({ [key]: value });

    expect(problem?.message).not.toContain(value.trim());
  });

  it("covers every setting that can be invalid", () => {
    // Any text is a valid DATA_DIR: only NUL is refused, which no real environment can hold.
    const covered = new Set([...invalidCases.map(([key]) => key), "DATA_DIR"]);

    expect([...covered].sort()).toEqual([...allConfigKeys].sort());
  });
});
