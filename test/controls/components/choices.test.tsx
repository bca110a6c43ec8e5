// @vitest-environment jsdom
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { MicrosoftHelpOption } from "../../../core";
import { anInputs, coSellInputs, field } from "../support/builders";
import { requireCleanConsole } from "../support/console";
import { catalogue, renderPanel } from "../support/render";

requireCleanConsole();

describe("the seller's choices", () => {
  it("turns Sync with Partner Center on from its switch", async () => {
    const user = userEvent.setup();
    const { actions } = renderPanel();
    const toggle = screen.getByRole("switch", { name: "Sync with Partner Center" });
    expect(toggle.getAttribute("aria-checked")).toBe("false");
    await user.click(toggle);
    expect(actions.calls).toEqual([{ action: "sync", args: [true] }]);
  });

  it("works from the keyboard alone, in reading order", async () => {
    const user = userEvent.setup();
    const { actions } = renderPanel();
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole("switch", { name: "Sync with Partner Center" }));
    await user.keyboard(" ");
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole("checkbox", { name: "General or other" }));
    await user.keyboard(" ");
    expect(actions.calls).toEqual([
      { action: "sync", args: [true] },
      { action: "help", args: [[MicrosoftHelpOption.GeneralOrOther]] },
    ]);
  });

  it("offers one checkbox per help option in a named group, and keeps the other choices when one changes", async () => {
    const user = userEvent.setup();
    const chosen = [MicrosoftHelpOption.QuotesOrLicensing, MicrosoftHelpOption.GeneralOrOther];
    const { actions } = renderPanel(anInputs({ microsoftHelp: field<readonly number[]>(chosen) }));
    const group = screen.getByRole("group", { name: "How can Microsoft help?" });
    const boxes = within(group).getAllByRole("checkbox");
    expect(boxes.map((box) => (box as HTMLInputElement).checked)).toEqual([true, false, false, true]);
    await user.click(within(group).getByRole("checkbox", { name: "Quotes or licensing" }));
    await user.click(within(group).getByRole("checkbox", { name: "Proof of concept or demo" }));
    expect(actions.calls).toEqual([
      { action: "help", args: [[MicrosoftHelpOption.GeneralOrOther]] },
      // The view didn't re-render (the form does that), so the second change starts from the same choices.
      {
        action: "help",
        args: [
          [
            MicrosoftHelpOption.GeneralOrOther,
            MicrosoftHelpOption.QuotesOrLicensing,
            MicrosoftHelpOption.ProofOfConceptOrDemo,
          ],
        ],
      },
    ]);
    // Fluent's tick is drawn inline, never from the icon font.
    expect(document.querySelector("[data-icon-name]:not([data-icon-name=''])")).toBeNull();
  });

  it("asks before sharing with Microsoft sellers, and shares only when the seller confirms", async () => {
    const user = userEvent.setup();
    const { actions } = renderPanel();
    const share = screen.getByRole("switch", { name: "Visible to Microsoft sellers" });
    await user.click(share);
    const dialog = await screen.findByRole("dialog", { name: "Share with Microsoft sellers?" });
    expect(dialog.textContent).toContain("This can't be undone");
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    await waitFor(() => {
      expect(screen.queryByRole("dialog")).toBeNull();
    });
    expect(actions.calls).toEqual([]);

    await user.click(share);
    await user.click(await screen.findByRole("button", { name: "Share with Microsoft" }));
    expect(actions.calls).toEqual([{ action: "share", args: [true] }]);
  });

  it("keeps a deal saved as shared shared: the switch is read-only and says why", () => {
    renderPanel(anInputs({ shareWithMicrosoft: field(true), sharedWhenOpened: true }));
    const share = screen.getByRole("switch", { name: "Visible to Microsoft sellers" });
    expect(share.getAttribute("aria-checked")).toBe("true");
    expect((share as HTMLButtonElement).disabled).toBe(true);
    const describedBy = share.getAttribute("aria-describedby") ?? "";
    expect(document.getElementById(describedBy)?.textContent).toBe(
      "Shared with Microsoft sellers. This can't be undone.",
    );
  });

  it("lets the seller take an unsaved share back without asking", async () => {
    const user = userEvent.setup();
    const { actions } = renderPanel(anInputs({ shareWithMicrosoft: field(true) }));
    await user.click(screen.getByRole("switch", { name: "Visible to Microsoft sellers" }));
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(actions.calls).toEqual([{ action: "share", args: [false] }]);
  });

  it("shows hidden fields as *** without a control, and a disabled form read-only", () => {
    const hidden = { readable: false, editable: false };
    renderPanel(
      anInputs({
        formDisabled: true,
        microsoftHelp: field<readonly number[]>([], hidden),
        products: field<readonly string[]>([], hidden),
      }),
    );
    expect(screen.queryByRole("checkbox")).toBeNull();
    expect(screen.queryByRole("combobox", { name: "Products" })).toBeNull();
    expect(within(screen.getByRole("group", { name: "How can Microsoft help?" })).getByText("***")).toBeTruthy();
    expect(within(screen.getByRole("group", { name: "Products" })).getByText("***")).toBeTruthy();
    for (const name of ["Sync with Partner Center", "Visible to Microsoft sellers"]) {
      expect(screen.getByRole<HTMLButtonElement>("switch", { name }).disabled).toBe(true);
    }
  });
});

describe("the product picker", () => {
  it("suggests solutions by name as the seller types, and adds the picked one", async () => {
    const user = userEvent.setup();
    const { actions } = renderPanel(coSellInputs());
    expect(screen.getByText("Contoso Supply Chain Accelerator")).toBeTruthy();
    await user.type(screen.getByRole("combobox", { name: "Products" }), "ware");
    const option = await screen.findByRole("option", { name: "Fabrikam Warehouse Vision" });
    await user.click(option);
    const fabrikam = catalogue[1];
    expect(actions.calls).toEqual([
      {
        action: "products",
        args: [
          ["SOL-15974-MQF", "SOL-20011-ABC"],
          [{ id: "SOL-15974-MQF", name: "Contoso Supply Chain Accelerator" }, fabrikam],
        ],
      },
    ]);
  });

  it("doesn't suggest a solution already chosen, and says when nothing matches", async () => {
    const user = userEvent.setup();
    renderPanel(coSellInputs());
    await user.type(screen.getByRole("combobox", { name: "Products" }), "contoso");
    expect(await screen.findByText("No co-sell solution matches. Try another name or a SOL- id.")).toBeTruthy();
    expect(screen.queryByRole("option", { name: "Contoso Supply Chain Accelerator" })).toBeNull();
  });

  it("removes a product with its tag's button", async () => {
    const user = userEvent.setup();
    const { actions } = renderPanel(coSellInputs());
    await user.click(screen.getByRole("button", { name: /Remove.*Contoso Supply Chain Accelerator/ }));
    expect(actions.calls).toEqual([{ action: "products", args: [[], []] }]);
  });

  it("says when the catalogue can't be searched, without breaking the picker", async () => {
    const user = userEvent.setup();
    const { recordingActions } = await import("../support/render");
    renderPanel(
      coSellInputs(),
      undefined,
      recordingActions(() => Promise.reject(new Error("Network error"))),
    );
    await user.type(screen.getByRole("combobox", { name: "Products" }), "x");
    expect(
      await screen.findByText("Your co-sell solutions couldn't be searched (Network error). Try again in a moment."),
    ).toBeTruthy();
  });
});
