/**
 * The bundle's public surface: the global `CoSellBridge`, whose handlers the form XML, the ribbon and views name,
 * such as `CoSellBridge.Opportunity.onLoad` (webresources/README.md lists them all). Set on the global object here
 * rather than through esbuild's `globalName`, whose CommonJS-style export wrapper costs the bundle about 0.5 KB.
 */
import { createCoSellBridge, type CoSellBridgeHandlers } from "./createCoSellBridge";
import { browserRuntime } from "./runtime";

declare global {
  var CoSellBridge: Pick<CoSellBridgeHandlers, "Opportunity" | "Ribbon" | "Grid">;
}

const bridge = createCoSellBridge(browserRuntime());

globalThis.CoSellBridge = { Opportunity: bridge.Opportunity, Ribbon: bridge.Ribbon, Grid: bridge.Grid };

// Without an export esbuild takes this entry for a CommonJS module and wraps every module in lazy initializers
// (1.8 KB more); an empty export keeps it an ES module.
export {};
