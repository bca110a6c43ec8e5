/**
 * Each way a zip is refused, with one malformed variant of the realistic solution per code, and several problems
 * reported together in one error.
 */
import { describe, expect, it } from "vitest";
import { readSolutionZip } from "../../../../emulators/dataverse/solution";
import { webResourceEntry, webResourceName } from "./coSellBridgeComponents";
import { coSellBridgeParts } from "./coSellBridgeFixture";
import { replaceInPart, utf8Bytes, withoutParts, zipParts, type FixtureParts } from "./fixtureZip";
import { codesOf, expectProblems, refusalOf } from "./refusal";

const parts = coSellBridgeParts();
const solutionPart = "solution.xml";
const customizationsPart = "customizations.xml";
const withAuthValue = (value: string): FixtureParts =>
  replaceInPart(
    parts,
    customizationsPart,
    "<AuthType>4</AuthType>",
    `<AuthType>4</AuthType><AuthValue>${value}</AuthValue>`,
  );
const missingRootComponent = `<RootComponent type="61" schemaName="csb_/scripts/missing.js" behavior="0" />`;
const withExtraRootComponent = (base: FixtureParts): FixtureParts =>
  replaceInPart(base, solutionPart, "<RootComponents>", `<RootComponents>${missingRootComponent}`);

describe("refusing the zip container", () => {
  it("refuses bytes that are not a zip (InvalidZip)", () => {
    const error = refusalOf(utf8Bytes("<ImportExportXml/>"));
    expect(error.code).toBe("InvalidZip");
    expectProblems(error, [{ code: "InvalidZip", part: "(zip)", says: /not a zip/ }]);
  });

  it("refuses a damaged zip (InvalidZip)", () => {
    const zip = zipParts(parts);
    const error = refusalOf(zip.subarray(0, zip.length - 30));
    expect(error.code).toBe("InvalidZip");
    expect(error.problems[0]?.message).toMatch(/damaged/);
  });

  it("refuses entry names with backslashes, naming the entry (InvalidZip)", () => {
    const error = refusalOf(zipParts({ ...parts, "WebResources\\csb_extra.js": "x" }));
    expect(error.code).toBe("InvalidZip");
    expectProblems(error, [{ code: "InvalidZip", part: "WebResources\\csb_extra.js", says: /forward slashes/ }]);
  });

  it("refuses path traversal and absolute entry names, every one of them (InvalidZip)", () => {
    const error = refusalOf(
      zipParts({ ...parts, "../evil.js": "x", "Controls/../../evil.js": "x", "/etc/passwd": "x" }),
    );
    expect(codesOf(error)).toEqual(["InvalidZip", "InvalidZip", "InvalidZip"]);
    expect(error.problems.map((problem) => problem.part).sort()).toEqual([
      "../evil.js",
      "/etc/passwd",
      "Controls/../../evil.js",
    ]);
  });

  it("refuses two entries whose names differ only in case (InvalidZip)", () => {
    const error = refusalOf(zipParts({ ...parts, "SOLUTION.xml": parts[solutionPart] ?? "" }));
    expectProblems(error, [{ code: "InvalidZip", part: "SOLUTION.xml", says: /differ only in letter case/ }]);
  });

  it("refuses a zip with more entries or bigger files than the limits (InvalidZip)", () => {
    const tooMany = refusalOf(zipParts(parts), { limits: { maxEntries: 5 } });
    expectProblems(tooMany, [{ code: "InvalidZip", part: "(zip)", says: /more than 5 entries/ }]);
    const tooBig = refusalOf(zipParts(parts), { limits: { maxEntryBytes: 20_000 } });
    expectProblems(tooBig, [{ code: "InvalidZip", part: customizationsPart, says: /more than the 20000 bytes/ }]);
  });
});

describe("refusing the parts", () => {
  it("refuses a zip without customizations.xml (MissingPart)", () => {
    const error = refusalOf(zipParts(withoutParts(parts, customizationsPart)));
    expect(error.code).toBe("MissingPart");
    expectProblems(error, [
      { code: "MissingPart", part: customizationsPart, says: "The zip has no customizations.xml at its root" },
    ]);
  });

  it("says when a required part is there under another case", () => {
    const renamed = { ...withoutParts(parts, solutionPart), "Solution.xml": parts[solutionPart] ?? "" };
    const error = refusalOf(zipParts(renamed));
    expect(error.problems[0]?.message).toContain(
      "The zip has 'Solution.xml'; the name must be exactly 'solution.xml'.",
    );
  });

  it("refuses malformed XML, naming the part, line and column (MalformedXml)", () => {
    const broken = replaceInPart(parts, solutionPart, "</Version>", "</Versio>");
    const text = String(broken[solutionPart]);
    const before = text.slice(0, text.indexOf("</Versio>")).split("\n");
    const error = refusalOf(zipParts(broken));
    expect(error.code).toBe("MalformedXml");
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]?.part).toBe(solutionPart);
    expect(error.problems[0]?.message).toContain(`line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`);
    expect(error.problems[0]?.message).toMatch(/Expected closing tag 'Version'/);
  });

  it("refuses a version that is not four whole numbers (InvalidManifest)", () => {
    for (const version of ["1.2", "1.2.0.7.1", "1.2.x.7", "v1.0.0.0"]) {
      const error = refusalOf(
        zipParts(replaceInPart(parts, solutionPart, "<Version>1.2.0.7</Version>", `<Version>${version}</Version>`)),
      );
      expectProblems(error, [{ code: "InvalidManifest", part: solutionPart, says: `'${version}'` }]);
    }
  });

  it("refuses a Managed flag other than 0 or 1 (InvalidManifest)", () => {
    const error = refusalOf(
      zipParts(replaceInPart(parts, solutionPart, "<Managed>0</Managed>", "<Managed>2</Managed>")),
    );
    expectProblems(error, [
      {
        code: "InvalidManifest",
        part: solutionPart,
        says: /unmanaged \(0\) or managed \(1\)/,
      },
    ]);
  });

  it("refuses a webhook key in the solution without repeating it (SecretInSolution)", () => {
    const error = refusalOf(zipParts(withAuthValue("s3cr3t-webhook-key")));
    expect(error.code).toBe("SecretInSolution");
    expectProblems(error, [
      {
        code: "SecretInSolution",
        part: customizationsPart,
        says: "'CoSellBridge sync service'",
      },
    ]);
    expect(error.message).not.toContain("s3cr3t-webhook-key");
  });

  it("accepts an empty AuthValue element, which carries no secret", () => {
    expect(readSolutionZip(zipParts(withAuthValue(""))).serviceEndpoints).toHaveLength(1);
  });

  it("refuses a root component whose part is not in the zip (ComponentMismatch)", () => {
    const error = refusalOf(zipParts(withExtraRootComponent(parts)));
    expectProblems(error, [
      {
        code: "ComponentMismatch",
        part: solutionPart,
        says: "'csb_/scripts/missing.js' (type 61)",
      },
    ]);
  });

  it("refuses a web resource whose file is missing (MissingFile)", () => {
    const error = refusalOf(zipParts(withoutParts(parts, webResourceEntry)));
    expect(error.code).toBe("MissingFile");
    expectProblems(error, [{ code: "MissingFile", part: customizationsPart, says: `'${webResourceName}'` }]);
  });
});

describe("reporting every problem at once", () => {
  it("lists all problems in one error, named by the most urgent code", () => {
    let broken = withAuthValue("key");
    broken = replaceInPart(broken, solutionPart, "<Version>1.2.0.7</Version>", "<Version>1.2</Version>");
    broken = withExtraRootComponent(withoutParts(broken, webResourceEntry));
    const error = refusalOf(zipParts(broken));
    expect(error.code).toBe("SecretInSolution");
    expect([...codesOf(error)].sort()).toEqual([
      "ComponentMismatch",
      "InvalidManifest",
      "MissingFile",
      "SecretInSolution",
    ]);
    expect(error.message).toMatch(/^The solution can't be imported \(4 problems\):\n1\. /);
    for (const problem of error.problems) expect(error.message).toContain(problem.message);
  });
});
