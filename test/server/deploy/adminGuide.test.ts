/**
 * docs/admin-guide.md must explain every error an admin can meet: each sync error code of the catalogue (shown on the
 * opportunity and in audit lines), each refusal of `cosell-bridge deploy`, and each configuration key of the service,
 * in its troubleshooting tables. A code added to the code without a row in the guide fails here.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { allConfigKeys } from "../../../server/config";
import { deployRefusals } from "../../../server/deploy";
import { whatToDoCatalogue } from "../../../server/sync/errors/catalogue";

const guide = readFileSync(resolve(__dirname, "../../../docs/admin-guide.md"), "utf8");

/** The first cells of the table rows under a heading that starts with `heading`, up to the next heading. */
function firstCells(heading: string): string[] {
  const start = guide.indexOf(`\n### ${heading}`);
  if (start < 0) throw new Error(`the guide has no section '### ${heading}'`);
  const end = guide.indexOf("\n#", start + 1);
  return guide
    .slice(start, end < 0 ? undefined : end)
    .split("\n")
    .filter((line) => line.startsWith("| ") && !/^\|\s*-/.test(line))
    .map((line) => line.split("|")[1]?.trim() ?? "");
}

describe("the admin guide's troubleshooting tables", () => {
  it.each(Object.keys(whatToDoCatalogue))("have a row for the sync error %s", (code) => {
    expect(firstCells("8.2")).toContain(`\`${code}\``);
  });

  it.each(Object.keys(deployRefusals))("have a row for the deploy refusal %s", (code) => {
    expect(firstCells("8.1")).toContain(`\`${code}\``);
  });

  it.each(allConfigKeys)("name the service setting %s", (key) => {
    expect(firstCells("8.4").some((cell) => cell.includes(`\`${key}\``))).toBe(true);
  });

  it("list no code the product doesn't have", () => {
    const known = new Set([...Object.keys(whatToDoCatalogue), ...Object.keys(deployRefusals)]);
    const rows = [...firstCells("8.1"), ...firstCells("8.2")].filter((cell) => /^`\w+`$/.test(cell));
    expect(rows.filter((cell) => !known.has(cell.slice(1, -1)))).toEqual([]);
  });
});
