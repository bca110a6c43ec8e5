/**
 * Both zips' customizations.xml validate against Microsoft's CustomizationsSolution.xsd, through
 * ../shared/tools/validate-customizations (xmllint, with the schema in ../shared/schemas, which stays outside the
 * project). Without ../shared the check is skipped with a message; with it, a missing xmllint is a failure that says
 * how to install it. A zip with an element the schema lacks must fail, or the check would prove nothing.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { entriesOf, packedSolution, repositoryRoot } from "./builtSolution";

const shared = resolve(repositoryRoot, "../shared");
const validator = join(shared, "tools", "validate-customizations");
const hasXmllint = spawnSync("sh", ["-c", "command -v xmllint"]).status === 0;

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), "solution-schema-"));
});
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

function validate(name: string, zip: Uint8Array): { status: number | null; output: string } {
  const file = join(scratch, name);
  writeFileSync(file, zip);
  const result = spawnSync(validator, [file], { encoding: "utf8" });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe("Microsoft's schema", () => {
  it("accepts customizations.xml of both zips, and refuses an element it doesn't define", (context) => {
    context.skip(
      !existsSync(validator),
      `${validator} is not there (../shared beside the repository), so the schema check is skipped`,
    );
    if (!hasXmllint) {
      throw new Error("xmllint is missing, so customizations.xml can't be checked: apt-get install -y libxml2-utils");
    }
    const { unmanaged, managed } = packedSolution();
    for (const [name, zip] of [
      ["unmanaged.zip", unmanaged],
      ["managed.zip", managed],
    ] as const) {
      const result = validate(name, zip);
      expect(result.output).toMatch(/customizations\.xml validates/);
      expect(result.status, result.output).toBe(0);
    }
    const files = Object.fromEntries(entriesOf(unmanaged));
    const customizations = new TextDecoder().decode(files["customizations.xml"]);
    const broken = customizations.replace("<Contract>8</Contract>", "<Contract>8</Contract><AuthValue>k</AuthValue>");
    expect(broken).not.toBe(customizations);
    const invalid = validate(
      "broken.zip",
      zipSync({ ...files, "customizations.xml": new TextEncoder().encode(broken) }),
    );
    expect(invalid.status).not.toBe(0);
    expect(invalid.output).toMatch(/AuthValue/);
  });
});
