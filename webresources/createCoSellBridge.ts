/** Wires the handlers to one Bridge: what index.ts publishes, and what tests build with their own runtime. */
import { Bridge } from "./bridge";
import { checkmarkIcon } from "./grid/checkmarkIcon";
import { opportunityHandlers, type OpportunityHandlers } from "./opportunity/handlers";
import { ribbonCommands, type RibbonCommands } from "./ribbon/commands";
import type { Runtime } from "./runtime";

export interface CoSellBridgeHandlers {
  readonly Opportunity: OpportunityHandlers;
  readonly Ribbon: RibbonCommands;
  readonly Grid: { readonly checkmarkIcon: typeof checkmarkIcon };
  /** Resolves when the background work of the handlers has finished (tests; not published). */
  idle(): Promise<void>;
}

export function createCoSellBridge(runtime: Runtime): CoSellBridgeHandlers {
  // The revalidation a control notification installs is the form's own OnChange handler.
  let opportunity: OpportunityHandlers | null = null;
  const bridge = new Bridge(runtime, (executionContext) => {
    opportunity?.onSyncFieldChange(executionContext);
  });
  opportunity = opportunityHandlers(bridge);
  return {
    Opportunity: opportunity,
    Ribbon: ribbonCommands(bridge),
    Grid: { checkmarkIcon },
    idle: () => bridge.idle(),
  };
}
