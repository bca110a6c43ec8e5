/**
 * Renders the panel's view for component tests, with actions that record what the seller did.
 */
import { render } from "@testing-library/react";
import * as React from "react";
import type { SolutionCatalogEntry } from "../../../core";
import { type PanelActions, PanelView } from "../../../controls/CoSellPanel/components/PanelView";
import type { PanelInputs } from "../../../controls/CoSellPanel/model/inputs";
import type { PanelData } from "../../../controls/CoSellPanel/model/panelData";
import { buildPanelViewModel } from "../../../controls/CoSellPanel/model/viewModel";
import { anInputs, now, someData } from "./builders";
import { english } from "./strings";

export const catalogue: readonly SolutionCatalogEntry[] = [
  { id: "SOL-15974-MQF", name: "Contoso Supply Chain Accelerator" },
  { id: "SOL-20011-ABC", name: "Fabrikam Warehouse Vision" },
  { id: "SOL-31337-XYZ", name: "Northwind Field Service Kit" },
];

export interface RecordedActions extends PanelActions {
  readonly calls: { readonly action: string; readonly args: readonly unknown[] }[];
}

export function recordingActions(search?: (text: string) => Promise<SolutionCatalogEntry[]>): RecordedActions {
  const calls: { action: string; args: readonly unknown[] }[] = [];
  const record =
    (action: string) =>
    (...args: readonly unknown[]) => {
      calls.push({ action, args });
    };
  return {
    calls,
    onSyncChange: record("sync"),
    onHelpChange: record("help"),
    onShareChange: record("share"),
    onProductsChange: record("products"),
    onSyncNow: record("syncNow"),
    searchProducts:
      search ??
      ((text) =>
        Promise.resolve(
          catalogue.filter((entry) => `${entry.name} ${entry.id}`.toLowerCase().includes(text.toLowerCase())),
        )),
  };
}

export function renderPanel(
  inputs: PanelInputs = anInputs(),
  data: PanelData = someData(),
  actions = recordingActions(),
) {
  const view = buildPanelViewModel(inputs, data, { now, t: english, timeZone: "UTC" });
  const result = render(<PanelView view={view} actions={actions} t={english} />);
  return { ...result, actions, view };
}
