import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SyncStatus } from "../../core/dataverse/options";
import { createCoSellBridge, type CoSellBridgeHandlers } from "../../webresources/createCoSellBridge";
import { ACCOUNT_ID, MemoryDataverse } from "./support/memoryDataverse";
import { openOpportunityForm, setUserLanguage, type OpenForm, type OpportunityValues } from "./support/opportunityForm";
import { OPPORTUNITY_ID } from "./support/serviceAnswers";
import { testRuntime, type TestRuntime } from "./support/testRuntime";

let dataverse: MemoryDataverse;
let runtime: TestRuntime;
let bridge: CoSellBridgeHandlers;

beforeEach(() => {
  // No sync service call happens on change: validation is core's, in the browser.
  dataverse = new MemoryDataverse("https://sync.contoso.example");
  runtime = testRuntime(dataverse);
  bridge = createCoSellBridge(runtime);
});

afterEach(() => {
  runtime.hidePage();
});

/** A deal not sent to Partner Center yet: every rule for creating a referral applies. */
const NEW_DEAL: OpportunityValues = { referralId: null, referralLink: null, syncStatus: SyncStatus.NotSynced };

async function change(values: OpportunityValues = NEW_DEAL): Promise<OpenForm> {
  const opened = openOpportunityForm(values);
  bridge.Opportunity.onSyncFieldChange(opened.eventContext());
  await bridge.idle();
  return opened;
}

async function edit(opened: OpenForm, name: string, value: unknown): Promise<void> {
  const attribute = opened.attribute(name);
  attribute.setValue(value as never);
  attribute.fireOnChange();
  await bridge.idle();
}

describe("Opportunity onSyncFieldChange", () => {
  it("shows nothing for a deal Partner Center would take", async () => {
    const opened = await change();

    expect(opened.notifications()).toEqual({});
    expect(opened.controlMessages("estimatedvalue")).toEqual([]);
  });

  it("puts a problem with a column of the form on that column's control", async () => {
    const opened = await change({ ...NEW_DEAL, estimatedvalue: null });

    expect(opened.controlMessages("estimatedvalue")).toEqual([
      "Enter an estimated revenue above 0; Partner Center refuses empty deals.",
    ]);
    expect(opened.notifications().csb_validation).toBeUndefined();
  });

  it("lists problems the seller can't fix on this form (the account's country) in a form notification", async () => {
    dataverse.put("account", ACCOUNT_ID, { name: "Contoso", address1_country: null });

    const opened = await change();

    expect(opened.notifications().csb_validation).toEqual({
      level: "WARNING",
      message:
        "Partner Center would refuse this opportunity: Fill in the customer account's country as a two-letter code such as US.",
    });
  });

  it("clears a control's notification once the seller fixes the column", async () => {
    const opened = await change({ ...NEW_DEAL, estimatedvalue: null });

    await edit(opened, "estimatedvalue", 120000);

    expect(opened.controlMessages("estimatedvalue")).toEqual([]);
  });

  it("clears everything when Sync with Partner Center is set to No", async () => {
    dataverse.put("account", ACCOUNT_ID, { name: "Contoso", address1_country: "Germany" });
    const opened = await change({ ...NEW_DEAL, estimatedvalue: null });
    expect(opened.notifications().csb_validation?.message).toContain("'GERMANY' is not a two-letter ISO 3166 code");

    opened.attribute("csb_syncwithpartnercenter").setValue(false);
    bridge.Opportunity.onSyncFieldChange(opened.eventContext());
    await bridge.idle();

    expect(opened.notifications()).toEqual({});
    expect(opened.controlMessages("estimatedvalue")).toEqual([]);
  });

  it("asks to share the deal when Microsoft's help is requested on a private one", async () => {
    const opened = await change({ ...NEW_DEAL, share: false });

    expect(opened.controlMessages("csb_sharewithmicrosoft")).toEqual([
      "To ask Microsoft for help, also make the deal visible to Microsoft sellers, or clear How can Microsoft help.",
    ]);
  });

  it("says a deal without help won't be sent when only co-sell deals sync, instead of listing problems", async () => {
    dataverse.variables.csb_SyncCoSellOnly = "yes";

    const opened = await change({ ...NEW_DEAL, help: null, estimatedvalue: null });

    expect(opened.notifications().csb_validation?.level).toBe("INFO");
    expect(opened.notifications().csb_validation?.message).toMatch(/^This opportunity won't be sent to Partner Center/);
    expect(opened.controlMessages("estimatedvalue")).toEqual([]);
  });

  it("tells the seller to call an admin when csb_FieldMapping is invalid", async () => {
    dataverse.variables.csb_FieldMapping = '{"fields":{"dealValue":{"column":"Not A Column"}}}';

    const opened = await change();

    expect(opened.notifications().csb_validation).toEqual({
      level: "WARNING",
      message:
        "Co-sell Bridge can't check this opportunity because its field mapping is invalid. Tell your admin: " +
        "csb_FieldMapping: fields.dealValue.column: 'Not A Column' is not a Dataverse logical name (lower-case letters, digits, underscores).",
    });
  });

  it("reads a mapped column the form does not hold from the saved row", async () => {
    dataverse.put("opportunity", OPPORTUNITY_ID, { estimatedvalue: 0, salesstage: 1 });

    const opened = await change({ ...NEW_DEAL, omit: ["estimatedvalue"] });

    expect(opened.notifications().csb_validation?.message).toContain("Enter an estimated revenue above 0");
    const savedRowRead = dataverse.reads.find((read) => read.startsWith(`opportunity(${OPPORTUNITY_ID})?`));
    expect(savedRowRead?.split("?")[1]?.split(",")).toContain("estimatedvalue");
  });

  it("follows csb_DealValueField to another column", async () => {
    dataverse.variables.csb_DealValueField = "budgetamount";
    dataverse.put("opportunity", OPPORTUNITY_ID, { budgetamount: null, salesstage: 1 });

    const opened = await change(NEW_DEAL);

    expect(opened.notifications().csb_validation?.message).toContain("Enter an estimated revenue above 0");
  });

  it("judges a linked deal only on what this save sends", async () => {
    const past = new Date(2026, 0, 15);
    const opened = await change({ estimatedclosedate: past });
    expect(opened.controlMessages("estimatedclosedate")).toEqual([]);

    opened.attribute("estimatedclosedate").setValue(new Date(2026, 1, 1));
    bridge.Opportunity.onSyncFieldChange(opened.eventContext());
    await bridge.idle();

    expect(opened.controlMessages("estimatedclosedate")).toEqual([
      "The estimated close date 2026-02-01 is in the past; pick today or later.",
    ]);
  });

  it("speaks Russian to a Russian user, naming the offending value", async () => {
    dataverse.put("account", ACCOUNT_ID, { name: "Contoso", address1_country: "Germany" });
    const opened = openOpportunityForm(NEW_DEAL);
    setUserLanguage(1049);

    bridge.Opportunity.onSyncFieldChange(opened.eventContext());
    await bridge.idle();

    expect(opened.notifications().csb_validation?.message).toBe(
      "Partner Center отклонит эту возможность: Страна клиента «GERMANY» — не двухбуквенный код ISO 3166 " +
        "заглавными буквами; используйте, например, US, DE или JP.",
    );
  });

  it("says it could not check when Dataverse can't be read", async () => {
    const opened = await change();
    dataverse.failure = new Error("Network request failed");

    opened
      .attribute("parentaccountid")
      .setValue([{ id: "{0A0A0A0A-0000-0000-0000-000000000001}", entityType: "account" }] as never);
    bridge.Opportunity.onSyncFieldChange(opened.eventContext());
    await bridge.idle();

    expect(opened.notifications().csb_validation?.message).toMatch(
      /^Couldn't check the opportunity against Partner Center's rules \(Network request failed\)\. The sync service checks it when you save\.$/,
    );
  });
});
