/** What the form's Xrm needs from the page around it: the notification bar, the fields, the control, the commands. */
import type { SaveState } from "../formFrame";
import type { NotificationBar } from "../notificationBar";

export interface FormView {
  readonly notifications: NotificationBar;
  showControlNotification(column: string, text: string | null): void;
  /** These columns changed: show them in the fields (and in the control when `renderControl`), and the save state. */
  showChanges(columns: readonly string[], renderControl: boolean): void;
  /** The record was saved or read again: show all of it. */
  showRecord(): void;
  showSaveState(state: SaveState): void;
  /** Evaluate the command bar's enable rules again. */
  refreshCommands(): void;
}
