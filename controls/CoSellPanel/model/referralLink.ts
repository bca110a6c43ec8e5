/**
 * The referral link opens Partner Center in a new tab, so only a link that really goes there is made clickable: an
 * https URL on partner.microsoft.com. Anything else (another host, javascript:, http, credentials in the URL) is shown
 * as plain text, since csb_referrallink is a text column anyone with write access could change.
 */

const partnerCenterHost = "partner.microsoft.com";

/** The URL to link to, normalized, or null when the value must be shown as plain text. */
export function safePartnerCenterUrl(value: string | null): string | null {
  const text = value?.trim() ?? "";
  if (text === "") return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  const onPartnerCenter = url.protocol === "https:" && url.hostname === partnerCenterHost && url.port === "";
  return onPartnerCenter && url.username === "" && url.password === "" ? url.href : null;
}
