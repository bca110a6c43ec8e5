/**
 * The referral id inside an event's ResourceUri. The documented ResourceUri
 * (`https://api.partnercenter.microsoft.com/engagements/v1/referrals/{id}`) and the Referrals API's own address
 * (`https://api.partner.microsoft.com/v1.0/engagements/referrals/{id}`) disagree and the real one is unconfirmed
 * (shared/reference/partner-center.md §2.3), so the id is the last path segment whatever the host and prefix.
 * Only the id is taken: the service GETs the referral from its configured API base URL and never follows the
 * ResourceUri, so an event cannot send the service's access token to another host.
 */
import { IntakeError } from "./intakeError";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// eslint-disable-next-line no-control-regex -- control characters are exactly what this pattern refuses
const UNSAFE_ID_CHARACTERS = /[\u0000-\u001f\u007f/\\]/;
/** Referral ids seen so far are 36-character GUIDs; anything near this long is not an id. */
const MAX_ID_LENGTH = 200;

/**
 * The last path segment of `resourceUri`, percent-decoded.
 *
 * Every referral id seen is a GUID, but the format is only [OBSERVED], not documented, so any other id is accepted
 * as long as it is a single harmless path segment: refusing it would push a genuine, signed event into Partner
 * Center's offline queue after 10 attempts (§2.5), while a wrong id costs no more than a 404 on the GET. A GUID is
 * lower-cased so that one referral always gets one dedupe key.
 * @throws IntakeError 400 "invalid-event" when there is no usable id (empty, `.`/`..`, a decoded slash or
 * backslash, control characters, bad percent-encoding, over-long) or the URI is not absolute.
 */
export function referralIdFromResourceUri(resourceUri: string): string {
  let path: string;
  try {
    path = new URL(resourceUri).pathname;
  } catch {
    throw invalid(`ResourceUri '${resourceUri}' is not an absolute URL`);
  }
  const encoded = path.slice(path.lastIndexOf("/") + 1);
  let id: string;
  try {
    id = decodeURIComponent(encoded);
  } catch {
    throw invalid(`the last segment of ResourceUri '${resourceUri}' is not valid percent-encoding`);
  }
  if (id.trim() === "" || id === "." || id === "..") {
    throw invalid(`ResourceUri '${resourceUri}' does not end with an id`);
  }
  if (UNSAFE_ID_CHARACTERS.test(id) || id.length > MAX_ID_LENGTH) {
    throw invalid(`the last segment of ResourceUri '${resourceUri}' is not a usable id`);
  }
  return GUID.test(id) ? id.toLowerCase() : id;
}

function invalid(message: string): IntakeError {
  return new IntakeError(400, "invalid-event", message);
}
