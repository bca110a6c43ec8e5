/**
 * What stops a pack, and what only warns: missing build outputs (named together, with the command that builds each),
 * a script that lacks a handler the solution calls or fails when loaded, a control whose manifest no longer matches
 * the form's bindings, and a bad version or webhook URL. Each case copies the real build to a scratch folder and
 * changes one thing there.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSolutionZips, PackError, type PackOptions } from "../../solution/packer";
import {
  builtControlFolder,
  builtWebResourcesFolder,
  ensureBuildOutputs,
  repositoryRoot,
  textOf,
} from "./builtSolution";

let scratch: string;
let controlsDir: string;
let webResourcesDir: string;

beforeAll(() => {
  ensureBuildOutputs();
  scratch = mkdtempSync(join(tmpdir(), "solution-refusals-"));
});
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

/** Fresh copies of the built control and web resources for one case. */
function copyBuild(name: string): void {
  controlsDir = join(scratch, name, "controls");
  webResourcesDir = join(scratch, name, "webresources");
  cpSync(builtControlFolder, join(controlsDir, "CoSellPanel"), { recursive: true });
  cpSync(builtWebResourcesFolder, webResourcesDir, { recursive: true });
}

function pack(options: Partial<PackOptions> = {}) {
  return buildSolutionZips({ root: repositoryRoot, controlsDir, webResourcesDir, ...options });
}

function refusal(options: Partial<PackOptions> = {}): PackError {
  try {
    pack(options);
  } catch (error) {
    expect(error).toBeInstanceOf(PackError);
    return error as PackError;
  }
  throw new Error("the pack succeeded, but a PackError was expected");
}

const manifestPath = () => join(controlsDir, "CoSellPanel", "ControlManifest.xml");
const scriptPath = (name = "opportunity") => join(webResourcesDir, "csb_", "scripts", `${name}.js`);

function editManifest(edit: (xml: string) => string): void {
  const before = readFileSync(manifestPath(), "utf8");
  const after = edit(before);
  expect(after).not.toBe(before);
  writeFileSync(manifestPath(), after);
}

describe("a pack with missing inputs", () => {
  it("names every missing file and the command that builds it", () => {
    const empty = join(scratch, "empty");
    const error = refusal({ controlsDir: join(empty, "controls"), webResourcesDir: join(empty, "webresources") });
    expect(error.problems).toHaveLength(9);
    expect(error.problems[0]).toMatch(/built control is missing .*ControlManifest\.xml.*npm run build:controls/);
    expect(error.problems.slice(1).join("\n")).toMatch(/csb_\/icons\/notsynced\.svg is missing/);
    for (const problem of error.problems.slice(1)) expect(problem).toMatch(/node scripts\/build-webresources\.mjs/);
    expect(error.message).toMatch(/^The CoSellBridge solution can't be packed \(9 problems\):/);
  });

  it("names a resource the control's manifest lists but the build lacks", () => {
    copyBuild("no-bundle");
    rmSync(join(controlsDir, "CoSellPanel", "bundle.js"));
    expect(refusal().problems).toEqual([
      expect.stringMatching(/control's file .*bundle\.js is missing.*build:controls/),
    ]);
  });
});

describe("the handlers the solution calls", () => {
  it("must all be functions of the built script", () => {
    copyBuild("renamed-handler");
    // A script that defines the namespaces without the functions, as after a rename in the web resources.
    writeFileSync(scriptPath(), "var CoSellBridge = { Opportunity: {}, Ribbon: {}, Grid: {} };\n");
    const [problem, ...others] = refusal().problems;
    expect(problem).toMatch(/opportunity\.js defines no function CoSellBridge\.Opportunity\.onLoad, /);
    expect(problem).toMatch(/CoSellBridge\.Ribbon\.canAnswerReferral, which the solution calls/);
    expect(problem).toMatch(/solution\/definition\/handlers\.ts/);
    expect(others).toEqual([]);
  });

  it("must each be in the script its library names: the form's script does not stand in for the view's", () => {
    copyBuild("grid-in-form-script");
    // A view loads only csb_/scripts/grid.js: the icon function in the form's script would not be found there.
    const formScript = readFileSync(scriptPath(), "utf8");
    const gridScript = readFileSync(scriptPath("grid"), "utf8");
    writeFileSync(scriptPath(), `${formScript}\n${gridScript}`);
    writeFileSync(scriptPath("grid"), "var CoSellBridge = { Grid: {} };\n");
    expect(refusal().problems).toEqual([
      expect.stringMatching(
        /^The built csb_\/scripts\/grid\.js defines no function CoSellBridge\.Grid\.checkmarkIcon,/,
      ),
    ]);
  });

  it("are checked by loading the script, which must not fail when it loads", () => {
    copyBuild("failing-script");
    writeFileSync(scriptPath(), "document.body.appendChild(null);\n");
    expect(refusal().problems).toEqual([expect.stringMatching(/fails when loaded \(.*document.*\)/)]);
  });
});

describe("the form's bindings of CoSellPanel", () => {
  it("leave out, with a warning, a property the built control doesn't have", () => {
    copyBuild("no-topic");
    editManifest((xml) => xml.replace(/<property name="topic"[^>]*\/>/, ""));
    const packed = pack();
    expect(packed.warnings).toEqual([expect.stringMatching(/no property 'topic'; the form leaves name unbound/)]);
    const customizations = textOf(packed.unmanaged, "customizations.xml");
    expect(customizations).not.toContain("<topic>");
    expect(customizations).toContain("<dealValue>estimatedvalue</dealValue>");
  });

  it("refuse a required bound property the form doesn't bind, and a binding of a property that isn't bound", () => {
    copyBuild("changed-properties");
    editManifest((xml) =>
      xml
        .replace(
          "<resources>",
          '<property name="partnerTier" of-type="SingleLine.Text" usage="bound" required="true"/><resources>',
        )
        .replace(/(<property name="products"[^>]*?)usage="bound"/, '$1usage="input"'),
    );
    const { problems } = refusal();
    expect(problems).toHaveLength(2);
    expect(problems.join("\n")).toMatch(/property 'products' to csb_products, but .* usage="input"/);
    expect(problems.join("\n")).toMatch(/'partnerTier' is bound and required, but the form doesn't bind it/);
  });

  it("refuse a control whose manifest is another control", () => {
    copyBuild("other-control");
    editManifest((xml) => xml.replace('constructor="CoSellPanel"', 'constructor="OtherPanel"'));
    expect(refusal().problems).toEqual([expect.stringMatching(/describes CoSellBridge\.OtherPanel/)]);
  });
});

describe("the pack's settings", () => {
  it("refuse a version that is not four numbers, and a webhook URL that is not absolute", () => {
    copyBuild("settings");
    const { problems } = refusal({ version: "1.2.3", webhookUrl: "/webhooks/dataverse" });
    expect(problems).toEqual([
      expect.stringMatching(/'1\.2\.3' is not a Dataverse version: give four whole numbers/),
      expect.stringMatching(/webhook URL '\/webhooks\/dataverse' is not an absolute http\(s\) address/),
    ]);
  });
});
