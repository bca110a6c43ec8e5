/**
 * Downloads the signing certificate named by `X-MS-Certificate-Url` (shared/reference/partner-center.md §2.4 step 2).
 * Partner Center's sample serves a `.cer` (DER); PEM is accepted too. A failure to get an answer is a 503, so the
 * sender retries (§2.5); an answer that is not a usable certificate is a 401.
 */
import { X509Certificate } from "node:crypto";
import { IntakeError } from "./intakeError";

/** How a download is made. */
export interface DownloadSettings {
  readonly fetch: typeof fetch;
  readonly maxBytes: number;
  readonly timeoutMs: number;
}

/**
 * The certificate at `url`, parsed (DER or PEM; from a PEM bundle, the first certificate).
 * Redirects are refused rather than followed: following one would download from a host the allowlist never saw.
 * @throws IntakeError 503 when the host cannot be reached, times out or answers an error status; 401 when it
 * redirects or its answer is too large or not a certificate.
 */
export async function downloadCertificate(url: URL, settings: DownloadSettings): Promise<X509Certificate> {
  let response: Response;
  try {
    response = await settings.fetch(url.href, {
      redirect: "manual",
      signal: AbortSignal.timeout(settings.timeoutMs),
      headers: { accept: "application/pkix-cert, application/x-x509-ca-cert, application/x-pem-file, */*" },
    });
  } catch (error) {
    throw unavailable(url, describeFailure(error, settings.timeoutMs), error);
  }
  if (response.status >= 300 && response.status < 400) {
    await response.body?.cancel();
    throw new IntakeError(
      401,
      "certificate-url-not-allowed",
      `the certificate URL ${url.href} redirects (HTTP ${response.status}); redirects are not followed`,
    );
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw unavailable(url, `it answered HTTP ${response.status}`);
  }
  const bytes = await readAtMost(response, url, settings);
  try {
    return new X509Certificate(bytes);
  } catch (error) {
    throw new IntakeError(
      401,
      "certificate-invalid",
      `the certificate at ${url.href} is neither a DER nor a PEM X.509 certificate`,
      { cause: error },
    );
  }
}

/** Reads the body but stops at `maxBytes`, so a hostile or broken server cannot make us buffer without limit. */
async function readAtMost(response: Response, url: URL, settings: DownloadSettings): Promise<Buffer> {
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (declared > settings.maxBytes) {
    await response.body?.cancel();
    throw tooLarge(url, settings.maxBytes);
  }
  if (response.body === null) return Buffer.alloc(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const next = (await reader.read()) as { done: boolean; value?: unknown };
      if (next.done) break;
      // Node's typings say `any`; fetch bodies are byte streams, anything else is a broken custom fetch.
      if (!(next.value instanceof Uint8Array)) throw new TypeError("the response body is not a byte stream");
      const value = next.value;
      total += value.byteLength;
      if (total > settings.maxBytes) {
        await reader.cancel();
        throw tooLarge(url, settings.maxBytes);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof IntakeError) throw error;
    throw unavailable(url, `reading its answer failed: ${describeFailure(error, settings.timeoutMs)}`, error);
  }
  return Buffer.concat(chunks);
}

function unavailable(url: URL, reason: string, cause?: unknown): IntakeError {
  return new IntakeError(
    503,
    "certificate-unavailable",
    `the signing certificate could not be downloaded from ${url.href}: ${reason}; retry later`,
    cause === undefined ? undefined : { cause },
  );
}

function tooLarge(url: URL, maxBytes: number): IntakeError {
  return new IntakeError(401, "certificate-invalid", `the certificate at ${url.href} is larger than ${maxBytes} bytes`);
}

function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
    return `no answer within ${timeoutMs} ms`;
  }
  if (error instanceof Error) {
    const cause: unknown = error.cause;
    const code = typeof cause === "object" && cause !== null && "code" in cause ? String(cause.code) : undefined;
    return code === undefined ? error.message : `${error.message} (${code})`;
  }
  return String(error);
}
