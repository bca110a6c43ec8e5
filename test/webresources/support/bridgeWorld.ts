/**
 * What every handler test starts from: a real HTTP stand-in for the sync service, an in-memory Dataverse pointing at
 * it, a test runtime and a fresh CoSellBridge, made before each test and torn down after it.
 */
import { afterEach, beforeEach } from "vitest";
import { createCoSellBridge, type CoSellBridgeHandlers } from "../../../webresources/createCoSellBridge";
import { MemoryDataverse } from "./memoryDataverse";
import { openOpportunityForm, type OpenForm, type OpportunityValues } from "./opportunityForm";
import { OPPORTUNITY_ID } from "./serviceAnswers";
import { SyncServiceStub, type StubAnswer } from "./syncServiceStub";
import { testRuntime, type TestRuntime } from "./testRuntime";

export interface BridgeWorld {
  readonly stub: SyncServiceStub;
  readonly dataverse: MemoryDataverse;
  readonly runtime: TestRuntime;
  readonly bridge: CoSellBridgeHandlers;
  /** Opens the form with `values`, answers its status request with `answers`, runs onLoad and waits for it. */
  readonly load: (values?: OpportunityValues, ...answers: StubAnswer[]) => Promise<OpenForm>;
  /** Opens the form with onSave registered, as the form XML registers it. */
  readonly formWithOnSave: (values?: OpportunityValues) => OpenForm;
  /** A new runtime and bridge over the same Dataverse and service, as when the form is opened again. */
  readonly rebuild: (host?: Parameters<typeof testRuntime>[1]) => void;
}

/** The sync-status route of the opportunity the form fixtures open. */
const statusPath = `/opportunities/${OPPORTUNITY_ID}/sync-status`;

export function useBridgeWorld(): BridgeWorld {
  let parts: Pick<BridgeWorld, "stub" | "dataverse" | "runtime" | "bridge"> | undefined;
  const current = () => {
    if (parts === undefined) throw new Error("The bridge world exists only inside a test.");
    return parts;
  };

  beforeEach(async () => {
    const stub = await SyncServiceStub.start();
    const dataverse = new MemoryDataverse(stub.url);
    const runtime = testRuntime(dataverse);
    parts = { stub, dataverse, runtime, bridge: createCoSellBridge(runtime) };
  });

  afterEach(async () => {
    current().runtime.hidePage();
    await current().stub.close();
    parts = undefined;
  });

  return {
    get stub() {
      return current().stub;
    },
    get dataverse() {
      return current().dataverse;
    },
    get runtime() {
      return current().runtime;
    },
    get bridge() {
      return current().bridge;
    },
    load: async (values = {}, ...answers) => {
      const { stub, bridge } = current();
      if (answers.length > 0) stub.answer("GET", statusPath, ...answers);
      const opened = openOpportunityForm(values);
      bridge.Opportunity.onLoad(opened.eventContext());
      await bridge.idle();
      return opened;
    },
    rebuild: (host) => {
      const { stub, dataverse } = current();
      const runtime = testRuntime(dataverse, host);
      parts = { stub, dataverse, runtime, bridge: createCoSellBridge(runtime) };
    },
    formWithOnSave: (values = {}) => {
      const opened = openOpportunityForm(values);
      opened.form.data.entity.addOnSave(current().bridge.Opportunity.onSave);
      return opened;
    },
  };
}
