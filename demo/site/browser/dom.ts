/** Small DOM helpers for the demo pages: elements built from data with textContent only (never innerHTML). */

// The host page's builder, so the site and the form build elements the same way.
export { element } from "../../host/browser/element";

/** The page's element for `selector`, of the expected kind. @throws Error when the page has none. */
export function required<T extends Element>(selector: string, kind: abstract new () => T): T {
  const found = document.querySelector(selector);
  if (!(found instanceof kind)) throw new Error(`the page has no ${selector}`);
  return found;
}

/** Shows a message in the page's alert bar; null hides it. */
export function showAlert(message: string | null): void {
  const alert = required(".page-alert", HTMLElement);
  alert.textContent = message ?? "";
  alert.hidden = message === null;
}

/** "Updated 10:42:05" in the command bar, so a person sees the list is live. */
export function showUpdated(): void {
  required(".updated", HTMLElement).textContent = `Updated ${new Date().toLocaleTimeString("en-US")}`;
}

/** Calls `refresh` now, on the Refresh button, and every `intervalMs` while `paused()` is false. */
export function keepFresh(refresh: () => Promise<void>, intervalMs: number, paused: () => boolean = () => false): void {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      await refresh();
    } finally {
      running = false;
    }
  };
  required('[data-command="refresh"]', HTMLButtonElement).addEventListener("click", () => void run());
  void run();
  window.setInterval(() => {
    if (!paused() && document.visibilityState === "visible") void run();
  }, intervalMs);
}
