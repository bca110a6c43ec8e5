/**
 * The solution version: a 4-part Dataverse version derived from package.json's semantic version, or given directly.
 */
import { describe, expect, it } from "vitest";
import { dataverseVersionOf, isDataverseVersion, versionInFileName } from "../../solution/packer";

describe("dataverseVersionOf", () => {
  it("adds a zero revision to a release version", () => {
    expect(dataverseVersionOf("0.1.0")).toBe("0.1.0.0");
    expect(dataverseVersionOf("12.3.45")).toBe("12.3.45.0");
  });

  it("takes a numeric build metadata as the revision, so CI can number builds of one release", () => {
    expect(dataverseVersionOf("1.2.3+45")).toBe("1.2.3.45");
  });

  it("refuses a pre-release, other build metadata and text that is no semantic version, saying what to do", () => {
    expect(() => dataverseVersionOf("1.0.0-rc.1")).toThrow(/pre-release.*--version 1\.2\.3\.4/s);
    expect(() => dataverseVersionOf("1.0.0+sha.abc")).toThrow(/only a number/);
    expect(() => dataverseVersionOf("1.0")).toThrow(/not a semantic version/);
    expect(() => dataverseVersionOf("1.0.3000000000")).toThrow(/2147483647/);
  });
});

describe("isDataverseVersion", () => {
  it("accepts four whole numbers within Dataverse's range and nothing else", () => {
    expect(isDataverseVersion("1.2.3.4")).toBe(true);
    expect(isDataverseVersion("0.1.0.0")).toBe(true);
    expect(isDataverseVersion("1.2.3")).toBe(false);
    expect(isDataverseVersion("1.2.3.4.5")).toBe(false);
    expect(isDataverseVersion("1.2.3.x")).toBe(false);
    expect(isDataverseVersion("1.2.3.01")).toBe(false);
    expect(isDataverseVersion("1.2.3.2147483648")).toBe(false);
  });

  it("writes the version with underscores in file names, as Dataverse's exports do", () => {
    expect(versionInFileName("1.2.3.4")).toBe("1_2_3_4");
  });
});
