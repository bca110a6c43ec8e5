/**
 * The panel's root: loads what the context doesn't hold (environment variables, the saved opportunity, product
 * names, the sync service's status), builds the view-model and hands the seller's actions back to index.ts.
 */
import * as React from "react";
import { opportunityTable, toText } from "../../../core";
import type { PanelInputs } from "../model/inputs";
import type { PanelData } from "../model/panelData";
import { buildPanelViewModel } from "../model/viewModel";
import { type PanelActions, PanelView } from "./PanelView";
import type { ChangeHandler, PanelServices } from "./services";
import { useEnvironmentSettings, useProductNames, useSavedOpportunity } from "./usePanelData";
import { useSyncService } from "./useSyncService";

export interface CoSellPanelAppProps {
  readonly inputs: PanelInputs;
  readonly services: PanelServices;
  readonly onChange: ChangeHandler;
}

/** How long after the form last changed the saved row is read again, to notice a save. */
const defaultRefreshDelayMs = 1_500;

export function CoSellPanelApp({ inputs, services, onChange }: CoSellPanelAppProps) {
  const settings = useEnvironmentSettings(services.reader);
  const snapshot = useSavedOpportunity(
    services.reader,
    inputs.recordId,
    inputs,
    services.refreshDelayMs ?? defaultRefreshDelayMs,
  );
  const products = useProductNames(services.catalog, inputs.products.value);
  const savedVersion =
    snapshot?.state === "loaded" ? toText(snapshot.value.opportunity[opportunityTable.columns.modifiedOn]) : null;
  const { service, syncRun, syncNow } = useSyncService(
    services,
    inputs.recordId,
    inputs.syncEndpointUrl,
    settings,
    savedVersion,
    inputs.syncWithPartnerCenter.value,
  );

  const data: PanelData = { settings, snapshot, productNames: products.names, service, syncRun };
  const view = buildPanelViewModel(inputs, data, { now: services.now(), t: services.t });

  const actions: PanelActions = {
    onSyncChange: (checked) => {
      onChange("syncWithPartnerCenter", checked);
    },
    onHelpChange: (values) => {
      onChange("microsoftHelp", values);
    },
    onShareChange: (checked) => {
      // Once saved as shared, the deal can't go back (the Referrals API can't un-share).
      if (checked || view.share.access === "editable") onChange("shareWithMicrosoft", checked);
    },
    onProductsChange: (ids, picked) => {
      products.remember(picked);
      onChange("products", ids);
    },
    searchProducts: (text) => services.catalog.search(text),
    onSyncNow: () => {
      if (view.syncNow.enabled) syncNow();
    },
  };
  return <PanelView view={view} actions={actions} t={services.t} />;
}
