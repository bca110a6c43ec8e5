/**
 * The `npm start` demo as the end-to-end tests run it: startDemo with every port chosen freely (ports 0), PGlite
 * started from an initialised copy (test/server/e2e/support/pgliteTemplate.ts) to skip its initdb, the progress lines
 * and the service's log kept for assertions, and headless Chromium.
 */
import type { Browser } from "playwright-core";
import { startDemo, type RunningDemo } from "../../demo/stack/startDemo";
import { eventually } from "../support/bridgeStack";
import { launchChromium } from "../browser/chromium";
import { preparedPgliteFolder } from "../server/e2e/support/pgliteTemplate";

export interface DemoUnderTest {
  readonly demo: RunningDemo;
  readonly browser: Browser;
  /** What startDemo printed, line by line. */
  readonly progress: readonly string[];
  /** The service's log lines (warn and above). */
  readonly serviceLog: readonly string[];
  /** The origins the pages may talk to: the site and the sync service. */
  readonly origins: readonly string[];
  stop(): Promise<void>;
}

export async function startDemoUnderTest(): Promise<DemoUnderTest> {
  const progress: string[] = [];
  const serviceLog: string[] = [];
  const demo = await startDemo({
    ports: { site: 0, service: 0, partnerCenter: 0, dataverse: 0 },
    report: (line) => progress.push(line),
    serviceLogLevel: "warn",
    serviceLogStream: { write: (line) => serviceLog.push(line) },
    workDir: await preparedPgliteFolder(),
  });
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (error) {
    await demo.stop();
    throw error;
  }
  return {
    demo,
    browser,
    progress,
    serviceLog,
    origins: [demo.urls.site, demo.urls.service],
    stop: async () => {
      await browser.close();
      await demo.stop();
    },
  };
}

/** Waits until neither emulator has anything in flight and the service's queue is empty, twice in a row. */
export async function demoAtRest(demo: RunningDemo, timeoutMs = 15_000): Promise<void> {
  let quiet = 0;
  await eventually(
    "the demo to come to rest",
    async () => {
      await demo.dataverse.idle();
      await demo.partnerCenter.admin.waitForDeliveries(timeoutMs);
      const depth = await demo.service.queue.depth();
      quiet = depth.queued + depth.running + depth.retrying === 0 ? quiet + 1 : 0;
      return quiet >= 2;
    },
    timeoutMs,
  );
}

/** Rows of an OData query on the Dataverse emulator, as the integration user reads them. */
export async function dataverseRows(demo: RunningDemo, query: string): Promise<Record<string, unknown>[]> {
  const token = await demo.dataverse.admin.getToken();
  const response = await fetch(`${demo.dataverse.apiUrl}/${query}`, {
    headers: { authorization: `Bearer ${token}`, accept: "application/json" },
  });
  if (!response.ok) throw new Error(`GET ${query} failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { value: Record<string, unknown>[] }).value;
}

export interface DemoOpportunity {
  readonly id: string;
  readonly topic: string;
}

/** The opportunity of the example form URL startDemo prints: open, not synced, a US customer. */
export async function exampleOpportunity(demo: RunningDemo): Promise<DemoOpportunity & { estimatedValue: number }> {
  const id = new URL(demo.urls.exampleForm).pathname.split("/").pop() ?? "";
  const [row] = await dataverseRows(demo, `opportunities?$select=name,estimatedvalue&$filter=opportunityid eq ${id}`);
  return { id, topic: String(row?.name), estimatedValue: Number(row?.estimatedvalue) };
}

/** An open, not synced opportunity whose account spells its country out, which Partner Center refuses. */
export async function dealWithSpelledOutCountry(demo: RunningDemo): Promise<DemoOpportunity> {
  const candidates = await dataverseRows(
    demo,
    "opportunities?$select=name&$expand=parentaccountid($select=address1_country)" +
      "&$filter=statecode eq 0 and csb_syncwithpartnercenter eq false",
  );
  const found = candidates.find((row) => {
    const country = (row.parentaccountid as { address1_country?: unknown } | null)?.address1_country;
    return typeof country === "string" && !/^[A-Z]{2}$/.test(country);
  });
  if (found === undefined) throw new Error("the demo organization has no open deal with a spelled-out country");
  return { id: String(found.opportunityid), topic: String(found.name) };
}
