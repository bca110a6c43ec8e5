import { describe, expect, it } from "vitest";
import { judgePcfBuild } from "../../scripts/lib/pcf-build-verdict.mjs";

const startedAt = 1_000;
const fresh = [{ name: "CoSellPanel", modifiedAt: 2_000 }];
const succeeded = "[build] Compiling and bundling control...\n[12:53:04 AM] [build] Succeeded\n";

describe("judgePcfBuild", () => {
  it("accepts a build that says it succeeded and rewrote every bundle", () => {
    expect(judgePcfBuild({ exitCode: 0, output: succeeded, startedAt, bundles: fresh })).toEqual({ ok: true });
  });

  it("fails a build that printed a failure but exited 0", () => {
    const output = "ERROR in controls/CoSellPanel/index.ts\n  TS2322: Type 'string'\n[12:53:16 AM] [build] Failed:\n";
    expect(judgePcfBuild({ exitCode: 0, output, startedAt, bundles: fresh })).toEqual({
      ok: false,
      reason: "pcf-scripts reported: [12:53:16 AM] [build] Failed:",
    });
  });

  it("fails on a manifest diagnostic such as an unsupported platform library", () => {
    const output = `[pcf-1063] [Error] Unsupported 'Fluent' version '8.125.7' specified platform-library.\n${succeeded}`;
    expect(judgePcfBuild({ exitCode: 0, output, startedAt, bundles: fresh }).ok).toBe(false);
  });

  it("fails when pcf-scripts exits with an error code", () => {
    expect(judgePcfBuild({ exitCode: 1, output: succeeded, startedAt, bundles: fresh })).toEqual({
      ok: false,
      reason: "pcf-scripts exited with code 1",
    });
    expect(judgePcfBuild({ exitCode: null, output: succeeded, startedAt, bundles: fresh }).ok).toBe(false);
  });

  it("fails when it never says it succeeded", () => {
    expect(judgePcfBuild({ exitCode: 0, output: "[build] Initializing...\n", startedAt, bundles: fresh })).toEqual({
      ok: false,
      reason: "pcf-scripts never printed '[build] Succeeded'",
    });
  });

  it("fails when a bundle is missing or older than the build", () => {
    const bundles = [
      { name: "CoSellPanel", modifiedAt: 500 },
      { name: "Other", modifiedAt: undefined },
    ];
    expect(judgePcfBuild({ exitCode: 0, output: succeeded, startedAt, bundles })).toEqual({
      ok: false,
      reason: "no fresh bundle.js for CoSellPanel, Other",
    });
  });
});
