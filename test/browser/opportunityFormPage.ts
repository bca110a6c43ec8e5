/**
 * The host's opportunity form as a seller sees it once the web resources run on it, found by roles and accessible
 * names: the notification bar, the command bar's commands, a field's control notification (its accessible
 * description), the scripts' dialogs; plus what the page tells about itself (PATCH requests sent, OnLoad timing).
 */
import type { Locator, Page } from "playwright-core";
import { hostStringsFor, type HostStrings } from "../../demo/host/browser/hostStrings";
import { ONLOAD_DONE_MARK } from "../../demo/host/shared/hostConfig";
import { CoSellPanelPage } from "./coSellPanelPage";

export class OpportunityFormPage extends CoSellPanelPage {
  /** Every request the page sent, as "<method> <url>". */
  readonly requests: string[] = [];
  /** The host's own words in the page's language (the notification bar's and command bar's names). */
  readonly words: HostStrings;

  constructor(page: Page, languageId = 1033) {
    super(page);
    this.words = hostStringsFor(languageId);
    page.on("request", (request) => {
      this.requests.push(`${request.method()} ${request.url()}`);
    });
  }

  /** The PATCH requests the page sent. */
  get patches(): string[] {
    return this.requests.filter((request) => request.startsWith("PATCH "));
  }

  get notificationBar(): Locator {
    return this.page.getByRole("region", { name: this.words.notifications });
  }

  /** The notification bar's line holding `text`. */
  notification(text: string | RegExp): Locator {
    return this.notificationBar.getByRole("listitem").filter({ hasText: text });
  }

  /** The level (ERROR, WARNING, INFO) a notification line shows. */
  levelOf(line: Locator): Promise<string | null> {
    return line.getAttribute("data-level");
  }

  command(label: string): Locator {
    return this.page
      .getByRole("toolbar", { name: this.words.commands })
      .getByRole("button", { name: label, exact: true, includeHidden: true });
  }

  /** Waits until a command is offered (shown) or not: the command bar hides a command its enable rule refuses. */
  async expectOffered(label: string, offered: boolean): Promise<void> {
    await this.command(label).waitFor({ state: offered ? "visible" : "hidden" });
  }

  /** Clicks Save without waiting for a save to happen (OnSave may refuse it). */
  async clickSave(): Promise<void> {
    await this.command(this.words.save).click();
  }

  /** The control notification of a field: the text its input is described by, empty when there is none. */
  async fieldNotification(label: string): Promise<string> {
    const field = this.formField(label);
    const describedBy = await field.getAttribute("aria-describedby");
    if (describedBy === null) throw new Error(`the field ${label} has no description for notifications`);
    const notification = this.page.locator(`#${describedBy}`);
    return (await notification.isVisible()) ? ((await notification.textContent()) ?? "") : "";
  }

  dialog(name: string): Locator {
    return this.page.getByRole("dialog", { name, exact: true });
  }

  /** Milliseconds from the start of navigation until the form's OnLoad handlers had run. */
  async onLoadDoneMs(): Promise<number> {
    const time = await this.page.evaluate(
      (mark) => performance.getEntriesByName(mark)[0]?.startTime ?? null,
      ONLOAD_DONE_MARK,
    );
    if (time === null) throw new Error("the page never marked the end of OnLoad");
    return time;
  }
}
