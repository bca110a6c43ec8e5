/**
 * Settings of the two systems the service connects: Dataverse (client credentials of an application user, and the
 * key its webhooks carry) and Partner Center (delegated refresh token, webhook signature checks). Sources:
 * shared/DESIGN.md "Authentication" and shared/reference/partner-center.md §1.1 and §2.3–2.4.
 */
import { defineKey, type KeySpec } from "./keySpec";
import { httpsUrlParser } from "./urls";
import { listParser, parseBoolean, parseGuid, parseHostWithPort, secretParser, type Parser } from "./values";

const AZURE_AD_AUTHORITY = "https://login.microsoftonline.com";
/** The storage host of the signing certificate in the documented webhook request (partner-center.md §2.3). */
const MICROSOFT_CERTIFICATE_HOST = "3psostorageacct.blob.core.windows.net";
/** Long enough that it cannot be guessed, short enough to generate with `openssl rand -hex 16`. */
const MIN_WEBHOOK_KEY_LENGTH = 32;

const parseOriginUrl = httpsUrlParser({ shape: "origin" });

function guidKey(section: "dataverse" | "partnerCenter", fileKey: string, what: string): KeySpec<string> {
  return defineKey({
    section,
    fileKey,
    fileType: "text",
    parse: parseGuid,
    required: true,
    expected: `${what}, a GUID such as 00000000-0000-0000-0000-000000000000`,
  });
}

function secretKey<T>(section: "dataverse" | "partnerCenter", fileKey: string, parse: Parser<T>, expected: string) {
  return defineKey({ section, fileKey, fileType: "text", parse, secret: true, required: true, expected });
}

/** Settings under "dataverse" and "partnerCenter", in the order describeConfig shows them. */
export const connectionKeys = {
  DATAVERSE_URL: defineKey({
    section: "dataverse",
    fileKey: "url",
    fileType: "text",
    parse: parseOriginUrl,
    required: true,
    expected: "the Dynamics 365 organization URL without a path, e.g. https://contoso.crm.dynamics.com",
  }),
  DATAVERSE_TENANT_ID: guidKey("dataverse", "tenantId", "the Directory (tenant) ID of the Dataverse organization"),
  DATAVERSE_CLIENT_ID: guidKey("dataverse", "clientId", "the Application (client) ID of the application user's app"),
  DATAVERSE_CLIENT_SECRET: secretKey(
    "dataverse",
    "clientSecret",
    secretParser(),
    "a client secret of the Dataverse app registration, in DATAVERSE_CLIENT_SECRET or DATAVERSE_CLIENT_SECRET_FILE",
  ),
  DATAVERSE_AUTHORITY: defineKey({
    section: "dataverse",
    fileKey: "authority",
    fileType: "text",
    parse: parseOriginUrl,
    defaultValue: AZURE_AD_AUTHORITY,
    expected: `the Azure AD sign-in host without a path (the tenant id is added), e.g. ${AZURE_AD_AUTHORITY}`,
  }),
  DATAVERSE_WEBHOOK_KEY: secretKey(
    "dataverse",
    "webhookKey",
    secretParser(MIN_WEBHOOK_KEY_LENGTH),
    `the WebhookKey of the Dataverse service endpoint, at least ${MIN_WEBHOOK_KEY_LENGTH} characters without spaces ` +
      "(e.g. the output of `openssl rand -hex 32`)",
  ),
  PARTNER_CENTER_API_URL: defineKey({
    section: "partnerCenter",
    fileKey: "apiUrl",
    fileType: "text",
    parse: parseOriginUrl,
    defaultValue: "https://api.partner.microsoft.com",
    expected: "the Referrals API host without a path, e.g. https://api.partner.microsoft.com",
  }),
  PARTNER_CENTER_WEBHOOKS_API_URL: defineKey({
    section: "partnerCenter",
    fileKey: "webhooksApiUrl",
    fileType: "text",
    parse: parseOriginUrl,
    defaultValue: "https://api.partnercenter.microsoft.com",
    expected: "the webhook registration API host without a path, e.g. https://api.partnercenter.microsoft.com",
  }),
  PARTNER_CENTER_TENANT_ID: guidKey("partnerCenter", "tenantId", "the partner's Directory (tenant) ID"),
  PARTNER_CENTER_CLIENT_ID: guidKey(
    "partnerCenter",
    "clientId",
    "the Application (client) ID of the Partner Center app",
  ),
  PARTNER_CENTER_CLIENT_SECRET: secretKey(
    "partnerCenter",
    "clientSecret",
    secretParser(),
    "a client secret of the Partner Center app, in PARTNER_CENTER_CLIENT_SECRET or PARTNER_CENTER_CLIENT_SECRET_FILE",
  ),
  PARTNER_CENTER_REFRESH_TOKEN: secretKey(
    "partnerCenter",
    "refreshToken",
    secretParser(),
    "a refresh token of a Referrals admin user, in PARTNER_CENTER_REFRESH_TOKEN or PARTNER_CENTER_REFRESH_TOKEN_FILE",
  ),
  PARTNER_CENTER_AUTHORITY: defineKey({
    section: "partnerCenter",
    fileKey: "authority",
    fileType: "text",
    parse: parseOriginUrl,
    defaultValue: AZURE_AD_AUTHORITY,
    expected: `the Azure AD sign-in host without a path (the tenant id is added), e.g. ${AZURE_AD_AUTHORITY}`,
  }),
  PARTNER_CENTER_CERTIFICATE_HOSTS: defineKey({
    section: "partnerCenter",
    fileKey: "certificateHosts",
    fileType: "list",
    parse: listParser(parseHostWithPort),
    defaultValue: MICROSOFT_CERTIFICATE_HOST,
    expected: `comma-separated hosts webhook signing certificates may come from, e.g. ${MICROSOFT_CERTIFICATE_HOST}`,
  }),
  PARTNER_CENTER_TRUST_EMULATOR_CERTIFICATES: defineKey({
    section: "partnerCenter",
    fileKey: "trustEmulatorCertificates",
    fileType: "boolean",
    parse: parseBoolean,
    defaultValue: "false",
    expected: "true only with the local Partner Center emulator (skips the certificate chain and issuer checks)",
  }),
};
