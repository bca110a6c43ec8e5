/**
 * Xrm.Navigation.openConfirmDialog and openAlertDialog as real in-page modal dialogs: role="dialog" with
 * aria-modal, named by the title (or the text) and described by the text; focus moves to the confirm button and
 * stays inside (Tab wraps), the form behind is inert, Escape cancels (an alert's Escape closes it), and focus goes
 * back to where it was. Dialogs opened while one is showing wait their turn. Default button labels are the user's
 * language, as the platform's are.
 */
import type { HostStrings } from "../hostStrings";

export interface DialogTexts {
  readonly title?: string | undefined;
  readonly subtitle?: string | undefined;
  readonly text: string;
  readonly confirmButtonLabel?: string | undefined;
  readonly cancelButtonLabel?: string | undefined;
}

let dialogCount = 0;

export class Dialogs {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly strings: HostStrings) {}

  confirm(texts: DialogTexts): Promise<{ confirmed: boolean }> {
    return this.enqueue(() => this.show(texts, true)).then((confirmed) => ({ confirmed }));
  }

  alert(texts: DialogTexts): Promise<void> {
    return this.enqueue(() => this.show(texts, false)).then(() => undefined);
  }

  private enqueue(open: () => Promise<boolean>): Promise<boolean> {
    const shown = this.queue.then(open);
    this.queue = shown.catch(() => undefined);
    return shown;
  }

  private show(texts: DialogTexts, withCancel: boolean): Promise<boolean> {
    dialogCount += 1;
    const id = `xrm-dialog-${dialogCount}`;
    const dialog = document.createElement("div");
    dialog.className = "dialog";
    dialog.setAttribute("role", withCancel ? "dialog" : "alertdialog");
    dialog.setAttribute("aria-modal", "true");
    dialog.setAttribute("aria-describedby", `${id}-text`);
    if (texts.title === undefined || texts.title === "") dialog.setAttribute("aria-labelledby", `${id}-text`);
    else dialog.setAttribute("aria-labelledby", `${id}-title`);
    const parts: HTMLElement[] = [];
    if (texts.title !== undefined && texts.title !== "")
      parts.push(paragraph("h2", `${id}-title`, "dialog-title", texts.title));
    if (texts.subtitle !== undefined && texts.subtitle !== "") {
      parts.push(paragraph("p", `${id}-subtitle`, "dialog-subtitle", texts.subtitle));
    }
    parts.push(paragraph("p", `${id}-text`, "dialog-text", texts.text));
    const confirm = button(texts.confirmButtonLabel ?? this.strings.ok, "dialog-button primary");
    const buttons = [confirm];
    if (withCancel) buttons.push(button(texts.cancelButtonLabel ?? this.strings.cancel, "dialog-button"));
    const actions = document.createElement("div");
    actions.className = "dialog-actions";
    actions.append(...buttons);
    dialog.append(...parts, actions);
    const overlay = document.createElement("div");
    overlay.className = "dialog-overlay";
    overlay.append(dialog);

    const background = [...document.body.children].filter(
      (child): child is HTMLElement => child instanceof HTMLElement,
    );
    const wasInert = background.map((element) => element.inert);
    const returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    for (const element of background) element.inert = true;
    document.body.append(overlay);
    confirm.focus();

    return new Promise<boolean>((resolve) => {
      const close = (confirmed: boolean) => {
        overlay.remove();
        background.forEach((element, index) => {
          element.inert = wasInert[index] ?? false;
        });
        returnFocus?.focus();
        resolve(confirmed);
      };
      confirm.addEventListener("click", () => {
        close(true);
      });
      buttons[1]?.addEventListener("click", () => {
        close(false);
      });
      dialog.addEventListener("keydown", (event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          close(false);
        } else if (event.key === "Tab") {
          // Focus stays in the dialog: Tab past the last button comes back to the first, Shift+Tab the other way.
          const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
          const next = (index + (event.shiftKey ? -1 : 1) + buttons.length) % buttons.length;
          event.preventDefault();
          buttons[next]?.focus();
        }
      });
    });
  }
}

function paragraph(tag: "h2" | "p", id: string, className: string, text: string): HTMLElement {
  const element = document.createElement(tag);
  element.id = id;
  element.className = className;
  element.textContent = text;
  return element;
}

function button(label: string, className: string): HTMLButtonElement {
  const element = document.createElement("button");
  element.type = "button";
  element.className = className;
  element.textContent = label;
  return element;
}
