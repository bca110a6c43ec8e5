/**
 * The gates `npm test` runs before the tests (typecheck, lint) must catch a deliberate error. Each probe file is
 * written into a real layer folder, checked with the project's own configuration, and removed again.
 */
import { spawnSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { ESLint } from "eslint";
import { afterEach, describe, expect, it } from "vitest";

const root = process.cwd();
const probes: string[] = [];

function writeProbe(relativePath: string, code: string): string {
  const absolute = path.join(root, relativePath);
  writeFileSync(absolute, code);
  probes.push(absolute);
  return absolute;
}

afterEach(() => {
  for (const probe of probes.splice(0)) rmSync(probe, { force: true });
});

describe("CI gates", () => {
  it("lint fails on a type-aware rule violation and on a layer violation", async () => {
    const probe = writeProbe(
      "server/ci-gate-lint-probe.ts",
      [
        'import { compileFilter } from "../emulators/odata";',
        "export async function load(): Promise<number> { return 1; }",
        "export function run(): void { void compileFilter; load(); }",
        "",
      ].join("\n"),
    );
    const [result] = await new ESLint({ cwd: root }).lintFiles([probe]);
    const rules = result?.messages.map((message) => message.ruleId);
    expect(rules).toContain("cosell-bridge/layer-boundaries");
    expect(rules).toContain("@typescript-eslint/no-floating-promises");
    expect(result?.errorCount).toBeGreaterThanOrEqual(2);
  });

  it("typecheck fails on a type error", () => {
    writeProbe("server/ci-gate-type-probe.ts", 'export const port: number = "8080";\n');
    const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
    const result = spawnSync(process.execPath, [tsc, "--noEmit", "-p", "server/tsconfig.json"], { encoding: "utf8" });
    expect(result.status).not.toBe(0);
    expect(result.stdout).toContain("ci-gate-type-probe.ts");
    expect(result.stdout).toContain("TS2322");
  }, 60_000);
});
