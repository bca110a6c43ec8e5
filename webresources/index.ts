/**
 * The bundle's public surface: esbuild wraps this module as the global `CoSellBridge`, so the form XML, the ribbon
 * and views name handlers such as `CoSellBridge.Opportunity.onLoad` (webresources/README.md lists them all).
 */
import { createCoSellBridge } from "./createCoSellBridge";
import { browserRuntime } from "./runtime";

const bridge = createCoSellBridge(browserRuntime());

export const Opportunity = bridge.Opportunity;
export const Ribbon = bridge.Ribbon;
export const Grid = bridge.Grid;
