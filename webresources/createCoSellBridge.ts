/**
 * Wires the form and command-bar handlers to one Bridge: what index.ts publishes, and what tests build with their own
 * runtime.
 */
import { createBridge } from "./bridge";
import { opportunityHandlers, type OpportunityHandlers } from "./opportunity/handlers";
import { ribbonCommands, type RibbonCommands } from "./ribbon/commands";
import type { Runtime } from "./runtime";

export interface CoSellBridgeHandlers {
  readonly Opportunity: OpportunityHandlers;
  readonly Ribbon: RibbonCommands;
  /** Resolves when the background work of the handlers has finished (tests; not published). */
  idle(): Promise<void>;
}

export function createCoSellBridge(runtime: Runtime): CoSellBridgeHandlers {
  // The revalidation a control notification installs is the form's own OnChange handler.
  let opportunity: OpportunityHandlers | null = null;
  const bridge = createBridge(runtime, (executionContext) => {
    opportunity?.onSyncFieldChange(executionContext);
  });
  opportunity = opportunityHandlers(bridge);
  return {
    Opportunity: opportunity,
    Ribbon: ribbonCommands(bridge),
    idle: () => bridge.idle(),
  };
}
