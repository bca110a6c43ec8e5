import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeFileAtomically } from "../../../emulators/shared/atomicFile";

describe("writeFileAtomically", () => {
  let folder: string;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), "atomic-file-"));
  });

  afterEach(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it("creates the folder, writes the text and leaves no temporary file", () => {
    const path = join(folder, "nested", "deeper", "state.json");
    writeFileAtomically(path, '{"a":1}');
    expect(readFileSync(path, "utf8")).toBe('{"a":1}');
    expect(readdirSync(join(folder, "nested", "deeper"))).toEqual(["state.json"]);
  });

  it("replaces an existing file as a whole", () => {
    const path = join(folder, "state.json");
    writeFileSync(path, "the old, longer content", "utf8");
    writeFileAtomically(path, "new");
    writeFileAtomically(path, "newer");
    expect(readFileSync(path, "utf8")).toBe("newer");
    expect(readdirSync(folder)).toEqual(["state.json"]);
  });

  it("keeps the previous file and removes its temporary one when the rename fails", () => {
    // A folder where the file should be: the temporary file is written, but can't be renamed over a folder.
    const path = join(folder, "state.json");
    mkdirSync(path);
    writeFileSync(join(path, "inside.txt"), "kept", "utf8");
    expect(() => {
      writeFileAtomically(path, "never lands");
    }).toThrow();
    expect(readdirSync(folder)).toEqual(["state.json"]);
    expect(readFileSync(join(path, "inside.txt"), "utf8")).toBe("kept");
  });
});
