/**
 * What the import step decides from what the environment has: the choices that make a re-run safe (nothing to do,
 * finish an interrupted upgrade) and the refusals that would otherwise reach Dataverse as an obscure import failure.
 */
import { describe, expect, it } from "vitest";
import { planImport } from "../../../server/deploy/importPlan";

const wanted = { uniqueName: "CoSellBridge", version: "1.2.0.3", kind: "managed" } as const;
const managed = (version: string) => ({ version, managed: true });

describe("the import plan", () => {
  it("installs when nothing is there, and does nothing when the same version is", () => {
    expect(planImport({ installed: null, holding: null }, wanted)).toEqual({ action: "install" });
    expect(planImport({ installed: managed("1.2.0.3"), holding: null }, wanted)).toEqual({ action: "none" });
  });

  it("upgrades a managed solution through a holding solution, and updates an unmanaged one in place", () => {
    expect(planImport({ installed: managed("1.2.0.2"), holding: null }, wanted)).toEqual({
      action: "upgrade",
      from: "1.2.0.2",
    });
    expect(
      planImport(
        { installed: { version: "1.1.9.9", managed: false }, holding: null },
        { ...wanted, kind: "unmanaged" },
      ),
    ).toEqual({ action: "update", from: "1.1.9.9" });
  });

  it("compares versions as numbers, not text", () => {
    expect(planImport({ installed: managed("1.2.0.9"), holding: null }, { ...wanted, version: "1.2.0.10" })).toEqual({
      action: "upgrade",
      from: "1.2.0.9",
    });
  });

  it("finishes an upgrade whose holding solution is already imported", () => {
    expect(planImport({ installed: managed("1.2.0.2"), holding: managed("1.2.0.3") }, wanted)).toEqual({
      action: "promote",
      from: "1.2.0.2",
    });
  });

  it("refuses a downgrade, a change between managed and unmanaged, and a holding solution of another version", () => {
    expect(() => planImport({ installed: managed("1.10.0.0"), holding: null }, wanted)).toThrow(
      expect.objectContaining({
        code: "downgrade",
        message: expect.stringContaining("newer than 1.2.0.3") as string,
      }) as Error,
    );
    expect(() => planImport({ installed: { version: "1.0.0.0", managed: false }, holding: null }, wanted)).toThrow(
      expect.objectContaining({ code: "managedMismatch" }) as Error,
    );
    expect(() => planImport({ installed: managed("1.2.0.1"), holding: managed("1.2.0.2") }, wanted)).toThrow(
      expect.objectContaining({ code: "holdingSolutionPending" }) as Error,
    );
  });
});
