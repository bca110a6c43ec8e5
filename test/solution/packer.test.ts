/**
 * The packer on the real build: both zips carry the built control and web resources byte for byte, read back through
 * the Dataverse emulator's solution reader (which cross-checks root components, content types and files), list a
 * root component for every component, differ only in the managed flag, and come out byte-identical every time, also
 * from the command line in another time zone.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSolutionZip } from "../../emulators/dataverse/solution";
import { buildSolutionZips, packSolution } from "../../solution/packer";
import {
  builtControlFolder,
  builtWebResourcesFolder,
  entriesOf,
  ensureBuildOutputs,
  packedSolution,
  repositoryRoot,
  textOf,
} from "./builtSolution";

let scratch: string;
beforeAll(() => {
  ensureBuildOutputs();
  scratch = mkdtempSync(join(tmpdir(), "solution-pack-"));
});
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

const controlFolder = "Controls/csb_CoSellBridge.CoSellPanel";
const webResourceNames = [
  "csb_/scripts/opportunity.js",
  "csb_/scripts/grid.js",
  "csb_/strings/opportunity.1033.resx",
  "csb_/strings/opportunity.1049.resx",
  "csb_/icons/synced.svg",
  "csb_/icons/pending.svg",
  "csb_/icons/error.svg",
  "csb_/icons/notsynced.svg",
];

/** Every `<tag …attribute="value"` of a part, e.g. the ids of all Role elements. */
function valuesOf(xml: string, tag: string, attribute: string): string[] {
  const pattern = new RegExp(`<${tag}\\b[^>]*?\\s${attribute}="([^"]*)"`, "g");
  return [...xml.matchAll(pattern)].map((match) => (match[1] ?? "").toLowerCase());
}

/** The text of every `<tag>…</tag>` of a part. */
function textsOf(xml: string, tag: string): string[] {
  return [...xml.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, "g"))].map((match) => (match[1] ?? "").toLowerCase());
}

describe("packing the built control and web resources", () => {
  it("puts the built files in byte for byte, under forward-slash entry names", () => {
    const entries = entriesOf(packedSolution().unmanaged);
    const manifest = readFileSync(join(builtControlFolder, "ControlManifest.xml"));
    expect(entries.get(`${controlFolder}/ControlManifest.xml`)).toEqual(new Uint8Array(manifest));
    expect(entries.get(`${controlFolder}/bundle.js`)).toEqual(
      new Uint8Array(readFileSync(join(builtControlFolder, "bundle.js"))),
    );
    for (const name of webResourceNames) {
      const built = new Uint8Array(readFileSync(join(builtWebResourcesFolder, name)));
      const entry = [...entries.keys()].find((key) =>
        key.startsWith(`WebResources/${name.replace(/[^A-Za-z0-9_]/g, "")}`),
      );
      expect(entry, name).toBeDefined();
      expect(entries.get(entry ?? "")).toEqual(built);
    }
    expect([...entries.keys()].filter((name) => name.includes("\\"))).toEqual([]);
    expect([...entries.keys()].slice(0, 3)).toEqual(["[Content_Types].xml", "solution.xml", "customizations.xml"]);
  });

  it("reads back through the emulator's solution reader, which only notes the parts it doesn't import", () => {
    const { unmanaged, managed, version } = packedSolution();
    for (const [zip, isManaged] of [
      [unmanaged, false],
      [managed, true],
    ] as const) {
      const read = readSolutionZip(zip);
      expect(read.manifest).toMatchObject({ uniqueName: "CoSellBridge", version, managed: isManaged });
      expect(read.manifest.publisher).toMatchObject({ customizationPrefix: "csb", optionValuePrefix: 58_210 });
      expect(read.customControls.map((control) => control.name)).toEqual(["csb_CoSellBridge.CoSellPanel"]);
      expect(read.webResources.map((resource) => resource.name).sort()).toEqual([...webResourceNames].sort());
      const notes = read.warnings.map((warning) => warning.message);
      expect(
        notes.filter((note) => !/not (a component the emulator imports|imported by the emulator)/.test(note)),
      ).toEqual([]);
    }
  });

  it("lists a root component for every role, form, view and choice, the parts the emulator doesn't check", () => {
    const { unmanaged } = packedSolution();
    const manifest = textOf(unmanaged, "solution.xml");
    const customizations = textOf(unmanaged, "customizations.xml");
    const rootIds = (type: number) =>
      [...manifest.matchAll(new RegExp(`<RootComponent type="${type}" (?:id|schemaName)="([^"]*)"`, "g"))]
        .map((match) => (match[1] ?? "").toLowerCase())
        .sort();
    expect(rootIds(20)).toEqual(valuesOf(customizations, "Role", "id").sort());
    expect(rootIds(60)).toEqual(textsOf(customizations, "formid").sort());
    expect(rootIds(26)).toEqual(textsOf(customizations, "savedqueryid").sort());
    expect(rootIds(9)).toEqual(
      valuesOf(customizations, "optionset", "Name")
        .filter((name) => !name.endsWith("_optionset"))
        .sort(),
    );
    expect(rootIds(20)).toHaveLength(2);
  });

  it("gives the managed zip the same files, with only solution.xml's Managed flag changed", () => {
    const { unmanaged, managed } = packedSolution();
    const left = entriesOf(unmanaged);
    const right = entriesOf(managed);
    expect([...right.keys()]).toEqual([...left.keys()]);
    for (const [name, bytes] of left) if (name !== "solution.xml") expect(right.get(name), name).toEqual(bytes);
    expect(textOf(managed, "solution.xml")).toBe(
      textOf(unmanaged, "solution.xml").replace("<Managed>0</Managed>", "<Managed>1</Managed>"),
    );
  });
});

describe("the packer's output", () => {
  it("is the same bytes on every pack, in process and from the command line in another time zone", () => {
    const first = buildSolutionZips({ root: repositoryRoot, version: "3.2.1.0" });
    const second = buildSolutionZips({ root: repositoryRoot, version: "3.2.1.0" });
    expect(Buffer.from(second.unmanaged).equals(Buffer.from(first.unmanaged))).toBe(true);
    expect(Buffer.from(second.managed).equals(Buffer.from(first.managed))).toBe(true);
    const run = spawnSync(
      process.execPath,
      [join(repositoryRoot, "scripts", "build-solution.mjs"), "--version", "3.2.1.0", "--out", scratch],
      { cwd: repositoryRoot, encoding: "utf8", env: { ...process.env, TZ: "Pacific/Kiritimati" } },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("CoSellBridge_3_2_1_0_managed.zip");
    expect(readFileSync(join(scratch, "CoSellBridge_3_2_1_0.zip")).equals(Buffer.from(first.unmanaged))).toBe(true);
    expect(readFileSync(join(scratch, "CoSellBridge_3_2_1_0_managed.zip")).equals(Buffer.from(first.managed))).toBe(
      true,
    );
  });

  it("writes CoSellBridge_<version>.zip and _managed.zip with the version it was given", () => {
    const outDir = join(scratch, "bumped");
    const result = packSolution({ root: repositoryRoot, version: "0.1.0.7", outDir });
    expect(result.unmanaged.path).toBe(join(outDir, "CoSellBridge_0_1_0_7.zip"));
    expect(result.managed.path).toBe(join(outDir, "CoSellBridge_0_1_0_7_managed.zip"));
    expect(textOf(new Uint8Array(readFileSync(result.unmanaged.path)), "solution.xml")).toContain(
      "<Version>0.1.0.7</Version>",
    );
    expect(result.unmanaged.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("derives the version from package.json when none is given", () => {
    const packageVersion = (
      JSON.parse(readFileSync(join(repositoryRoot, "package.json"), "utf8")) as { version: string }
    ).version;
    expect(packedSolution().version).toBe(`${packageVersion}.0`);
  });

  it("points the webhook at the address it is given, and keeps no key in the solution", () => {
    const packed = buildSolutionZips({
      root: repositoryRoot,
      webhookUrl: "https://sync.contoso.example/webhooks/dataverse",
    });
    const customizations = textOf(packed.unmanaged, "customizations.xml");
    expect(customizations).toContain("<Url>https://sync.contoso.example/webhooks/dataverse</Url>");
    expect(textOf(packedSolution().unmanaged, "customizations.xml")).toContain(
      "<Url>https://cosell-bridge.invalid/webhooks/dataverse</Url>",
    );
    expect(customizations).not.toMatch(/authvalue|saskey/i);
  });
});
