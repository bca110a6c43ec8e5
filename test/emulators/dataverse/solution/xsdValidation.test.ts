/**
 * The fixture's customizations.xml is valid against Microsoft's CustomizationsSolution.xsd, checked with xmllint
 * through ../shared/tools/validate-customizations (which uses the patched schema in ../shared/schemas; see its
 * README). The schema stays there: it is Microsoft's, not the project's. Without xmllint the test is skipped on a
 * developer's machine, but not in CI, where .ci/run installs it: there a missing xmllint is a failure.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { customizationsXml } from "./coSellBridgeFixture";
import { utf8Bytes } from "./fixtureZip";

const validator = resolve(__dirname, "../../../../../shared/tools/validate-customizations");
const hasXmllint = spawnSync("sh", ["-c", "command -v xmllint"]).status === 0;
const inCi = process.env.CI === "true";

function validate(xml: string): { status: number | null; output: string } {
  const folder = mkdtempSync(join(tmpdir(), "customizations-"));
  try {
    const file = join(folder, "customizations.xml");
    writeFileSync(file, utf8Bytes(xml, true));
    const result = spawnSync(validator, [file], { encoding: "utf8" });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

describe("Microsoft's schema", () => {
  it("accepts the fixture's customizations.xml, and refuses it with an element the schema lacks", (context) => {
    context.skip(
      !hasXmllint && !inCi,
      "xmllint is not installed (Debian package libxml2-utils), so the XSD check can't run",
    );
    context.skip(!existsSync(validator), `the validator ${validator} is missing, so the XSD check can't run`);
    const valid = validate(customizationsXml);
    expect(valid.output).toMatch(/validates/);
    expect(valid.status).toBe(0);
    const invalid = validate(
      customizationsXml.replace("<Contract>8</Contract>", "<Contract>8</Contract><AuthValue>k</AuthValue>"),
    );
    expect(invalid.status).not.toBe(0);
    expect(invalid.output).toMatch(/AuthValue/);
  });
});
