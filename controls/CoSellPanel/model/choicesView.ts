/**
 * The seller's choices (sync, help, sharing, products) and the deal type they produce, with what field security and
 * the form let the user change.
 */
import {
  type DealType,
  type HelpCode,
  dealTypeOf,
  helpCodeOfOption,
  opportunityTable,
  sortHelpCodes,
  toFlag,
} from "../../../core";
import { type FieldAccess, accessOf } from "./fieldAccess";
import type { ChoiceOption, PanelInputs } from "./inputs";
import type { PanelData } from "./panelData";
import type { StringKey, Translate } from "./strings";

export interface ToggleView {
  readonly label: string;
  readonly checked: boolean;
  readonly access: FieldAccess;
}

export interface HelpOptionView extends ChoiceOption {
  readonly checked: boolean;
}

export interface HelpView {
  readonly label: string;
  readonly access: FieldAccess;
  readonly options: readonly HelpOptionView[];
}

export interface ShareView extends ToggleView {
  /** Set once the deal was saved as shared: it can't be made private again. */
  readonly lockedNote: string | null;
}

export interface ProductTag {
  readonly id: string;
  readonly name: string;
}

export interface ProductsView {
  readonly label: string;
  readonly access: FieldAccess;
  readonly tags: readonly ProductTag[];
}

export interface DealTypeView {
  readonly label: string;
  readonly kind: DealType | null;
  readonly text: string;
  /** The admin syncs only co-sell deals and this one isn't: it won't be sent. */
  readonly note: string | null;
}

const dealTypeKeys: Readonly<Record<DealType, StringKey>> = {
  private: "DealType_private",
  partnerLed: "DealType_partnerLed",
  coSell: "DealType_coSell",
};

export function helpViewOf(inputs: PanelInputs, t: Translate): HelpView {
  const selected = new Set(inputs.microsoftHelp.value);
  return {
    label: t("MicrosoftHelp_Display"),
    access: accessOf(inputs.microsoftHelp, inputs.formDisabled),
    // The column's own options (attributes.Options), so labels and order follow the solution and the language.
    options: inputs.microsoftHelpOptions.map((option) => ({ ...option, checked: selected.has(option.value) })),
  };
}

/** Whether the saved record is already shared: the value when the form opened, or the saved row read since. */
export function savedAsShared(inputs: PanelInputs, data: PanelData): boolean {
  const saved = data.snapshot?.state === "loaded" ? data.snapshot.value.opportunity : null;
  return inputs.sharedWhenOpened || toFlag(saved?.[opportunityTable.cosellColumns.shareWithMicrosoft]) === true;
}

export function shareViewOf(inputs: PanelInputs, data: PanelData, t: Translate): ShareView {
  const locked = savedAsShared(inputs, data) && inputs.shareWithMicrosoft.readable;
  const access = accessOf(inputs.shareWithMicrosoft, inputs.formDisabled);
  return {
    label: t("ShareWithMicrosoft_Display"),
    checked: inputs.shareWithMicrosoft.value,
    access: locked && access === "editable" ? "readOnly" : access,
    lockedNote: locked ? t("ShareLocked") : null,
  };
}

export function productsViewOf(inputs: PanelInputs, data: PanelData, t: Translate): ProductsView {
  return {
    label: t("Products_Display"),
    access: accessOf(inputs.products, inputs.formDisabled),
    tags: inputs.products.value.map((id) => ({ id, name: data.productNames.get(id.toUpperCase()) ?? id })),
  };
}

export function dealTypeViewOf(inputs: PanelInputs, syncCoSellOnly: boolean, t: Translate): DealTypeView {
  const label = t("DealType_Label");
  if (!inputs.syncWithPartnerCenter.value) return { label, kind: null, text: t("SyncOff"), note: null };
  const help = sortHelpCodes(
    inputs.microsoftHelp.value.map(helpCodeOfOption).filter((code): code is HelpCode => code !== undefined),
  );
  const kind = dealTypeOf(help, inputs.shareWithMicrosoft.value);
  return {
    label,
    kind,
    text: t(dealTypeKeys[kind]),
    note: syncCoSellOnly && kind !== "coSell" ? t("SyncCoSellOnlyNote") : null,
  };
}
