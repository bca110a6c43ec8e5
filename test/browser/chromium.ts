/**
 * Headless Chromium for the browser tests: Debian's /usr/bin/chromium driven by playwright-core (no browser download,
 * shared/reference/toolchain.md §3), with every request that is not for the host aborted and recorded, and every
 * console error, page error and failed response recorded, so a test can say the page stayed offline and clean.
 */
import { existsSync } from "node:fs";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { expect } from "vitest";

export const CHROMIUM_PATH = "/usr/bin/chromium";
export const CHROMIUM_MISSING = `Chromium is not installed at ${CHROMIUM_PATH}: install it with \`apt-get install -y chromium\` (CI does).`;

export function chromiumInstalled(): boolean {
  return existsSync(CHROMIUM_PATH);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-dev-shm-usage",
    ],
  });
}

/** What went wrong in a browser context: requests that left the host, console errors, failed answers. */
export interface PageTrouble {
  readonly blockedRequests: string[];
  readonly consoleErrors: string[];
  readonly failedResponses: string[];
}

export interface GuardedContext {
  readonly context: BrowserContext;
  readonly trouble: PageTrouble;
  newPage(): Promise<Page>;
}

/** A browser context that may only talk to `allowedOrigins` (e.g. the host's http://127.0.0.1:port). */
export async function guardedContext(
  browser: Browser,
  allowedOrigins: readonly string[],
  viewport: { readonly width: number; readonly height: number },
): Promise<GuardedContext> {
  const context = await browser.newContext({ viewport, locale: "en-US", timezoneId: "UTC" });
  const trouble: PageTrouble = { blockedRequests: [], consoleErrors: [], failedResponses: [] };
  await context.route("**", async (route) => {
    const url = route.request().url();
    if (allowedOrigins.includes(new URL(url).origin)) {
      await route.continue();
      return;
    }
    trouble.blockedRequests.push(url);
    await route.abort("blockedbyclient");
  });
  context.on("page", (page) => {
    page.on("console", (message) => {
      if (message.type() === "error") trouble.consoleErrors.push(message.text());
    });
    page.on("pageerror", (error) => trouble.consoleErrors.push(`uncaught: ${error.message}`));
    page.on("response", (response) => {
      if (response.status() >= 400) trouble.failedResponses.push(`${response.status()} ${response.url()}`);
    });
  });
  return { context, trouble, newPage: () => context.newPage() };
}

/** How long one step (a click, a wait for text) may take before the test fails. */
export const STEP_TIMEOUT_MS = 10_000;

/**
 * Runs `check` on a new page in its own guarded context, then expects the page to have stayed offline and clean: no
 * request outside `allowedOrigins`, no console error, no failed answer.
 */
export async function onCleanPage(
  browser: Browser,
  allowedOrigins: readonly string[],
  viewport: { readonly width: number; readonly height: number },
  check: (page: Page) => Promise<void>,
): Promise<void> {
  const guarded = await guardedContext(browser, allowedOrigins, viewport);
  try {
    const page = await guarded.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    try {
      await check(page);
    } catch (error) {
      // A step that timed out often did so because of what the page reported meanwhile: say it with the failure.
      const { blockedRequests, consoleErrors, failedResponses } = guarded.trouble;
      const seen = [...blockedRequests, ...consoleErrors, ...failedResponses];
      if (seen.length === 0 || !(error instanceof Error)) throw error;
      error.message += `\nMeanwhile the page reported: ${seen.join(" | ")}`;
      throw error;
    }
    expect(guarded.trouble.blockedRequests, "requests that left the host (CDN?)").toEqual([]);
    expect(guarded.trouble.consoleErrors, "console errors").toEqual([]);
    expect(guarded.trouble.failedResponses, "failed responses").toEqual([]);
  } finally {
    await guarded.context.close();
  }
}
