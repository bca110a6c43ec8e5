// @vitest-environment jsdom
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { SyncStatus } from "../../../core";
import { aServiceStatus, anInputs, coSellInputs, field, savedOpportunity, someData } from "../support/builders";
import { requireCleanConsole } from "../support/console";
import { renderPanel } from "../support/render";
import { english } from "../support/strings";

requireCleanConsole();

const savedCoSell = someData({
  snapshot: {
    state: "loaded",
    value: savedOpportunity({
      csb_syncwithpartnercenter: true,
      csb_microsofthelp: "582100002",
      csb_sharewithmicrosoft: true,
      csb_products: "SOL-15974-MQF",
    }),
  },
});

describe("the sync status", () => {
  it("announces Synced with a checkmark and the last sync", () => {
    const service = aServiceStatus({ status: "Synced", lastSyncedAt: "2026-11-24T08:00:00Z" });
    renderPanel(coSellInputs(), { ...savedCoSell, service: { kind: "loaded", status: service } });
    const status = screen.getByRole("status", { name: "Sync status" });
    expect(status.getAttribute("data-status")).toBe("synced");
    expect(within(status).getByText("Synced")).toBeTruthy();
    expect(status.querySelector("svg[data-icon='check']")?.getAttribute("aria-hidden")).toBe("true");
    expect(status.textContent).toMatch(/Last synced Nov 24, 2026, 8:00\sAM/);
  });

  it("shows an Error with a cross, the error and what to do", () => {
    const service = aServiceStatus({
      status: "Error",
      lastError: {
        at: "2026-11-24T08:00:00Z",
        message: "Partner Center refused the deal.",
        whatToDo: "Fix the country.",
      },
    });
    renderPanel(coSellInputs(), { ...savedCoSell, service: { kind: "loaded", status: service } });
    const status = screen.getByRole("status", { name: "Sync status" });
    expect(status.querySelector("svg[data-icon='cross']")).not.toBeNull();
    expect(within(status).getByText("Partner Center refused the deal.")).toBeTruthy();
    expect(within(status).getByText("What to do: Fix the country.")).toBeTruthy();
  });

  it("says calmly that the service can't be reached, next to the saved status", () => {
    renderPanel(anInputs({ syncStatus: field<number | null>(SyncStatus.Pending) }), {
      ...savedCoSell,
      service: { kind: "failed", failure: { kind: "unreachable" }, lastKnown: null },
    });
    expect(within(screen.getByRole("status", { name: "Sync status" })).getByText("Pending")).toBeTruthy();
    expect(screen.getByText("Can't reach the sync service right now.")).toBeTruthy();
    expect(screen.getByText(`What to do: ${english("Service_UnreachableWhatToDo")}`)).toBeTruthy();
  });
});

describe("Sync now", () => {
  it("calls the service when it can run", async () => {
    const user = userEvent.setup();
    const { actions } = renderPanel(coSellInputs(), savedCoSell);
    await user.click(screen.getByRole("button", { name: "Sync now" }));
    expect(actions.calls).toEqual([{ action: "syncNow", args: [] }]);
  });

  it("stays reachable by keyboard when it can't run, and says why", async () => {
    const user = userEvent.setup();
    const { actions } = renderPanel(
      coSellInputs({ recordId: null }),
      someData({ snapshot: null, service: { kind: "newRecord" } }),
    );
    const button = screen.getByRole("button", { name: "Sync now" });
    expect(button.getAttribute("aria-disabled")).toBe("true");
    expect(document.getElementById(button.getAttribute("aria-describedby") ?? "")?.textContent).toBe(
      "Save the opportunity first.",
    );
    button.focus();
    expect(document.activeElement).toBe(button);
    await user.click(button);
    await user.keyboard("{Enter}");
    expect(actions.calls).toEqual([]);
  });

  it("shows progress, then the result, in a live region", () => {
    const running = renderPanel(coSellInputs(), { ...savedCoSell, syncRun: { kind: "running" } });
    expect(screen.getByText(english("SyncNow_Running"))).toBeTruthy();
    running.unmount();
    renderPanel(coSellInputs(), { ...savedCoSell, syncRun: { kind: "failed", failure: { kind: "unreachable" } } });
    const result = screen.getByText("Sync now didn't work. Can't reach the sync service right now.");
    expect(result.closest("[aria-live='polite']")).not.toBeNull();
  });
});

describe("the referral and the audit trail", () => {
  const link = "https://partner.microsoft.com/dashboard/referrals/v2/cosell/5a5e8d95";

  it("opens a Partner Center link in a new tab without giving it the page", () => {
    renderPanel(anInputs({ referralLink: field<string | null>(link), referralId: field<string | null>("5a5e8d95") }), {
      ...savedCoSell,
      service: { kind: "notConfigured" },
    });
    const anchor = screen.getByRole("link", { name: "Open in Partner Center (opens in a new tab)" });
    expect(anchor.getAttribute("href")).toBe(link);
    expect(anchor.getAttribute("target")).toBe("_blank");
    expect(anchor.getAttribute("rel")).toBe("noopener noreferrer");
    expect(screen.getByText("5a5e8d95")).toBeTruthy();
  });

  it("shows any other address as plain text", () => {
    renderPanel(anInputs({ referralLink: field<string | null>("javascript:alert(1)") }), {
      ...savedCoSell,
      service: { kind: "notConfigured" },
    });
    expect(screen.queryByRole("link")).toBeNull();
    expect(screen.getByText("javascript:alert(1)")).toBeTruthy();
  });

  it("lists the audit trail newest first, with machine-readable times", () => {
    const audit = [
      "[2026-11-25 09:00:00 UTC] Partner Center → Dynamics: Microsoft accepted the referral.",
      "[2026-11-24 08:00:00 UTC] Dynamics → Partner Center: Created referral 5a5e8d95.",
    ].join("\n");
    renderPanel(anInputs({ audit: field<string | null>(audit) }));
    const items = within(screen.getByRole("list", { name: "Audit trail" })).getAllByRole("listitem");
    expect(items.map((item) => item.querySelector("time")?.getAttribute("datetime"))).toEqual([
      "2026-11-25T09:00:00Z",
      "2026-11-24T08:00:00Z",
    ]);
    expect(items[0]?.textContent).toContain("Microsoft accepted the referral.");
  });

  it("says when nothing was synced yet, and masks a hidden trail", () => {
    const empty = renderPanel();
    expect(screen.queryByRole("list", { name: "Audit trail" })).toBeNull();
    expect(screen.getByText("Nothing has been synced yet.")).toBeTruthy();
    empty.unmount();
    renderPanel(anInputs({ audit: field<string | null>(null, { readable: false }) }));
    expect(within(screen.getByRole("region", { name: "Audit trail" })).getByText("***")).toBeTruthy();
  });
});

describe("the deal type and the problems", () => {
  it("announces the deal type and lists the problems under Fix before saving", () => {
    renderPanel(anInputs({ syncWithPartnerCenter: field(true), microsoftHelp: field<readonly number[]>([582100000]) }));
    const dealType = screen.getByRole("status", { name: "Deal type" });
    expect(dealType.textContent).toContain(english("DealType_private"));
    const problems = within(screen.getByRole("list", { name: "Fix before saving" })).getAllByRole("listitem");
    expect(problems.map((item) => item.textContent)).toContain(
      "To ask Microsoft for help, also make the deal visible to Microsoft sellers, or clear How can Microsoft help.",
    );
  });

  it("has no problem list when there is nothing to fix", () => {
    renderPanel(coSellInputs(), savedCoSell);
    expect(screen.getByRole("status", { name: "Deal type" }).textContent).toContain(english("DealType_coSell"));
    expect(screen.queryByRole("list", { name: "Fix before saving" })).toBeNull();
  });
});

describe("the layout", () => {
  it("stacks into one column on a phone and keeps the reading order", () => {
    renderPanel(anInputs({ allocatedWidth: 375 }));
    const panel = screen.getByRole("region", { name: "Co-sell with Microsoft" });
    expect(panel.getAttribute("data-layout")).toBe("narrow");
    const order = [
      screen.getByRole("switch", { name: "Sync with Partner Center" }),
      screen.getByRole("combobox", { name: "Products" }),
      screen.getByRole("status", { name: "Deal type" }),
      screen.getByRole("button", { name: "Sync now" }),
    ];
    for (let index = 1; index < order.length; index += 1) {
      const before = order[index - 1];
      const after = order[index];
      if (before === undefined || after === undefined) throw new Error("missing element");
      expect(before.compareDocumentPosition(after) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    }
  });

  it("uses two columns when there is room", () => {
    renderPanel(anInputs({ allocatedWidth: 1024 }));
    expect(screen.getByRole("region", { name: "Co-sell with Microsoft" }).getAttribute("data-layout")).toBe("wide");
  });
});
