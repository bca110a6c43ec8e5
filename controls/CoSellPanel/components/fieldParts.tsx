/**
 * Small pieces shared by the panel's fields: a field hidden by field security, a read-only value, and the switch
 * that the sync and sharing choices use.
 */
import { Label, Text, Toggle, hiddenContentStyle, mergeStyles } from "@fluentui/react";
import * as React from "react";
import type { FieldAccess } from "../model/fieldAccess";
import { maskedText } from "../model/fieldAccess";

/** A unique id per mounted component, for label and description references (React 16 has no useId). */
let lastId = 0;
export function useId(prefix: string): string {
  const id = React.useRef<string | null>(null);
  if (id.current === null) {
    lastId += 1;
    id.current = `cosell-${prefix}-${String(lastId)}`;
  }
  return id.current;
}

/** Text for screen readers only. */
export const screenReaderOnly = mergeStyles(hiddenContentStyle);

/** A field the user may not see: its label and "***", with the reason for screen readers and on hover. */
export function MaskedField({ label, hint }: { readonly label: string; readonly hint: string }) {
  const labelId = useId("masked");
  return (
    <div role="group" aria-labelledby={labelId}>
      <Label id={labelId}>{label}</Label>
      <Text title={hint}>
        <span aria-hidden="true">{maskedText}</span>
        <span className={screenReaderOnly}>{hint}</span>
      </Text>
    </div>
  );
}

export interface SwitchFieldProps {
  readonly label: string;
  readonly checked: boolean;
  readonly access: FieldAccess;
  readonly maskedHint: string;
  readonly onChange: (checked: boolean) => void;
  /** Shown under the switch and read with it, e.g. why it can't change any more. */
  readonly note?: string | null;
}

/** A Fluent Toggle (role "switch", named by its label); disabled when read-only, "***" when masked. */
export function SwitchField({ label, checked, access, maskedHint, onChange, note = null }: SwitchFieldProps) {
  const noteId = useId("switch-note");
  if (access === "masked") return <MaskedField label={label} hint={maskedHint} />;
  return (
    <div>
      <Toggle
        label={label}
        checked={checked}
        disabled={access !== "editable"}
        aria-describedby={note === null ? undefined : noteId}
        onChange={(_event, value) => {
          onChange(value === true);
        }}
      />
      {note !== null && (
        <Text id={noteId} variant="small" block>
          {note}
        </Text>
      )}
    </div>
  );
}
