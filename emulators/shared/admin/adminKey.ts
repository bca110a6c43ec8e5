/**
 * The optional admin key: with the `adminKey` option, every /admin call must present it in `x-emulator-admin-key`.
 * The admin API is the emulator's own control surface and takes no bearer token.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { HttpError, type RequestContext } from "../../http";
import { ADMIN_KEY_HEADER } from "./adminTypes";

/** The admin pipeline's authenticate hook, or undefined when no key is configured. */
export function adminKeyCheck(adminKey: string | undefined): ((request: RequestContext) => void) | undefined {
  if (adminKey === undefined) return undefined;
  const expected = digest(adminKey);
  return (request) => {
    const presented = request.headers[ADMIN_KEY_HEADER];
    // Digests have one length, so the comparison takes the same time whatever the caller sent.
    if (presented !== undefined && timingSafeEqual(digest(presented), expected)) return;
    throw new HttpError(401, "Unauthorized", `The admin API needs the emulator's admin key in ${ADMIN_KEY_HEADER}.`);
  };
}

function digest(text: string): Buffer {
  return createHash("sha256").update(text, "utf8").digest();
}
