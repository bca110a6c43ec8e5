/**
 * The entry of csb_/scripts/opportunity.js: the form and command-bar handlers, added to the global `CoSellBridge`
 * (namespace.ts) as `CoSellBridge.Opportunity.onLoad`, `CoSellBridge.Ribbon.syncNow` and so on. Set on the global
 * object here rather than through esbuild's `globalName`, whose CommonJS-style export wrapper costs the bundle about
 * 0.5 KB. The view's icon function is csb_/scripts/grid.js (grid/index.ts).
 */
import { createCoSellBridge } from "./createCoSellBridge";
import { publish } from "./namespace";
import { browserRuntime } from "./runtime";

const bridge = createCoSellBridge(browserRuntime());

publish({ Opportunity: bridge.Opportunity, Ribbon: bridge.Ribbon });

// Without an export esbuild takes this entry for a CommonJS module and wraps every module in lazy initializers
// (1.8 KB more); an empty export keeps it an ES module.
export {};
