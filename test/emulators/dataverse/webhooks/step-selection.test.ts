import { describe, expect, it } from "vitest";
import { selectSteps } from "../../../../emulators/dataverse/webhooks";
import { createNotification, step, updateNotification } from "./fixtures";

function names(steps: readonly { name: string }[]): string[] {
  return steps.map((selected) => selected.name);
}

describe("selectSteps", () => {
  it("fires an Update step whose filteringattributes include a changed column (case-insensitive)", () => {
    const filtered = step({ name: "filtered", filteringattributes: " estimatedvalue , NAME " });
    expect(names(selectSteps(updateNotification(), [filtered]))).toEqual(["filtered"]);
  });

  it("fires nothing when the Update changed only unfiltered columns", () => {
    const filtered = step({ filteringattributes: "estimatedvalue,statecode" });
    expect(selectSteps(updateNotification({ changedAttributes: ["description"] }), [filtered])).toEqual([]);
  });

  it("treats a null or empty filter as every column", () => {
    const steps = [step({ name: "null", filteringattributes: null }), step({ name: "empty", filteringattributes: "" })];
    expect(names(selectSteps(updateNotification({ changedAttributes: ["description"] }), steps))).toEqual([
      "null",
      "empty",
    ]);
  });

  it("ignores filteringattributes for other messages", () => {
    const createStep = step({ name: "create", message: "Create", filteringattributes: "statecode" });
    expect(names(selectSteps(createNotification(), [createStep]))).toEqual(["create"]);
  });

  it("skips disabled steps and steps of another message, table or stage", () => {
    const steps = [
      step({ name: "disabled", enabled: false }),
      step({ name: "create", message: "Create" }),
      step({ name: "account", primaryEntity: "account" }),
      step({ name: "pre-operation", stage: 20, mode: 0 }),
      step({ name: "fires", primaryEntity: "Opportunity" }),
    ];
    expect(names(selectSteps(updateNotification(), steps))).toEqual(["fires"]);
  });

  it("orders by rank, keeping registration order between equal ranks", () => {
    const steps = [
      step({ name: "rank 3", rank: 3 }),
      step({ name: "rank 1 first", rank: 1 }),
      step({ name: "rank 2", rank: 2, mode: 0 }),
      step({ name: "rank 1 second", rank: 1 }),
    ];
    expect(names(selectSteps(updateNotification(), steps))).toEqual([
      "rank 1 first",
      "rank 1 second",
      "rank 2",
      "rank 3",
    ]);
  });
});
