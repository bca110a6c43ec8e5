/**
 * An Opportunity form on xrm-mock with the columns the scripts read, holding a valid co-sell deal unless told
 * otherwise; the platform calls xrm-mock leaves unimplemented (data.save, data.refresh, ui.close,
 * Utility.getResourceString) behave as the documented ones do: data.save runs the OnSave handlers and rejects when one
 * of them prevented the save, and getResourceString reads the real resx files.
 */
import { XrmMockGenerator } from "xrm-mock";
import { MicrosoftHelpOption, SyncStatus } from "../../../core/dataverse/options";
import { OPPORTUNITY_ID, REFERRAL_ID, REFERRAL_LINK } from "./serviceAnswers";
import { ACCOUNT_ID, CONTACT_ID, CURRENCY_ID } from "./memoryDataverse";
import { installResourceStrings } from "./resourceStrings";

export interface OpportunityValues {
  /** null: a create form not saved yet. */
  readonly id?: string | null;
  readonly name?: string | null;
  readonly estimatedvalue?: number | null;
  readonly estimatedclosedate?: Date | null;
  readonly statecode?: number;
  readonly sync?: boolean;
  readonly help?: readonly number[] | null;
  readonly share?: boolean;
  readonly products?: string | null;
  readonly syncStatus?: number | null;
  readonly referralId?: string | null;
  readonly referralLink?: string | null;
  readonly account?: string | null;
  readonly contact?: string | null;
  readonly currency?: string | null;
  /** Columns the form does not hold. */
  readonly omit?: readonly string[];
}

export interface OpenForm {
  readonly form: Xrm.FormContext;
  /** What data.save, data.refresh and ui.close were asked to do. */
  readonly calls: string[];
  attribute(name: string): Xrm.Attributes.Attribute;
  /** The form's notification messages by unique id. */
  notifications(): Record<string, { readonly level: string; readonly message: string }>;
  /** The messages of a control's notifications. */
  controlMessages(name: string): string[];
  /** An OnLoad / OnChange execution context. */
  eventContext(): Xrm.Events.EventContext;
}

export const CLOSE_DATE = new Date(2026, 8, 30);

function lookup(id: string | null, entityType: string, name: string): Xrm.LookupValue[] | null {
  return id === null ? null : [{ id: `{${id.toUpperCase()}}`, entityType, name }];
}

export function openOpportunityForm(values: OpportunityValues = {}): OpenForm {
  const id = values.id === undefined ? OPPORTUNITY_ID : values.id;
  XrmMockGenerator.initialise({
    entity: { id: id === null ? "" : `{${id.toUpperCase()}}`, entityName: "opportunity" },
  });
  installResourceStrings();
  const omit = new Set(values.omit ?? []);
  const A = XrmMockGenerator.Attribute;
  const add = (name: string, create: () => unknown) => {
    if (!omit.has(name)) create();
  };
  add("name", () => A.createString("name", values.name === undefined ? "Contoso rollout" : (values.name ?? undefined)));
  add("estimatedvalue", () =>
    A.createNumber(
      "estimatedvalue",
      values.estimatedvalue === undefined ? 250000 : (values.estimatedvalue ?? undefined),
    ),
  );
  add("estimatedclosedate", () =>
    A.createDate(
      "estimatedclosedate",
      values.estimatedclosedate === undefined ? CLOSE_DATE : (values.estimatedclosedate ?? undefined),
    ),
  );
  add("statecode", () => A.createOptionSet("statecode", values.statecode ?? 0));
  add("csb_syncwithpartnercenter", () => A.createBoolean("csb_syncwithpartnercenter", values.sync ?? true));
  add("csb_sharewithmicrosoft", () => A.createBoolean("csb_sharewithmicrosoft", values.share ?? true));
  add("csb_microsofthelp", () =>
    // xrm-mock has no multi-select choice; a string attribute holding the array reads as one (getValue → number[]).
    A.createString({
      name: "csb_microsofthelp",
      attributeType: "multiselectoptionset",
      value: (values.help === undefined
        ? [MicrosoftHelpOption.CustomerTechnicalArchitecture]
        : values.help) as unknown as string,
    }),
  );
  add("csb_products", () =>
    A.createString("csb_products", values.products === undefined ? "SOL-1001" : (values.products ?? undefined)),
  );
  add("csb_syncstatus", () =>
    A.createOptionSet(
      "csb_syncstatus",
      values.syncStatus === undefined ? SyncStatus.Synced : (values.syncStatus ?? undefined),
    ),
  );
  add("csb_referralid", () =>
    A.createString("csb_referralid", values.referralId === undefined ? REFERRAL_ID : (values.referralId ?? undefined)),
  );
  add("csb_referrallink", () =>
    A.createString(
      "csb_referrallink",
      values.referralLink === undefined ? REFERRAL_LINK : (values.referralLink ?? undefined),
    ),
  );
  add("parentaccountid", () =>
    A.createLookup(
      "parentaccountid",
      lookup(values.account === undefined ? ACCOUNT_ID : values.account, "account", "Contoso") ?? undefined,
    ),
  );
  add("parentcontactid", () =>
    A.createLookup(
      "parentcontactid",
      lookup(values.contact === undefined ? CONTACT_ID : values.contact, "contact", "Ana Diaz") ?? undefined,
    ),
  );
  add("transactioncurrencyid", () =>
    A.createLookup(
      "transactioncurrencyid",
      lookup(values.currency === undefined ? CURRENCY_ID : values.currency, "transactioncurrency", "US Dollar") ??
        undefined,
    ),
  );

  const form = XrmMockGenerator.formContext;
  // xrm-mock gives an entity without an id a made-up one; a create form's getId() is "".
  if (id === null) (form.data.entity as unknown as { id: string }).id = "";
  // Values set above count as loaded, not as the seller's edits.
  for (const attribute of form.data.entity.attributes.get())
    (attribute as unknown as { isDirty: boolean }).isDirty = false;
  const calls: string[] = [];
  const data = form.data as unknown as Record<string, unknown>;
  data.save = () => {
    calls.push("save");
    const outcome = { prevented: false };
    const entity = form.data.entity as unknown as {
      saveEventHandlers: ((context: Xrm.Events.SaveEventContext) => void)[];
    };
    const handlers = entity.saveEventHandlers;
    entity.saveEventHandlers = handlers.map((handler) => (context: Xrm.Events.SaveEventContext) => {
      handler(context);
      outcome.prevented ||= context.getEventArgs().isDefaultPrevented();
    });
    try {
      // xrm-mock runs OnSave (then OnPostSave unless prevented) from entity.save: the platform's data.save is built on it.
      // eslint-disable-next-line @typescript-eslint/no-deprecated
      form.data.entity.save();
    } finally {
      entity.saveEventHandlers = handlers;
    }
    return outcome.prevented ? Promise.reject(new Error("the save was cancelled by a script")) : Promise.resolve();
  };
  data.refresh = (save: boolean) => {
    calls.push(`refresh(${String(save)})`);
    return Promise.resolve();
  };
  (form.ui as unknown as Record<string, unknown>).close = () => calls.push("close");

  return {
    form,
    calls,
    attribute: (name) => {
      const attribute = form.getAttribute(name) as Xrm.Attributes.Attribute | null | undefined;
      if (attribute === null || attribute === undefined) throw new Error(`the test form has no ${name}`);
      return attribute;
    },
    notifications: () => {
      const list =
        (form.ui as unknown as { formNotifications?: { message: string; level: string; uniqueId: string }[] })
          .formNotifications ?? [];
      return Object.fromEntries(list.map((item) => [item.uniqueId, { level: item.level, message: item.message }]));
    },
    controlMessages: (name) => {
      const control = form.getControl(name) as unknown as { notifications?: { messages: string[] }[] } | null;
      return (control?.notifications ?? []).flatMap((notification) => notification.messages);
    },
    eventContext: () => XrmMockGenerator.getEventContext(),
  };
}

/** Sets the user's language as Xrm.Utility.getGlobalContext().userSettings.languageId reports it. */
export function setUserLanguage(lcid: number): void {
  (XrmMockGenerator.context.userSettings as { languageId: number }).languageId = lcid;
}
