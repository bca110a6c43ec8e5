/**
 * csb_audit as a timeline, newest first: when (in the user's language and zone), which way, what happened and, for
 * a failure, what to do. Lines the panel can't read are shown as they are.
 */
import { Text } from "@fluentui/react";
import * as React from "react";
import type { Translate } from "../model/strings";
import type { PanelViewModel } from "../model/viewModel";
import { useId } from "./fieldParts";

const mutedColor = "#605e5c";

export function AuditTimeline({ audit, t }: { audit: PanelViewModel["audit"]; t: Translate }) {
  const headingId = useId("audit");
  return (
    <section aria-labelledby={headingId}>
      <Text as="h3" id={headingId} variant="mediumPlus" block style={{ margin: "0 0 4px" }}>
        {audit.label}
      </Text>
      {audit.entries.length === 0 ? (
        <Text block>{audit.emptyText}</Text>
      ) : (
        <ol aria-labelledby={headingId} style={{ margin: 0, paddingInlineStart: 0, listStyle: "none" }}>
          {audit.entries.map((entry) => (
            <li key={entry.key} style={{ borderInlineStart: `2px solid #c8c6c4`, padding: "2px 0 6px 10px" }}>
              {entry.at !== null && (
                <Text block variant="small" style={{ color: mutedColor }}>
                  <time dateTime={entry.at}>{entry.when ?? entry.at}</time>
                  {entry.direction !== null && ` · ${entry.direction}`}
                </Text>
              )}
              <Text block>{entry.text}</Text>
              {entry.whatToDo !== null && (
                <Text block variant="small">
                  {t("WhatToDo", entry.whatToDo)}
                </Text>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
