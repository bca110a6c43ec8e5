/**
 * The deal type the seller's choices produce, in words (announced when it changes), and the problems Partner Center
 * would find, listed under "Fix before saving" so they can be fixed before the save.
 */
import { Stack, Text } from "@fluentui/react";
import * as React from "react";
import type { DealTypeView } from "../model/choicesView";
import type { PanelViewModel } from "../model/viewModel";
import { useId } from "./fieldParts";

const warningColor = "#8a3707";

export function DealSection({ dealType, problems }: { dealType: DealTypeView; problems: PanelViewModel["problems"] }) {
  const dealTypeId = useId("deal-type");
  const problemsId = useId("problems");
  return (
    <Stack tokens={{ childrenGap: 8 }}>
      <div role="status" aria-labelledby={dealTypeId} data-deal-type={dealType.kind ?? "none"}>
        <Text id={dealTypeId} block variant="small" style={{ fontWeight: 600 }}>
          {dealType.label}
        </Text>
        <Text block>{dealType.text}</Text>
        {dealType.note !== null && (
          <Text block variant="small" style={{ color: warningColor }}>
            {dealType.note}
          </Text>
        )}
      </div>
      {problems.items.length > 0 && (
        <div>
          <Text
            as="h4"
            id={problemsId}
            block
            variant="medium"
            style={{ margin: 0, fontWeight: 600, color: warningColor }}
          >
            {problems.label}
          </Text>
          <ul aria-labelledby={problemsId} style={{ margin: "4px 0", paddingInlineStart: 20 }}>
            {problems.items.map((message) => (
              <li key={message}>
                <Text>{message}</Text>
              </li>
            ))}
          </ul>
        </div>
      )}
      {problems.notes.map((note) => (
        <Text key={note} block variant="small">
          {note}
        </Text>
      ))}
    </Stack>
  );
}
