/**
 * The whole panel, rendered from the view-model. Two columns when there is room (choices, deal type and problems on
 * the left; status, Sync now, referral and audit on the right), one below 480 px. The DOM order is the reading order
 * in both, so keyboard focus and screen readers follow what the eye sees.
 */
import { Stack } from "@fluentui/react";
import * as React from "react";
import type { SolutionCatalogEntry } from "../../../core";
import type { Translate } from "../model/strings";
import type { PanelViewModel } from "../model/viewModel";
import { AuditTimeline } from "./AuditTimeline";
import { ChoicesSection } from "./ChoicesSection";
import { DealSection } from "./DealSection";
import { ReferralSection } from "./ReferralSection";
import { StatusSection } from "./StatusSection";

export interface PanelActions {
  readonly onSyncChange: (checked: boolean) => void;
  readonly onHelpChange: (values: number[]) => void;
  readonly onShareChange: (checked: boolean) => void;
  readonly onProductsChange: (ids: string[], picked: readonly SolutionCatalogEntry[]) => void;
  readonly searchProducts: (text: string) => Promise<SolutionCatalogEntry[]>;
  readonly onSyncNow: () => void;
}

export interface PanelViewProps {
  readonly view: PanelViewModel;
  readonly actions: PanelActions;
  readonly t: Translate;
}

/** Each column takes at least this much room before the columns wrap, so a narrow container stacks them too. */
const columnMinWidth = 260;

export function PanelView({ view, actions, t }: PanelViewProps) {
  const column: React.CSSProperties = view.narrow
    ? { width: "100%" }
    : { flex: "1 1 0", minWidth: columnMinWidth, maxWidth: "100%" };
  return (
    <section aria-label={view.title} data-layout={view.narrow ? "narrow" : "wide"} style={{ width: "100%" }}>
      <Stack horizontal={!view.narrow} wrap={!view.narrow} tokens={{ childrenGap: 24 }}>
        <Stack tokens={{ childrenGap: 16 }} style={column}>
          <ChoicesSection
            sync={view.sync}
            help={view.help}
            share={view.share}
            products={view.products}
            t={t}
            onSyncChange={actions.onSyncChange}
            onHelpChange={actions.onHelpChange}
            onShareChange={actions.onShareChange}
            onProductsChange={actions.onProductsChange}
            searchProducts={actions.searchProducts}
          />
          <DealSection dealType={view.dealType} problems={view.problems} />
        </Stack>
        <Stack tokens={{ childrenGap: 16 }} style={column}>
          <StatusSection status={view.status} syncNow={view.syncNow} t={t} onSyncNow={actions.onSyncNow} />
          <ReferralSection
            referralId={view.referralId}
            referralLink={view.referralLink}
            microsoftCrmId={view.microsoftCrmId}
            t={t}
          />
          <AuditTimeline audit={view.audit} t={t} />
        </Stack>
      </Stack>
    </section>
  );
}
