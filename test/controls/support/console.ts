/**
 * Collects what components write to console.warn and console.error (React's warnings, Fluent's "icon was used but
 * not registered"), so a test can require a clean console, as the browser test does.
 */
import { vi } from "vitest";

export function watchConsole(): { readonly messages: () => string[]; readonly restore: () => void } {
  const messages: string[] = [];
  const keep = (...args: unknown[]) => {
    messages.push(args.map(String).join(" "));
  };
  const warn = vi.spyOn(console, "warn").mockImplementation(keep);
  const error = vi.spyOn(console, "error").mockImplementation(keep);
  return {
    messages: () => [...messages],
    restore: () => {
      warn.mockRestore();
      error.mockRestore();
    },
  };
}
