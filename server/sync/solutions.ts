/**
 * The partner's co-sell solutions, copied from Partner Center into csb_partnercentersolution, the table sellers pick
 * Products from (replaces the original connector's "Dynamics 365 Microsoft Solutions to Partner Center" flow).
 */
import type { EngineCore } from "./engineCore";

export interface SolutionRefresh {
  readonly solutions: number;
  readonly created: number;
  readonly updated: number;
  readonly partnerCenterCalls: number;
  readonly dataverseCalls: number;
}

export async function refreshSolutions(core: EngineCore): Promise<SolutionRefresh> {
  const scope = core.newScope();
  const solutions = await scope.partnerCenter.listSolutions();
  const { created, updated } = await scope.dataverse.replaceSolutionCatalog(solutions);
  core.logger.info({ solutions: solutions.length, created, updated }, "co-sell solution catalogue refreshed");
  return {
    solutions: solutions.length,
    created,
    updated,
    partnerCenterCalls: scope.calls.partnerCenter,
    dataverseCalls: scope.calls.dataverse,
  };
}
