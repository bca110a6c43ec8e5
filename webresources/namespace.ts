/**
 * The global `CoSellBridge` whose functions the form XML, the ribbon and views name (webresources/README.md lists
 * them). Two scripts add to it: csb_/scripts/opportunity.js (Opportunity, Ribbon) and csb_/scripts/grid.js (Grid).
 * A page may load both, in either order, so each adds its own parts and keeps the other's.
 */
import type { OpportunityHandlers } from "./opportunity/handlers";
import type { RibbonCommands } from "./ribbon/commands";
import type { GridFunctions } from "./grid/checkmarkIcon";

export interface CoSellBridgeNamespace {
  Opportunity?: OpportunityHandlers;
  Ribbon?: RibbonCommands;
  Grid?: GridFunctions;
}

declare global {
  var CoSellBridge: CoSellBridgeNamespace | undefined;
}

/** Adds `parts` to the global CoSellBridge, creating it when this script is the first to load. */
export function publish(parts: CoSellBridgeNamespace): void {
  globalThis.CoSellBridge = Object.assign(globalThis.CoSellBridge ?? {}, parts);
}
