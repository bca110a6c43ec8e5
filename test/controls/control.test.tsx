// @vitest-environment jsdom
import { act, cleanup, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import * as ReactDOM from "react-dom";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MicrosoftHelpOption } from "../../core";
import { CoSellPanel } from "../../controls/CoSellPanel/index";
import type { IInputs, IOutputs } from "../../controls/CoSellPanel/generated/ManifestTypes";
import { aServiceStatus } from "./support/builders";
import { watchConsole } from "./support/console";
import { type FakeFormOptions, fakeContext } from "./support/fakeContext";
import { fakeDataverse } from "./support/fakeServices";

/**
 * The control as a form runs it: init, updateView rendered with ReactDOM, notifyOutputChanged → getOutputs → the
 * form applies the outputs to its columns → updateView again.
 */
class FakeForm {
  readonly container = document.createElement("div");
  readonly control = new CoSellPanel();
  values: Partial<Record<keyof IInputs, unknown>>;
  readonly outputs: IOutputs[] = [];
  private readonly webAPI: ComponentFramework.WebApi;

  /** `appliesOutputs: false` is a form that re-renders without applying the outputs to its columns yet. */
  constructor(
    private readonly options: FakeFormOptions = {},
    appliesOutputs = true,
  ) {
    this.values = { ...options.values };
    document.body.appendChild(this.container);
    const dataverse = fakeDataverse();
    this.webAPI = {
      retrieveRecord: (entity: string, id: string, query: string) => dataverse.retrieveRecord(entity, id, query),
      retrieveMultipleRecords: (entity: string, query: string) =>
        dataverse.retrieveMultiple(entity, query).then((entities) => ({ entities, nextLink: "" })),
    } as unknown as ComponentFramework.WebApi;
    this.control.init(this.context(), () => {
      const outputs = this.control.getOutputs();
      this.outputs.push(outputs);
      if (appliesOutputs) this.values = { ...this.values, ...outputs };
      this.render();
    });
  }

  private context() {
    return fakeContext({ ...this.options, values: this.values, webAPI: this.webAPI });
  }

  render(): void {
    act(() => {
      ReactDOM.render(this.control.updateView(this.context()), this.container);
    });
  }

  close(): void {
    ReactDOM.unmountComponentAtNode(this.container);
    this.control.destroy();
    this.container.remove();
  }
}

let consoleWatch: ReturnType<typeof watchConsole>;
let form: FakeForm | undefined;
beforeEach(() => {
  consoleWatch = watchConsole();
});
afterEach(() => {
  form?.close();
  form = undefined;
  cleanup();
  vi.unstubAllGlobals();
  delete (window as { CoSellBridgeAuth?: unknown }).CoSellBridgeAuth;
  consoleWatch.restore();
  expect(consoleWatch.messages()).toEqual([]);
});

describe("the CoSellPanel control on a form", () => {
  it("hands the seller's changes to the form through getOutputs, and shows what the form applied", async () => {
    const user = userEvent.setup();
    form = new FakeForm();
    form.render();
    await user.click(screen.getByRole("switch", { name: "Sync with Partner Center" }));
    await user.click(screen.getByRole("checkbox", { name: "Proof of concept or demo" }));
    await user.click(screen.getByRole("switch", { name: "Visible to Microsoft sellers" }));
    await user.click(await screen.findByRole("button", { name: "Share with Microsoft" }));
    await waitFor(() => {
      expect(screen.queryByRole("dialog")).toBeNull();
    });
    expect(form.outputs).toEqual([
      { syncWithPartnerCenter: true },
      { microsoftHelp: [MicrosoftHelpOption.ProofOfConceptOrDemo] },
      { shareWithMicrosoft: true },
    ]);
    expect(screen.getByRole("switch", { name: "Visible to Microsoft sellers" }).getAttribute("aria-checked")).toBe(
      "true",
    );
    expect(screen.getByRole("status", { name: "Deal type" }).textContent).toContain("Co-sell deal");
  });

  it("shows the change at once even before the form reports it back", async () => {
    const user = userEvent.setup();
    // This form doesn't apply the outputs yet: the control's own record of the change keeps the switch on.
    form = new FakeForm({}, false);
    form.render();
    await user.click(screen.getByRole("switch", { name: "Sync with Partner Center" }));
    expect(screen.getByRole("switch", { name: "Sync with Partner Center" }).getAttribute("aria-checked")).toBe("true");
    expect(form.control.getOutputs()).toEqual({ syncWithPartnerCenter: true });
  });

  it("calls the sync service with the page's token provider and the browser's fetch", async () => {
    const answer = () =>
      Promise.resolve(new Response(JSON.stringify(aServiceStatus({ status: "Synced" })), { status: 200 }));
    const fetchStatus = vi.fn<(url: string, init?: RequestInit) => Promise<Response>>(answer);
    vi.stubGlobal("fetch", fetchStatus);
    (window as { CoSellBridgeAuth?: unknown }).CoSellBridgeAuth = {
      getAccessToken: () => Promise.resolve("seller-token"),
    };
    form = new FakeForm({ values: { syncEndpointUrl: "https://cosell.contoso.example/" } });
    form.render();
    await waitFor(() => {
      expect(screen.getByRole("status", { name: "Sync status" }).textContent).toContain("Synced");
    });
    const [url, init] = fetchStatus.mock.calls[0] ?? [];
    expect(url).toBe(
      "https://cosell.contoso.example/api/v1/opportunities/7d3f1c2e-5b7a-4e0f-9c1d-2a6b8e4f0a11/sync-status",
    );
    expect(new Headers(init?.headers).get("authorization")).toBe("Bearer seller-token");
  });

  it("renders in Russian for a Russian user", () => {
    form = new FakeForm({ languageId: 1049 });
    form.render();
    expect(screen.getByRole("switch", { name: "Синхронизация с Partner Center" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Синхронизировать" })).toBeTruthy();
  });
});
