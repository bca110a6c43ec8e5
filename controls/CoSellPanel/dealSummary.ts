/**
 * What the panel says about the deal the seller's choices produce: pure, so it is tested without rendering.
 */
import { type DealType, type HelpCode, dealTypeOf, helpCodeOfOption, sortHelpCodes } from "../../core";

export interface DealSummary {
  /** Null while Sync with Partner Center is off: nothing is shared then. */
  dealType: DealType | null;
  helpRequested: HelpCode[];
  /** Help was asked for on a deal Microsoft sellers can't see. */
  helpNeedsSharing: boolean;
}

export function summarizeDeal(
  syncWithPartnerCenter: boolean | null,
  helpOptionValues: readonly number[] | null,
  sharedWithMicrosoft: boolean | null,
): DealSummary {
  const helpRequested = sortHelpCodes(
    (helpOptionValues ?? []).map(helpCodeOfOption).filter((code): code is HelpCode => code !== undefined),
  );
  const shared = sharedWithMicrosoft === true;
  if (syncWithPartnerCenter !== true) return { dealType: null, helpRequested, helpNeedsSharing: false };
  return {
    dealType: dealTypeOf(helpRequested, shared),
    helpRequested,
    helpNeedsSharing: helpRequested.length > 0 && !shared,
  };
}
