/**
 * The key table in server/config/index.ts is what admins read; it is hand-written, so this keeps it in step with the
 * declarations the loader uses: every key, its file key, whether it is secret, and its default.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { allConfigKeys, configKeys } from "../../../server/config";

const indexSource = readFileSync(new URL("../../../server/config/index.ts", import.meta.url), "utf8");

interface Row {
  readonly variable: string;
  readonly section: string;
  readonly fileKey: string;
  readonly rule: string;
}

/** Rows of the docstring table by variable, each with the section of the italic row above it. */
function readTable(source: string): Map<string, Row> {
  const rows = new Map<string, Row>();
  let section = "";
  for (const line of source.split("\n").filter((text) => text.startsWith(" * | "))) {
    const [, first = "", fileKey = "", rule = ""] = line.split("|").map((cell) => cell.trim());
    const sectionRow = /^\*(\w+)\*$/.exec(first);
    if (sectionRow?.[1] !== undefined) section = sectionRow[1];
    else if (/^[A-Z_]+( \(S\))?$/.test(first))
      rows.set(first.replace(" (S)", ""), { variable: first, section, fileKey, rule });
  }
  return rows;
}

const rows = readTable(indexSource);

describe("the key table of server/config/index.ts", () => {
  it("lists exactly the settings the loader knows", () => {
    expect([...rows.keys()].sort()).toEqual([...allConfigKeys].sort());
  });

  it.each(allConfigKeys)("documents %s with its section, file key, secrecy and default", (key) => {
    const spec = configKeys[key];
    const row = rows.get(key);

    expect(row?.section).toBe(spec.section);
    expect(row?.variable.endsWith("(S)")).toBe(spec.secret === true);
    expect(row?.fileKey).toBe(spec.secret === true ? "—" : spec.fileKey);
    if ("defaultValue" in spec) expect(row?.rule.startsWith(spec.defaultValue)).toBe(true);
    if ("required" in spec) expect(row?.rule.startsWith("required")).toBe(true);
  });
});
