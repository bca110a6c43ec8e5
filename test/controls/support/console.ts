/**
 * Collects what components write to console.warn and console.error (React's warnings, Fluent's "icon was used but
 * not registered"), so a test can require a clean console, as the browser test does.
 */
import { cleanup } from "@testing-library/react";
import { afterEach, beforeEach, expect, vi } from "vitest";

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

/**
 * For a component test file: watches the console during each test, unmounts what it rendered, and fails it when
 * anything was written (no React warning, and no Fluent icon asked for from the icon font).
 */
export function requireCleanConsole(): void {
  let watch: ReturnType<typeof watchConsole> | null = null;
  beforeEach(() => {
    watch = watchConsole();
  });
  afterEach(() => {
    cleanup();
    watch?.restore();
    expect(watch?.messages()).toEqual([]);
  });
}
