import type { IncomingMessage } from "node:http";
import { HttpError } from "./http-error";

/** The default request body limit: 1 MiB, far above any referral or Dataverse record. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/**
 * Reads a request body into memory, refusing more than `maxBytes`.
 * @throws HttpError 413 when the declared or actual size is over the limit.
 */
export function readBody(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const tooLarge = () => new HttpError(413, "PayloadTooLarge", `The request body is larger than ${maxBytes} bytes.`);
  const declared = Number(request.headers["content-length"]);
  if (Number.isFinite(declared) && declared > maxBytes) {
    // Drain what the client is still sending, so the 413 reaches it instead of a reset connection.
    request.resume();
    return Promise.reject(tooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    request.on("data", (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > maxBytes) {
        refused = true;
        chunks.length = 0;
        reject(tooLarge());
      } else {
        chunks.push(chunk);
      }
    });
    request.on("end", () => {
      resolve(Buffer.concat(chunks));
    });
    request.on("error", reject);
    request.on("close", () => {
      if (!request.complete) reject(new Error("the client closed the connection before sending the whole body"));
    });
  });
}
