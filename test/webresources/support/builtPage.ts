/**
 * The shipped scripts, as scripts/build-webresources.mjs writes them (esbuild, then terser), loaded the way a Dynamics
 * page loads a web resource: evaluated as a classic script in this realm, finding the page's `window` and `Xrm` as
 * globals when a handler runs. The page behind them is the handler tests' own: xrm-mock forms, the in-memory
 * Dataverse (here behind an Xrm.WebApi, so the built reader's OData requests are read back), a real HTTP stand-in for
 * the sync service, and the real resx strings.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runInThisContext } from "node:vm";
import type { CoSellBridgeNamespace } from "../../../webresources/namespace";
import type { Row } from "../../../webresources/dataverse/dataverseReader";
import type { MemoryDataverse } from "./memoryDataverse";
import { openOpportunityForm, type OpenForm, type OpportunityValues } from "./opportunityForm";
import { fixedToken } from "./testRuntime";

const root = path.resolve(import.meta.dirname, "../../..");

export interface BuiltScripts {
  /** csb_/scripts/opportunity.js */
  readonly opportunity: string;
  /** csb_/scripts/grid.js */
  readonly grid: string;
}

/** Runs the real build into a scratch folder (not out/, which other test files read) and reads both scripts. */
export function buildScripts(): BuiltScripts {
  const folder = mkdtempSync(path.join(tmpdir(), "webresources-"));
  try {
    const build = spawnSync(process.execPath, ["scripts/build-webresources.mjs", "--out", folder], {
      cwd: root,
      encoding: "utf8",
    });
    if (build.status !== 0) throw new Error(`the web resources' build failed:\n${build.stdout}${build.stderr}`);
    const read = (name: string) => readFileSync(path.join(folder, "csb_", "scripts", `${name}.js`), "utf8");
    return { opportunity: read("opportunity"), grid: read("grid") };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The part of Xrm.WebApi the scripts call, answering from the in-memory Dataverse with plain promises. */
interface WebApiFake {
  retrieveRecord(table: string, id: string, options?: string): Promise<Row>;
  retrieveMultipleRecords(table: string, options?: string): Promise<{ entities: Row[] }>;
}

function webApiOver(dataverse: MemoryDataverse): WebApiFake {
  return {
    retrieveRecord: (table, id, options) => {
      const columns = /\$select=([^&]*)/.exec(options ?? "")?.[1]?.split(",") ?? [];
      return dataverse.retrieve(table, id, columns);
    },
    retrieveMultipleRecords: async (table, options) => {
      if (table !== "environmentvariabledefinition") throw new Error(`the test page can't list ${table}`);
      const prefix = /startswith\(schemaname,'([^']*)'\)/.exec(options ?? "")?.[1] ?? "";
      const values = await dataverse.environmentVariables(prefix);
      const entities = Object.entries(values).map(([schemaname, value]) => ({
        schemaname,
        defaultvalue: null,
        environmentvariabledefinition_environmentvariablevalue: value === null ? [] : [{ value }],
      }));
      return { entities };
    },
  };
}

/** A browser page that loaded the built scripts. */
export interface BuiltPage {
  /** What the scripts published on the global CoSellBridge. */
  readonly bridge: Required<CoSellBridgeNamespace>;
  /** Urls the scripts opened with Xrm.Navigation.openUrl. */
  readonly opened: string[];
  /** What the next confirm dialog answers. */
  confirmAnswer: boolean;
  /** Opens the form as Dynamics does: a new xrm-mock page whose OnSave runs the script's handler. */
  open(values?: OpportunityValues): OpenForm;
  /** The page goes away: its pagehide listeners run, and the globals are removed. */
  close(): void;
}

/** The globals a page gives its scripts, as this test realm holds them. */
interface PageGlobals {
  window?: unknown;
  Xrm?: { WebApi: unknown; Navigation: Record<string, unknown> };
  CoSellBridge?: CoSellBridgeNamespace;
}

/** Loads `scripts` (in that order) into a fresh page over `dataverse`. */
export function loadBuiltPage(dataverse: MemoryDataverse, ...scripts: string[]): BuiltPage {
  const globals = globalThis as unknown as PageGlobals;
  const pageHide: (() => void)[] = [];
  const host = {
    CoSellBridgeAuth: fixedToken(),
    fetch: (input: RequestInfo | URL, init?: RequestInit) => fetch(input, init),
    addEventListener: (type: string, listener: () => void) => {
      if (type === "pagehide") pageHide.push(listener);
    },
    top: null as unknown,
  };
  host.top = host;
  globals.window = host;
  delete globals.CoSellBridge;
  for (const script of scripts) runInThisContext(script, { filename: "csb_/scripts/built.js" });
  // Read afresh: the scripts set it, which the compiler can't see after the delete above.
  const published: CoSellBridgeNamespace = (globalThis as unknown as PageGlobals).CoSellBridge ?? {};
  const page: BuiltPage = {
    // A script that was not loaded leaves its part undefined; a test that calls it fails on that.
    bridge: published as Required<CoSellBridgeNamespace>,
    opened: [],
    confirmAnswer: true,
    open(values) {
      const opened = openOpportunityForm(values);
      const xrm = globals.Xrm;
      if (xrm === undefined) throw new Error("xrm-mock set no global Xrm");
      xrm.WebApi = webApiOver(dataverse);
      xrm.Navigation.openUrl = (url: string) => page.opened.push(url);
      xrm.Navigation.openConfirmDialog = () => Promise.resolve({ confirmed: page.confirmAnswer });
      opened.form.data.entity.addOnSave(page.bridge.Opportunity.onSave);
      return opened;
    },
    close() {
      for (const listener of pageHide.splice(0)) listener();
      delete globals.window;
      delete globals.CoSellBridge;
    },
  };
  return page;
}
