import { MessageBar, MessageBarType, Stack, Text } from "@fluentui/react";
import * as React from "react";
import type { DealSummary } from "../dealSummary";

export interface DealSummaryViewProps {
  summary: DealSummary;
  /** Localized strings by resx key. */
  getString: (key: string) => string;
}

/** The deal type the current choices produce, in words, and what is missing for Microsoft to help. */
export const DealSummaryView = React.memo(function DealSummaryView({ summary, getString }: DealSummaryViewProps) {
  const headline = summary.dealType === null ? getString("SyncOff") : getString(`DealType_${summary.dealType}`);
  return (
    <Stack tokens={{ childrenGap: 8 }} role="region" aria-label={getString("CoSellPanel_Display")}>
      <Text variant="mediumPlus">{headline}</Text>
      {summary.helpNeedsSharing && (
        <MessageBar messageBarType={MessageBarType.warning}>{getString("HelpNeedsSharing")}</MessageBar>
      )}
    </Stack>
  );
});
