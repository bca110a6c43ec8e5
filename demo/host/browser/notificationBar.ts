/**
 * The form's notification bar, Dynamics-style: one line per notification under the record's header, each with its
 * level (ERROR, WARNING, INFO) shown as an icon and said to screen readers, in the order they were set; setting an id
 * again replaces its line in place. formContext.ui.setFormNotification writes here, and so does the host for what
 * the platform itself would report (a save that failed, a script that threw).
 */
import type { HostStrings } from "./hostStrings";

export type NotificationLevel = "ERROR" | "WARNING" | "INFO";

export interface NotificationBar {
  readonly element: HTMLElement;
  set(id: string, level: NotificationLevel, text: string): void;
  /** False when there was no notification with this id. */
  clear(id: string): boolean;
}

const ICONS: Readonly<Record<NotificationLevel, string>> = { ERROR: "✖", WARNING: "⚠", INFO: "ℹ" };

export function createNotificationBar(strings: HostStrings): NotificationBar {
  const list = document.createElement("ul");
  list.className = "notification-list";
  list.setAttribute("aria-live", "polite");
  const element = document.createElement("section");
  element.className = "notification-bar";
  element.setAttribute("aria-label", strings.notifications);
  element.hidden = true;
  element.append(list);
  const lines = new Map<string, HTMLLIElement>();
  const levelWords: Readonly<Record<NotificationLevel, string>> = {
    ERROR: strings.levelError,
    WARNING: strings.levelWarning,
    INFO: strings.levelInfo,
  };

  return {
    element,
    set(id, level, text) {
      const line = lines.get(id) ?? document.createElement("li");
      line.className = "notification";
      line.dataset.level = level;
      line.dataset.id = id;
      const icon = document.createElement("span");
      icon.className = "notification-icon";
      icon.setAttribute("aria-hidden", "true");
      icon.textContent = ICONS[level];
      const word = document.createElement("span");
      word.className = "visually-hidden";
      word.textContent = `${levelWords[level]}: `;
      const message = document.createElement("span");
      message.className = "notification-text";
      message.textContent = text;
      line.replaceChildren(icon, word, message);
      if (!lines.has(id)) {
        lines.set(id, line);
        list.append(line);
      }
      element.hidden = false;
    },
    clear(id) {
      const line = lines.get(id);
      if (line === undefined) return false;
      line.remove();
      lines.delete(id);
      element.hidden = lines.size === 0;
      return true;
    },
  };
}
