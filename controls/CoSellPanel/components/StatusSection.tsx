/**
 * Where the deal stands with Partner Center: the checkmark status, the last sync, the error and what to do, the
 * work still waiting, why the service can't be asked, and "Sync now" with its progress and result. Status changes
 * and the result of "Sync now" are announced (live regions).
 */
import { DefaultButton, Spinner, SpinnerSize, Stack, Text } from "@fluentui/react";
import * as React from "react";
import type { Notice } from "../model/serviceMessages";
import type { Translate } from "../model/strings";
import type { SyncNowView } from "../model/syncNowView";
import type { PanelViewModel } from "../model/viewModel";
import { useId } from "./fieldParts";
import { CheckIcon, CrossIcon } from "./icons";

const colors = { success: "#107c10", error: "#a4262c", muted: "#605e5c" } as const;

function NoticeText({ notice, t, tone }: { notice: Notice; t: Translate; tone: "error" | "muted" }) {
  return (
    <div>
      <Text block style={{ color: colors[tone] }}>
        {notice.text}
      </Text>
      <Text block variant="small">
        {t("WhatToDo", notice.whatToDo)}
      </Text>
    </div>
  );
}

function SyncNow({ view, t, onClick }: { view: SyncNowView; t: Translate; onClick: () => void }) {
  const describedById = useId("sync-now");
  const description = view.reason ?? view.hint;
  return (
    <Stack tokens={{ childrenGap: 4 }}>
      <DefaultButton
        text={view.label}
        disabled={!view.enabled}
        // Fluent keeps a disabled button focusable when asked, so keyboard users can still reach it and hear why.
        allowDisabledFocus
        aria-describedby={description === null ? undefined : describedById}
        onClick={() => {
          onClick();
        }}
      />
      {description !== null && (
        <Text id={describedById} variant="small" block>
          {description}
        </Text>
      )}
      <div role="status" aria-live="polite">
        {view.progress !== null && <Spinner size={SpinnerSize.small} label={view.progress} labelPosition="right" />}
        {view.result !== null && (
          <div>
            <Text block style={{ color: colors[view.result.tone] }}>
              {view.result.text}
            </Text>
            {view.result.whatToDo !== null && (
              <Text block variant="small">
                {t("WhatToDo", view.result.whatToDo)}
              </Text>
            )}
          </div>
        )}
      </div>
    </Stack>
  );
}

export interface StatusSectionProps {
  readonly status: PanelViewModel["status"];
  readonly syncNow: SyncNowView;
  readonly t: Translate;
  readonly onSyncNow: () => void;
}

export function StatusSection({ status, syncNow, t, onSyncNow }: StatusSectionProps) {
  const headingId = useId("status");
  const iconColor = status.icon === "check" ? colors.success : colors.error;
  return (
    <section aria-labelledby={headingId}>
      <Stack tokens={{ childrenGap: 8 }}>
        <Text as="h3" id={headingId} variant="mediumPlus" block style={{ margin: 0 }}>
          {status.label}
        </Text>
        <div role="status" aria-labelledby={headingId} data-status={status.kind}>
          <Stack horizontal verticalAlign="center" tokens={{ childrenGap: 6 }}>
            {status.icon === "check" && <CheckIcon color={iconColor} />}
            {status.icon === "cross" && <CrossIcon color={iconColor} />}
            <Text variant="large">{status.text}</Text>
          </Stack>
          <Text block variant="small" style={{ color: colors.muted }}>
            {status.lastSynced}
          </Text>
          {status.pendingDetail !== null && <Text block>{status.pendingDetail}</Text>}
          {status.error !== null && <NoticeText notice={status.error} t={t} tone="error" />}
        </div>
        {status.notice !== null && <NoticeText notice={status.notice} t={t} tone="muted" />}
        <SyncNow view={syncNow} t={t} onClick={onSyncNow} />
      </Stack>
    </section>
  );
}
