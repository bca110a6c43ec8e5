/**
 * One POST of a signed event to a receiver, and the headers that go with it (partner-center.md §2.3 and §2.4).
 */

/** The scheme word in front of the base64 signature, in either header. */
const SIGNATURE_SCHEME = "Signature";

/**
 * The headers of §2.3. The signature goes in `Authorization`, or in `x-ms-signature` (and Authorization is left
 * out) when the registration sets SignatureTokenToMsSignatureHeader (§2.4): a Power Automate HTTP trigger owns
 * the Authorization header, which is why that switch exists.
 */
export function deliveryHeaders(
  signature: string,
  certificateUrl: string,
  signatureInMsSignatureHeader: boolean,
): Record<string, string> {
  const signatureHeader = signatureInMsSignatureHeader ? "x-ms-signature" : "Authorization";
  return {
    "Content-Type": "application/json",
    [signatureHeader]: `${SIGNATURE_SCHEME} ${signature}`,
    "X-MS-Certificate-Url": certificateUrl,
    "X-MS-Signature-Algorithm": "rsa-sha256",
  };
}

/** Either the receiver answered (any status), or no answer came back and `error` says why. */
export type PostResult =
  | { readonly statusCode: number; readonly responseText: string }
  | { readonly statusCode?: undefined; readonly error: string };

/** What a single POST needs. */
export interface PostRequest {
  readonly url: string;
  readonly body: Buffer;
  readonly headers: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
  /** Aborts the POST when the dispatcher is closed. */
  readonly closing: AbortSignal;
  readonly fetch: typeof fetch;
}

const RESPONSE_TEXT_LIMIT = 4096;

function describeFailure(error: unknown, timeoutMs: number, closing: AbortSignal): string {
  if (closing.aborted) return "the dispatcher was closed";
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
    return `no response within ${timeoutMs} ms`;
  }
  if (error instanceof Error) {
    const cause: unknown = error.cause;
    const code = typeof cause === "object" && cause !== null && "code" in cause ? String(cause.code) : undefined;
    return code === undefined ? error.message : `${error.message} (${code})`;
  }
  return String(error);
}

/**
 * POSTs the exact signed bytes. Redirects are not followed: a receiver that redirects has not taken the event, and
 * following would re-send the signature to another host [UNCONFIRMED what Partner Center does].
 */
export async function postEvent(request: PostRequest): Promise<PostResult> {
  const signal = AbortSignal.any([request.closing, AbortSignal.timeout(request.timeoutMs)]);
  try {
    const response = await request.fetch(request.url, {
      method: "POST",
      headers: request.headers,
      // A plain Uint8Array copy of the same bytes: both the DOM and the Node typings of fetch accept it.
      body: Uint8Array.from(request.body),
      redirect: "manual",
      signal,
    });
    // Reading the body frees the connection; the text becomes responseMessage in validation results.
    const text = await response.text();
    return { statusCode: response.status, responseText: text.slice(0, RESPONSE_TEXT_LIMIT) };
  } catch (error) {
    return { error: describeFailure(error, request.timeoutMs, request.closing) };
  }
}
