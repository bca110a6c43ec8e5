/**
 * The real build (scripts/build-webresources.mjs): two minified scripts that add to the global CoSellBridge exactly
 * the handlers webresources/README.md documents for the solution (the form's and the command bar's in
 * opportunity.js, the view's in grid.js), each with a linked source map, and the strings and icons under their web
 * resource names. builtBundle.test.ts runs the handlers of these scripts.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { runInNewContext } from "node:vm";
import { beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const out = path.join(root, "out", "webresources", "csb_");
const scriptPath = (name: string) => path.join(out, "scripts", `${name}.js`);

type Namespace = Readonly<Record<string, unknown>>;
type Published = Readonly<Record<string, Namespace>>;

const code: Record<"opportunity" | "grid", string> = { opportunity: "", grid: "" };

beforeAll(() => {
  const build = spawnSync(process.execPath, ["scripts/build-webresources.mjs"], { cwd: root, encoding: "utf8" });
  expect(build.status, build.stderr).toBe(0);
  code.opportunity = readFileSync(scriptPath("opportunity"), "utf8");
  code.grid = readFileSync(scriptPath("grid"), "utf8");
});

/**
 * What the scripts publish when loaded in a bare context: loading must touch neither Xrm nor window (a view loads
 * grid.js without them, and a form's scripts load before its data).
 */
function load(...scripts: string[]): Published {
  return runInNewContext(`${scripts.join("\n")}\nCoSellBridge`, {}) as Published;
}

function functionsOf(published: Published): string[] {
  return Object.entries(published).flatMap(([name, handlers]) =>
    Object.entries(handlers)
      .filter(([, value]) => typeof value === "function")
      .map(([handler]) => `CoSellBridge.${name}.${handler}`),
  );
}

/** The handlers the README's table lists for one web resource. */
function documentedHandlers(webResource: string): string[] {
  const readme = readFileSync(path.join(root, "webresources", "README.md"), "utf8");
  return [...readme.matchAll(/^\| `(CoSellBridge\.\w+\.\w+)` +\| `([^`]+)`/gm)]
    .filter((match) => match[2] === webResource)
    .map((match) => match[1] ?? "");
}

describe("the web resource scripts", () => {
  it("each define exactly the handlers the README lists for it, for the form XML, the ribbon and views", () => {
    const form = documentedHandlers("csb_/scripts/opportunity.js");
    const view = documentedHandlers("csb_/scripts/grid.js");

    expect(form.length).toBeGreaterThan(9);
    expect(view).toEqual(["CoSellBridge.Grid.checkmarkIcon"]);
    expect(functionsOf(load(code.opportunity)).sort()).toEqual(form.sort());
    expect(functionsOf(load(code.grid))).toEqual(view);
    expect(functionsOf(load(code.grid, code.opportunity)).sort()).toEqual([...form, ...view].sort());
  });

  it("runs the view's icon function from grid.js", () => {
    const checkmarkIcon = load(code.grid).Grid?.checkmarkIcon as (rowData: string, lcid: number) => [string, string];

    expect(checkmarkIcon('{"csb_syncstatus_Value":582100002}', 1033)).toEqual([
      "csb_/icons/synced.svg",
      "Synced with Partner Center",
    ]);
  });

  it("keeps the view's script small: the icon function and its tooltips, not the form's handlers", () => {
    expect(Buffer.byteLength(code.grid)).toBeLessThan(2_000);
    expect(code.grid).not.toContain("csb_SyncEndpointUrl");
    expect(code.opportunity).not.toContain("Синхронизировано");
  });

  it("are minified, link their source maps and ship the strings and icons under their web resource names", () => {
    for (const name of ["opportunity", "grid"] as const) {
      expect(code[name].split("\n").length).toBeLessThanOrEqual(3);
      expect(code[name].trimEnd().endsWith(`//# sourceMappingURL=${name}.js.map`)).toBe(true);
    }
    const map = JSON.parse(readFileSync(`${scriptPath("opportunity")}.map`, "utf8")) as { sources: string[] };
    expect(map.sources.some((source) => source.endsWith("webresources/opportunity/handlers.ts"))).toBe(true);
    const gridMap = JSON.parse(readFileSync(`${scriptPath("grid")}.map`, "utf8")) as { sources: string[] };
    expect(gridMap.sources.some((source) => source.endsWith("webresources/grid/checkmarkIcon.ts"))).toBe(true);
    for (const icon of ["synced", "pending", "error", "notsynced"]) {
      expect(existsSync(path.join(out, "icons", `${icon}.svg`))).toBe(true);
    }
    for (const lcid of [1033, 1049]) {
      const strings = readFileSync(path.join(out, "strings", `opportunity.${lcid}.resx`), "utf8");
      expect(strings).toBe(
        readFileSync(path.join(root, "webresources", "strings", `opportunity.${lcid}.resx`), "utf8"),
      );
    }
  });
});
