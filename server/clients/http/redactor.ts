/**
 * Keeps secrets out of error messages. Every secret the clients send (client secrets, refresh tokens, access tokens,
 * webhook keys) is registered here, and every message an ApiError carries is passed through redact() first, so that
 * even a server that echoes a request back cannot make a secret reach a log.
 */

const HIDDEN = "[secret]";
/** Shorter values would blank out ordinary words; no real credential is this short. */
const MIN_SECRET_LENGTH = 8;
/** Access tokens and rotated refresh tokens keep coming; only the recent ones can still appear in an answer. */
const MAX_REMEMBERED = 64;

export class Redactor {
  private readonly fixed = new Set<string>();
  private readonly recent: string[] = [];

  /** A secret that stays for the life of the process (client secret, webhook key). */
  addFixed(value: string): void {
    if (value.length >= MIN_SECRET_LENGTH) this.fixed.add(value);
  }

  /** A secret that is replaced over time (access token, rotated refresh token); the oldest are forgotten. */
  addRotating(value: string): void {
    if (value.length < MIN_SECRET_LENGTH || this.recent.includes(value)) return;
    this.recent.push(value);
    if (this.recent.length > MAX_REMEMBERED) this.recent.shift();
  }

  redact(text: string): string {
    let result = text;
    for (const secret of [...this.fixed, ...this.recent]) result = result.split(secret).join(HIDDEN);
    // A bearer value the server echoes may be one we never saw (e.g. from another client); hide it anyway.
    return result.replace(/(bearer\s+)[A-Za-z0-9._~+/=-]{8,}/gi, `$1${HIDDEN}`);
  }
}
