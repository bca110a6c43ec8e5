/**
 * The real build (scripts/build-webresources.mjs): one minified script that defines the global CoSellBridge with
 * exactly the handlers webresources/README.md documents for the solution, a linked source map, and the icons under
 * their web resource names.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { runInNewContext } from "node:vm";
import { beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const out = path.join(root, "out", "webresources", "csb_");
const script = path.join(out, "scripts", "opportunity.js");

type Namespace = Readonly<Record<string, unknown>>;

let bundle: Readonly<Record<string, Namespace>>;
let code: string;

beforeAll(() => {
  const build = spawnSync(process.execPath, ["scripts/build-webresources.mjs"], { cwd: root, encoding: "utf8" });
  expect(build.status, build.stderr).toBe(0);
  code = readFileSync(script, "utf8");
  // A bare context: loading the script must touch neither Xrm nor window (a view may load it without them).
  bundle = runInNewContext(`${code}\nCoSellBridge`, {}) as Readonly<Record<string, Namespace>>;
});

function documentedHandlers(): string[] {
  const readme = readFileSync(path.join(root, "webresources", "README.md"), "utf8");
  return [...readme.matchAll(/^\| `(CoSellBridge\.\w+\.\w+)`/gm)].map((match) => match[1] ?? "");
}

describe("the web resource bundle", () => {
  it("defines exactly the handlers the README lists for the form XML, the ribbon and views", () => {
    const published = Object.entries(bundle).flatMap(([name, handlers]) =>
      Object.entries(handlers)
        .filter(([, value]) => typeof value === "function")
        .map(([handler]) => `CoSellBridge.${name}.${handler}`),
    );

    expect(documentedHandlers().length).toBeGreaterThan(10);
    expect(published.sort()).toEqual(documentedHandlers().sort());
  });

  it("runs the view's icon function from the bundle", () => {
    const checkmarkIcon = bundle.Grid?.checkmarkIcon as (rowData: string, lcid: number) => [string, string];

    expect(checkmarkIcon('{"csb_syncstatus_Value":582100002}', 1033)).toEqual([
      "csb_/icons/synced.svg",
      "Synced with Partner Center",
    ]);
  });

  it("is minified, links its source map and ships the strings and icons under their web resource names", () => {
    expect(code.split("\n").length).toBeLessThanOrEqual(3);
    expect(code.trimEnd().endsWith("//# sourceMappingURL=opportunity.js.map")).toBe(true);
    const map = JSON.parse(readFileSync(`${script}.map`, "utf8")) as { sources: string[] };
    expect(map.sources.some((source) => source.endsWith("webresources/opportunity/handlers.ts"))).toBe(true);
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
