import { describe, expect, it } from "vitest";
import { PendingEdits, type EditableValues } from "../../controls/CoSellPanel/pendingEdits";

const form: EditableValues = {
  syncWithPartnerCenter: false,
  microsoftHelp: [],
  shareWithMicrosoft: false,
  products: [],
};

describe("PendingEdits", () => {
  it("shows a change until the form reports it back, and hands it to getOutputs", () => {
    const edits = new PendingEdits();
    edits.record("syncWithPartnerCenter", true, false);
    edits.record("products", ["SOL-2", "SOL-1"], []);
    expect(edits.apply(form)).toEqual({ ...form, syncWithPartnerCenter: true, products: ["SOL-2", "SOL-1"] });
    expect(edits.outputs()).toEqual({ syncWithPartnerCenter: true, products: "SOL-1, SOL-2" });
    // The form applied the outputs: its values win from now on, and nothing is output again.
    const applied = { ...form, syncWithPartnerCenter: true, products: ["SOL-1", "SOL-2"] };
    expect(edits.apply(applied)).toEqual(applied);
    expect(edits.outputs()).toEqual({});
  });

  it("lets a form script's later change win over the seller's pending one", () => {
    const edits = new PendingEdits();
    edits.record("microsoftHelp", [582100001], []);
    expect(edits.apply({ ...form, microsoftHelp: [582100003] }).microsoftHelp).toEqual([582100003]);
    expect(edits.apply(form).microsoftHelp).toEqual([]);
  });

  it("outputs empty choices as [] and no products as an empty text", () => {
    const edits = new PendingEdits();
    edits.record("microsoftHelp", [], [582100001]);
    edits.record("products", [], ["SOL-1"]);
    edits.record("shareWithMicrosoft", true, false);
    expect(edits.outputs()).toEqual({ microsoftHelp: [], products: "", shareWithMicrosoft: true });
  });
});
