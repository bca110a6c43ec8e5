import type { ReplyBody } from "./reply";

/** Turns an error into the emulator's error body, e.g. `{"error":{"code","message"}}` for Dataverse. */
export type ErrorRenderer = (status: number, code: string, message: string) => ReplyBody;

/** Builds the body of a 429 from the seconds a caller should wait. */
export type RateLimitRenderer = (retryAfterSeconds: number) => ReplyBody;

/** The OData-style body most Microsoft APIs use: `{"error":{"code","message"}}`. */
export const renderODataError: ErrorRenderer = (_status, code, message) => ({ error: { code, message } });

/** Partner Center's throttling body: `{"statusCode":429,"message":"Rate limit is exceeded. Try again in 57 seconds."}`. */
export const renderPartnerCenterRateLimit: RateLimitRenderer = (retryAfterSeconds) => ({
  statusCode: 429,
  message: `Rate limit is exceeded. Try again in ${retryAfterSeconds} seconds.`,
});

/** Where the pipeline reports unexpected errors; never the console, and never with secrets in `fields`. */
export interface Logger {
  error(message: string, fields?: Readonly<Record<string, unknown>>): void;
}
