/**
 * The confirmation before a deal is shared with Microsoft sellers: the Referrals API can't un-share, so the seller
 * is told it can't be undone before the switch turns on.
 */
import { DefaultButton, Dialog, DialogFooter, DialogType, PrimaryButton } from "@fluentui/react";
import * as React from "react";

export interface ShareDialogProps {
  readonly open: boolean;
  readonly title: string;
  readonly text: string;
  readonly confirmLabel: string;
  readonly cancelLabel: string;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

export function ShareDialog({ open, title, text, confirmLabel, cancelLabel, onConfirm, onCancel }: ShareDialogProps) {
  return (
    <Dialog
      hidden={!open}
      onDismiss={onCancel}
      // Not blocking: a blocking Fluent dialog becomes an "alertdialog" with a close button drawn from the icon font.
      // Clicking outside or Escape cancels, which is safe: only the confirm button shares.
      dialogContentProps={{ type: DialogType.normal, title, subText: text, showCloseButton: false }}
      modalProps={{ isBlocking: false }}
    >
      <DialogFooter>
        <PrimaryButton text={confirmLabel} onClick={onConfirm} />
        <DefaultButton text={cancelLabel} onClick={onCancel} />
      </DialogFooter>
    </Dialog>
  );
}
