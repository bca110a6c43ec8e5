/**
 * Builders for the panel's inputs and loaded data: a saved, not yet synced opportunity by default, so that each test
 * states only what it is about.
 */
import { MicrosoftHelpOption, type OpportunitySnapshot, SyncStatus, customizeMapping } from "../../../core";
import type { OpportunitySyncStatus } from "../../../controls/CoSellPanel/data/syncServiceTypes";
import type { BoundField, ChoiceOption, PanelInputs } from "../../../controls/CoSellPanel/model/inputs";
import type { PanelData } from "../../../controls/CoSellPanel/model/panelData";
import type { PanelSettings } from "../../../controls/CoSellPanel/model/settings";
import { anOpportunity, opportunityId } from "../../core/builders";

export { anOpportunity, opportunityId };

/** 2026-11-25 09:30 UTC, the day the core builders' close date (2027-03-31) is still ahead. */
export const now = new Date("2026-11-25T09:30:00Z");

export function field<T>(value: T, access: Partial<Omit<BoundField<T>, "value">> = {}): BoundField<T> {
  return { value, readable: true, editable: true, ...access };
}

export const helpOptions: readonly ChoiceOption[] = [
  { value: MicrosoftHelpOption.GeneralOrOther, label: "General or other" },
  { value: MicrosoftHelpOption.CustomerTechnicalArchitecture, label: "Customer technical architecture" },
  { value: MicrosoftHelpOption.ProofOfConceptOrDemo, label: "Proof of concept or demo" },
  { value: MicrosoftHelpOption.QuotesOrLicensing, label: "Quotes or licensing" },
];

export function anInputs(overrides: Partial<PanelInputs> = {}): PanelInputs {
  return {
    recordId: opportunityId,
    syncWithPartnerCenter: field(false),
    microsoftHelp: field<readonly number[]>([]),
    microsoftHelpOptions: helpOptions,
    shareWithMicrosoft: field(false),
    products: field<readonly string[]>([]),
    referralId: field<string | null>(null),
    referralLink: field<string | null>(null),
    microsoftCrmId: field<string | null>(null),
    audit: field<string | null>(null),
    syncStatus: field<number | null>(SyncStatus.NotSynced),
    lastSyncedOn: field<Date | null>(null),
    topic: null,
    dealValue: null,
    estimatedCloseDate: null,
    syncEndpointUrl: null,
    sharedWhenOpened: false,
    formDisabled: false,
    allocatedWidth: 900,
    languageId: 1033,
    ...overrides,
  };
}

/** The inputs of a co-sell deal the seller is setting up: sync on, help asked, shared, one product. */
export function coSellInputs(overrides: Partial<PanelInputs> = {}): PanelInputs {
  return anInputs({
    syncWithPartnerCenter: field(true),
    microsoftHelp: field<readonly number[]>([MicrosoftHelpOption.ProofOfConceptOrDemo]),
    shareWithMicrosoft: field(true),
    products: field<readonly string[]>(["SOL-15974-MQF"]),
    ...overrides,
  });
}

export function settings(overrides: Partial<PanelSettings> = {}): PanelSettings {
  return {
    syncEndpointUrl: "https://cosell.contoso.example",
    showCheckmark: true,
    syncCoSellOnly: false,
    mapping: customizeMapping({}),
    ...overrides,
  };
}

/** Everything loaded: the default settings, the saved opportunity, the service's answer. */
export function someData(overrides: Partial<PanelData> = {}): PanelData {
  return {
    settings: { state: "loaded", value: settings() },
    snapshot: { state: "loaded", value: savedOpportunity({}) },
    productNames: new Map([["SOL-15974-MQF", "Contoso Supply Chain Accelerator"]]),
    service: { kind: "loaded", status: aServiceStatus() },
    syncRun: { kind: "idle" },
    ...overrides,
  };
}

export function aServiceStatus(overrides: Partial<OpportunitySyncStatus> = {}): OpportunitySyncStatus {
  return {
    opportunityId,
    status: "Not synced",
    checkmark: false,
    awaitingAnswer: false,
    referralId: null,
    referralLink: null,
    lastSyncedAt: null,
    lastError: null,
    audit: [],
    pending: [],
    ...overrides,
  };
}

/**
 * The saved opportunity of the core builders (a complete Contoso deal) as it is before the seller turns sync on,
 * with `row` on top.
 */
export function savedOpportunity(row: Record<string, unknown>): OpportunitySnapshot {
  return anOpportunity({
    opportunity: {
      csb_syncwithpartnercenter: false,
      csb_microsofthelp: null,
      csb_sharewithmicrosoft: false,
      csb_products: null,
      modifiedon: "2026-11-20T10:00:00Z",
      ...row,
    },
  });
}
