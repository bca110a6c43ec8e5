import * as React from "react";
import { CoSellPanelApp } from "./components/CoSellPanelApp";
import type { ChangeHandler, PanelServices } from "./components/services";
import { formEditableValues, panelInputsOf } from "./contextInputs";
import { readerOf } from "./data/dataverse";
import { productCatalogOf } from "./data/productCatalog";
import { createSyncServiceClient } from "./data/syncService";
import { findTokenProvider } from "./data/tokenProvider";
import type { IInputs, IOutputs } from "./generated/ManifestTypes";
import { translatorOf } from "./model/strings";
import { PendingEdits } from "./pendingEdits";

/**
 * The co-sell panel on the Opportunity form (a virtual control: React and Fluent come from the platform). This class
 * only maps the context to props and keeps the seller's changes for getOutputs; everything else is in the modules
 * it imports. It must stay the file's only export (pcf-scripts refuses more: pcf-1023).
 */
export class CoSellPanel implements ComponentFramework.ReactControl<IInputs, IOutputs> {
  private notifyOutputChanged: () => void = () => undefined;
  private services: PanelServices | null = null;
  private readonly edits = new PendingEdits();
  private latestContext: ComponentFramework.Context<IInputs> | null = null;
  /** Visible to Microsoft sellers as saved when the form opened: once Yes, the panel won't offer No. */
  private sharedWhenOpened: boolean | null = null;

  public init(context: ComponentFramework.Context<IInputs>, notifyOutputChanged: () => void): void {
    this.notifyOutputChanged = notifyOutputChanged;
    // allocatedWidth then follows the form section, which switches the panel to one column on phones.
    context.mode.trackContainerResize(true);
    const reader = readerOf(context.webAPI);
    this.services = {
      reader,
      catalog: productCatalogOf(reader),
      connectSyncService: (baseUrl) => {
        const provider = findTokenProvider(window);
        if (provider === null) return null;
        return createSyncServiceClient({
          baseUrl,
          getAccessToken: () => provider.getAccessToken(),
          fetch: (input, init) => window.fetch(input, init),
        });
      },
      now: () => new Date(),
      t: translatorOf((key) => context.resources.getString(key)),
    };
  }

  public updateView(context: ComponentFramework.Context<IInputs>): React.ReactElement {
    this.latestContext = context;
    const formValues = formEditableValues(context);
    this.sharedWhenOpened ??= formValues.shareWithMicrosoft;
    const inputs = panelInputsOf(context, this.edits.apply(formValues), this.sharedWhenOpened);
    if (this.services === null) throw new Error("CoSellPanel.updateView was called before init.");
    return React.createElement(CoSellPanelApp, { inputs, services: this.services, onChange: this.handleChange });
  }

  public getOutputs(): IOutputs {
    return this.edits.outputs();
  }

  public destroy(): void {
    // React unmounts a virtual control's tree itself; the panel's hooks stop their timers and requests on unmount.
    this.latestContext = null;
  }

  private readonly handleChange: ChangeHandler = (field, value) => {
    if (this.latestContext === null) return;
    this.edits.record(field, value, formEditableValues(this.latestContext)[field]);
    this.notifyOutputChanged();
  };
}
