// @vitest-environment jsdom
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import * as React from "react";
import { describe, expect, it } from "vitest";
import { CoSellPanelApp } from "../../../controls/CoSellPanel/components/CoSellPanelApp";
import type { PanelInputs } from "../../../controls/CoSellPanel/model/inputs";
import { aServiceStatus, coSellInputs, field, opportunityId } from "../support/builders";
import { requireCleanConsole } from "../support/console";
import { fakeDataverse, fakeServices, scriptedService } from "../support/fakeServices";

requireCleanConsole();

const pending = aServiceStatus({
  status: "Pending",
  pending: [
    {
      jobId: "j",
      state: "queued",
      reason: "Sync now",
      queuedAt: "2026-11-25T09:00:00Z",
      attempts: 0,
      nextAttemptAt: null,
    },
  ],
});
const synced = aServiceStatus({ status: "Synced", lastSyncedAt: "2026-11-25T09:01:00Z" });

function renderApp(services: ReturnType<typeof fakeServices>, inputs: PanelInputs = coSellInputs()) {
  const onChange = () => undefined;
  const result = render(<CoSellPanelApp inputs={inputs} services={services} onChange={onChange} />);
  return {
    ...result,
    update: (next: PanelInputs) => {
      result.rerender(<CoSellPanelApp inputs={next} services={services} onChange={onChange} />);
    },
  };
}

const statusText = () =>
  within(screen.getByRole("status", { name: "Sync status" })).getByText(/Synced|Pending|Error|Not synced/).textContent;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the panel with its data", () => {
  it("reads the service's status and polls while a sync is pending, then stops", async () => {
    const service = scriptedService([pending, pending, synced]);
    const dataverse = fakeDataverse();
    renderApp(fakeServices(dataverse, service));
    await waitFor(() => {
      expect(statusText()).toBe("Synced");
    });
    await wait(50);
    expect(service.calls).toEqual([`status ${opportunityId}`, `status ${opportunityId}`, `status ${opportunityId}`]);
  });

  it("stops polling when the panel goes away", async () => {
    const service = scriptedService([pending]);
    const dataverse = fakeDataverse();
    const app = renderApp(fakeServices(dataverse, service));
    await waitFor(() => {
      expect(service.calls.length).toBeGreaterThanOrEqual(2);
    });
    app.unmount();
    const callsAtUnmount = service.calls.length;
    await wait(50);
    expect(service.calls.length).toBe(callsAtUnmount);
  });

  it("syncs now, reports the result and reads the status again", async () => {
    const user = userEvent.setup();
    const dataverse = fakeDataverse();
    const service = scriptedService([aServiceStatus({ status: "Synced" }), pending, synced]);
    renderApp(fakeServices(dataverse, service));
    const button = screen.getByRole("button", { name: "Sync now" });
    await waitFor(() => {
      expect(button.getAttribute("aria-disabled")).toBeNull();
    });
    await user.click(button);
    expect(await screen.findByText("Sync requested. The status here updates when it's done.")).toBeTruthy();
    await waitFor(() => {
      expect(service.calls.filter((call) => call.startsWith("status")).length).toBe(3);
    });
    expect(service.calls[1]).toBe(`syncNow ${opportunityId}`);
  });

  it("says sign-in isn't set up when the page has no token provider, and shows the saved status", async () => {
    const dataverse = fakeDataverse();
    renderApp(fakeServices(dataverse, null));
    expect(await screen.findByText(/Sign-in to the sync service is not set up on this page/)).toBeTruthy();
    expect(statusText()).toBe("Not synced");
  });

  it("says the service isn't set up when csb_SyncEndpointUrl is empty, unless the control's input names one", async () => {
    const dataverse = fakeDataverse();
    delete dataverse.environment.csb_SyncEndpointUrl;
    const service = scriptedService([synced]);
    const app = renderApp(fakeServices(dataverse, service));
    expect(await screen.findByText(/The sync service's address isn't set up/)).toBeTruthy();
    expect(service.calls).toEqual([]);
    app.update(coSellInputs({ syncEndpointUrl: "https://test.example" }));
    await waitFor(() => {
      expect(statusText()).toBe("Synced");
    });
  });

  it("names the chosen products from the catalogue", async () => {
    const dataverse = fakeDataverse();
    renderApp(fakeServices(dataverse, null), coSellInputs({ products: field<readonly string[]>(["SOL-31337-XYZ"]) }));
    expect(await screen.findByText("Northwind Field Service Kit")).toBeTruthy();
  });

  it("notices a save: reads the saved row again and then the service's status", async () => {
    const dataverse = fakeDataverse();
    const service = scriptedService([aServiceStatus({ status: "Not synced" }), pending, synced]);
    const app = renderApp(fakeServices(dataverse, service));
    await waitFor(() => {
      expect(service.calls).toHaveLength(1);
    });
    // The form saves (modifiedon moves) and calls updateView with the saved values.
    dataverse.opportunity = { ...dataverse.opportunity, modifiedon: "2026-11-25T09:05:00Z" };
    app.update(coSellInputs());
    await waitFor(() => {
      expect(statusText()).toBe("Synced");
    });
    expect(dataverse.reads.filter((table) => table === "opportunity").length).toBeGreaterThanOrEqual(2);
  });

  it("notices a save that comes while the first read of the row is still under way", async () => {
    const dataverse = fakeDataverse();
    const service = scriptedService([aServiceStatus({ status: "Not synced" }), pending, synced]);
    const app = renderApp(fakeServices(dataverse, service));
    // The host calls updateView again at once (layout, outputs), then the seller saves before any read answered.
    app.update(coSellInputs());
    dataverse.opportunity = { ...dataverse.opportunity, modifiedon: "2026-11-25T09:05:00Z" };
    app.update(coSellInputs());
    await waitFor(() => {
      expect(statusText()).toBe("Synced");
    });
  });

  it("keeps asking after a save with Sync on until the status shows that save's sync", async () => {
    const dataverse = fakeDataverse();
    const notSynced = aServiceStatus({ status: "Not synced" });
    // The service hears of the save through an asynchronous webhook: the first read after it still shows nothing.
    const service = scriptedService([notSynced, notSynced, synced]);
    const app = renderApp(fakeServices(dataverse, service));
    await waitFor(() => {
      expect(service.calls).toHaveLength(1);
    });
    dataverse.opportunity = { ...dataverse.opportunity, modifiedon: "2026-11-25T09:00:30Z" };
    app.update(coSellInputs());
    await waitFor(() => {
      expect(statusText()).toBe("Synced");
    });
    await wait(50);
    expect(service.calls).toHaveLength(3);
  });

  it("reads the status once after a save with Sync off", async () => {
    const dataverse = fakeDataverse();
    const service = scriptedService([aServiceStatus({ status: "Not synced" })]);
    const syncOff = coSellInputs({ syncWithPartnerCenter: field(false) });
    const app = renderApp(fakeServices(dataverse, service), syncOff);
    await waitFor(() => {
      expect(service.calls).toHaveLength(1);
    });
    dataverse.opportunity = { ...dataverse.opportunity, modifiedon: "2026-11-25T09:00:30Z" };
    app.update(coSellInputs({ syncWithPartnerCenter: field(false) }));
    await waitFor(() => {
      expect(service.calls).toHaveLength(2);
    });
    await wait(100);
    expect(service.calls).toHaveLength(2);
  });
});
