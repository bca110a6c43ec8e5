/**
 * The pure view-model: the context's values, what was loaded and the time in, everything the panel shows out.
 * The components only render it, so every rule of the panel is tested here without React.
 */
import { type AuditTimelineEntry, auditTimelineOf, freshestAuditColumn } from "./auditTimeline";
import {
  type DealTypeView,
  type HelpView,
  type ProductsView,
  type ShareView,
  type ToggleView,
  dealTypeViewOf,
  helpViewOf,
  productsViewOf,
  shareViewOf,
} from "./choicesView";
import { type DateFormat, localeOf } from "./dates";
import { accessOf, maskedText } from "./fieldAccess";
import type { BoundField, PanelInputs } from "./inputs";
import { type PanelData, latestServiceStatus } from "./panelData";
import { type ProblemsView, problemsOf } from "./problems";
import { safePartnerCenterUrl } from "./referralLink";
import { type StatusView, statusViewOf } from "./statusView";
import type { Translate } from "./strings";
import { type SyncNowView, syncNowViewOf } from "./syncNowView";

/** Below this width (px) everything stacks in one column. */
export const narrowWidth = 480;

export interface ReadOnlyText {
  readonly label: string;
  readonly text: string;
  readonly masked: boolean;
}

export interface ReferralLinkView extends ReadOnlyText {
  /** Set only for an https URL on partner.microsoft.com; otherwise the text is shown as it is. */
  readonly href: string | null;
}

export interface PanelViewModel {
  readonly title: string;
  readonly narrow: boolean;
  readonly sync: ToggleView;
  readonly help: HelpView;
  readonly share: ShareView;
  readonly products: ProductsView;
  readonly dealType: DealTypeView;
  readonly problems: ProblemsView & { readonly label: string };
  readonly status: StatusView & { readonly label: string };
  readonly syncNow: SyncNowView;
  readonly referralId: ReadOnlyText;
  readonly referralLink: ReferralLinkView;
  readonly microsoftCrmId: ReadOnlyText;
  readonly audit: {
    readonly label: string;
    readonly masked: boolean;
    readonly entries: readonly AuditTimelineEntry[];
    readonly emptyText: string;
  };
}

export interface ViewContext {
  readonly now: Date;
  readonly t: Translate;
  /** An IANA zone for tests; undefined means the browser's. */
  readonly timeZone?: string;
}

export function buildPanelViewModel(inputs: PanelInputs, data: PanelData, context: ViewContext): PanelViewModel {
  const { t, now } = context;
  const format: DateFormat = { locale: localeOf(inputs.languageId), timeZone: context.timeZone };
  const settings = data.settings.state === "loaded" ? data.settings.value : null;
  const fresh = latestServiceStatus(data.service);
  // Field security hides the column; the service's copy of it must not show it either.
  const auditColumn = freshestAuditColumn(inputs.audit.value, fresh?.audit.map((entry) => entry.line) ?? []);
  const audit = inputs.audit.readable ? auditTimelineOf(auditColumn, format, t) : [];
  const width = inputs.allocatedWidth;
  return {
    title: t("CoSellPanel_Display"),
    narrow: width > 0 && width < narrowWidth,
    sync: {
      label: t("SyncWithPartnerCenter_Display"),
      checked: inputs.syncWithPartnerCenter.value,
      access: accessOf(inputs.syncWithPartnerCenter, inputs.formDisabled),
    },
    help: helpViewOf(inputs, t),
    share: shareViewOf(inputs, data, t),
    products: productsViewOf(inputs, data, t),
    dealType: dealTypeViewOf(inputs, settings?.syncCoSellOnly ?? false, t),
    problems: {
      label: t("Problems_Label"),
      ...problemsOf({ inputs, settings: data.settings, snapshot: data.snapshot, now, t }),
    },
    status: {
      label: t("Status_Label"),
      ...statusViewOf({
        inputs,
        service: data.service,
        audit,
        showCheckmark: settings?.showCheckmark ?? true,
        format,
        t,
      }),
    },
    syncNow: syncNowViewOf(inputs, data, t),
    referralId: readOnlyText(t("ReferralId_Display"), inputs.referralId, fresh?.referralId, t),
    referralLink: referralLinkOf(inputs, fresh?.referralLink, t),
    microsoftCrmId: readOnlyText(t("MicrosoftCrmId_Display"), inputs.microsoftCrmId, undefined, t),
    audit: {
      label: t("AuditTrail_Label"),
      masked: !inputs.audit.readable,
      entries: audit,
      emptyText: inputs.audit.readable ? t("AuditTrail_Empty") : maskedText,
    },
  };
}

/** A read-only column; the service's fresher value (when it answered) wins over the form's. */
function readOnlyText(
  label: string,
  field: BoundField<string | null>,
  fresher: string | null | undefined,
  t: Translate,
): ReadOnlyText {
  if (!field.readable) return { label, text: maskedText, masked: true };
  const value = fresher ?? field.value;
  return { label, text: value === null || value.trim() === "" ? t("EmptyValue") : value, masked: false };
}

function referralLinkOf(inputs: PanelInputs, fresher: string | null | undefined, t: Translate): ReferralLinkView {
  const text = readOnlyText(t("ReferralLink_Display"), inputs.referralLink, fresher, t);
  const href = text.masked ? null : safePartnerCenterUrl(fresher ?? inputs.referralLink.value);
  return { ...text, href };
}
