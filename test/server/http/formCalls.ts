/**
 * Calls of the form API for its tests: a bearer token signed by the test issuer unless told otherwise, and the
 * check of the common error body.
 */
import { expect } from "vitest";
import { errorBody, jsonOf, type RunningApp } from "./harness";
import type { TestIssuer, TokenClaims } from "./tokens";

export const REFERRAL_ID = "5a5e8d95-8e8b-4b7b-a3c4-2d7f0b6f8e61";

/** How one call is made; `claims: null` sends no Authorization header of the caller's own. */
export interface CallOptions {
  readonly claims?: TokenClaims | null;
  readonly body?: string;
  readonly headers?: Record<string, string>;
}

/** A function calling `/api/v1<path>` of the running app. */
export function formCaller(issuer: TestIssuer, running: () => RunningApp) {
  return async (method: "GET" | "POST", path: string, options: CallOptions = {}): Promise<Response> => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.claims !== null) headers.authorization = `Bearer ${await issuer.sign(options.claims ?? {})}`;
    if (options.body !== undefined) headers["content-type"] ??= "application/json";
    return fetch(`${running().url}/api/v1${path}`, { method, headers, body: options.body ?? null });
  };
}

/** Asserts the status and the common error body, and returns the body. */
export async function expectError(response: Response, status: number, code: string): Promise<Record<string, unknown>> {
  expect(response.status).toBe(status);
  const body = await jsonOf(response);
  expect(body).toEqual(errorBody(code));
  return body;
}
