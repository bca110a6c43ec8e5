/**
 * The host's messages to the person at the browser's developer tools, as the platform's own console messages: errors
 * for what the control does wrong (the browser test fails on any), warnings for what the platform would quietly
 * tolerate. The only module that writes to the console.
 */
/* eslint-disable no-console -- the developer console is where a PCF host reports control problems */

export function reportError(message: string, cause?: unknown): void {
  if (cause === undefined) console.error(message);
  else console.error(message, cause);
}

export function reportWarning(message: string): void {
  console.warn(message);
}

/** An error's message, for a sentence shown to the seller. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
