import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SyncStatus } from "../../core/dataverse/options";
import { createCoSellBridge, type CoSellBridgeHandlers } from "../../webresources/createCoSellBridge";
import { ACCOUNT_ID, MemoryDataverse } from "./support/memoryDataverse";
import { openOpportunityForm, type OpenForm, type OpportunityValues } from "./support/opportunityForm";
import { OPPORTUNITY_ID, ok, syncStatus } from "./support/serviceAnswers";
import { SyncServiceStub } from "./support/syncServiceStub";
import { testRuntime, type TestRuntime } from "./support/testRuntime";

let stub: SyncServiceStub;
let dataverse: MemoryDataverse;
let runtime: TestRuntime;
let bridge: CoSellBridgeHandlers;

const NEW_DEAL: OpportunityValues = { referralId: null, referralLink: null, syncStatus: SyncStatus.NotSynced };
const REFUSED = /^Not saved: with Sync with Partner Center = Yes, Partner Center would refuse this opportunity\./;

beforeEach(async () => {
  stub = await SyncServiceStub.start();
  stub.answer("GET", `/opportunities/${OPPORTUNITY_ID}/sync-status`, ok(syncStatus()));
  dataverse = new MemoryDataverse(stub.url);
  runtime = testRuntime(dataverse);
  bridge = createCoSellBridge(runtime);
});

afterEach(async () => {
  runtime.hidePage();
  await stub.close();
});

/** A form as Dynamics opens it: OnLoad ran (settings and rows are read) and OnSave is registered. */
async function loadedForm(values: OpportunityValues): Promise<OpenForm> {
  const opened = openOpportunityForm(values);
  opened.form.data.entity.addOnSave(bridge.Opportunity.onSave);
  bridge.Opportunity.onLoad(opened.eventContext());
  await bridge.idle();
  return opened;
}

/** A form whose OnSave runs before the scripts read anything (OnLoad not registered, or a very fast save). */
function coldForm(values: OpportunityValues): OpenForm {
  const opened = openOpportunityForm(values);
  opened.form.data.entity.addOnSave(bridge.Opportunity.onSave);
  return opened;
}

async function save(opened: OpenForm): Promise<"saved" | "prevented"> {
  const outcome = await opened.form.data.save().then(
    () => "saved" as const,
    () => "prevented" as const,
  );
  await bridge.idle();
  return outcome;
}

describe("Opportunity onSave", () => {
  it("refuses to save Sync = Yes for a deal Partner Center would refuse, listing every reason", async () => {
    dataverse.put("account", ACCOUNT_ID, { name: "Contoso", address1_country: null });
    const opened = await loadedForm({ ...NEW_DEAL, estimatedvalue: null });

    expect(await save(opened)).toBe("prevented");

    const notice = opened.notifications().csb_validation;
    expect(notice?.level).toBe("ERROR");
    expect(notice?.message).toMatch(REFUSED);
    expect(notice?.message).toContain("Fill in the customer account's country");
    expect(notice?.message).toContain("Enter an estimated revenue above 0");
    expect(opened.controlMessages("estimatedvalue")).toHaveLength(1);
  });

  it("decides at once when OnLoad has read what it needs: a good deal saves without a second try", async () => {
    const opened = await loadedForm(NEW_DEAL);
    const readsBefore = dataverse.reads.length;

    expect(await save(opened)).toBe("saved");

    expect(opened.calls).toEqual(["save"]);
    expect(dataverse.reads).toHaveLength(readsBefore);
    expect(opened.notifications().csb_validation).toBeUndefined();
  });

  it("lets anything save when Sync with Partner Center is No", async () => {
    const opened = await loadedForm({ ...NEW_DEAL, sync: false, estimatedvalue: null, name: null });

    expect(await save(opened)).toBe("saved");
    expect(opened.notifications().csb_validation).toBeUndefined();
  });

  it("lets a linked deal save when the change does not touch what Partner Center checks", async () => {
    const opened = await loadedForm({ estimatedclosedate: new Date(2026, 0, 15) });
    opened.attribute("name").setValue("Contoso rollout, phase 2");

    expect(await save(opened)).toBe("saved");
  });

  it("cancels a save it can't judge yet, checks, then saves again itself", async () => {
    const opened = coldForm(NEW_DEAL);

    expect(await save(opened)).toBe("prevented");

    expect(opened.calls).toEqual(["save", "save"]);
    expect(opened.notifications().csb_validation).toBeUndefined();
  });

  it("keeps a cancelled save cancelled when the check finds problems", async () => {
    const opened = coldForm({ ...NEW_DEAL, name: null });

    expect(await save(opened)).toBe("prevented");

    expect(opened.calls).toEqual(["save"]);
    expect(opened.notifications().csb_validation?.message).toMatch(REFUSED);
    expect(opened.controlMessages("name")).toEqual(["Give the opportunity a name (Topic)."]);
  });

  it("saves anyway when Dataverse can't be read, saying the service will check", async () => {
    dataverse.failure = new Error("Network request failed");
    const opened = coldForm(NEW_DEAL);

    await save(opened);

    expect(opened.calls).toEqual(["save", "save"]);
    expect(opened.notifications().csb_validation).toEqual({
      level: "WARNING",
      message:
        "Couldn't check the opportunity against Partner Center's rules (Network request failed). It was saved; the " +
        "sync service checks it again.",
    });
  });

  it("closes the form after its own save when the seller chose Save & Close", async () => {
    const opened = coldForm(NEW_DEAL);

    opened.form.data.entity.save("saveandclose");
    await bridge.idle();

    expect(opened.calls).toEqual(["save", "close"]);
  });

  it("starts following the sync after a save that keeps Sync = Yes", async () => {
    const opened = await loadedForm(NEW_DEAL);
    const before = stub.requests.length;

    await save(opened);

    expect(runtime.clock.sleeping).toBe(1);
    runtime.clock.wake();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stub.requests.length).toBe(before + 1);
  });
});
