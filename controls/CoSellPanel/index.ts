import * as React from "react";
import { DealSummaryView } from "./components/DealSummaryView";
import { summarizeDeal } from "./dealSummary";
import type { IInputs, IOutputs } from "./generated/ManifestTypes";

/** The co-sell panel on the Opportunity form: lifecycle and context-to-props only. */
export class CoSellPanel implements ComponentFramework.ReactControl<IInputs, IOutputs> {
  public init(): void {
    // Nothing to set up: the panel renders from bound properties on every updateView.
  }

  public updateView(context: ComponentFramework.Context<IInputs>): React.ReactElement {
    const { syncWithPartnerCenter, microsoftHelp, shareWithMicrosoft } = context.parameters;
    const summary = summarizeDeal(syncWithPartnerCenter.raw, microsoftHelp.raw, shareWithMicrosoft.raw);
    return React.createElement(DealSummaryView, {
      summary,
      getString: (key: string) => context.resources.getString(key),
    });
  }

  public getOutputs(): IOutputs {
    return {};
  }

  public destroy(): void {
    // React unmounts virtual controls itself.
  }
}
