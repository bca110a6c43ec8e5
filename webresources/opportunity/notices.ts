/** The form notifications the scripts own, each under its own unique id so one never hides another. */

export const NOTICE = {
  /** The sync status and checkmark. */
  status: "csb_syncstatus",
  /** What the last command-bar action did. */
  command: "csb_command",
  /** Problems Partner Center would find, and save refusals. */
  validation: "csb_validation",
  /** Setup problems (settings unreadable, service not configured). */
  setup: "csb_setup",
} as const;

export type NoticeId = (typeof NOTICE)[keyof typeof NOTICE];

/** Shows `text` under `id`, replacing what was there (clearing first: not every host replaces on the same id). */
export function notify(form: Xrm.FormContext, id: NoticeId, level: Xrm.FormNotificationLevel, text: string): void {
  form.ui.clearFormNotification(id);
  form.ui.setFormNotification(text, level, id);
}

export function clearNotice(form: Xrm.FormContext, id: NoticeId): void {
  form.ui.clearFormNotification(id);
}

/**
 * Xrm.FormNotificationLevel's values, named once: the minifier shortens a constant read in twenty places, never the
 * same string written twenty times.
 */
export const LEVEL = { info: "INFO", warning: "WARNING", error: "ERROR" } as const;
