/**
 * The host page as a seller sees it, found by roles and accessible names only (the contract's names, English unless
 * given): the control's switches, help checkboxes, product picker, deal type, problems and the form's Save.
 * Every wait is for something to appear or change on the page, never for time to pass.
 */
import { readFile, mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import type { Locator, Page } from "playwright-core";

export const SCREENSHOT_FOLDER = "out/screenshots";
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export class CoSellPanelPage {
  constructor(readonly page: Page) {}

  /** Opens a form URL and waits until the host has run the control (or says why it could not). */
  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.locator("body[data-host-state]").waitFor();
    const state = await this.page.locator("body").getAttribute("data-host-state");
    if (state !== "ready") {
      const alert = await this.page.getByRole("alert").first().textContent();
      throw new Error(`the host page failed to open: ${alert ?? "(no message)"}`);
    }
  }

  switch(name: string): Locator {
    return this.page.getByRole("switch", { name, exact: true });
  }

  get syncSwitch(): Locator {
    return this.switch("Sync with Partner Center");
  }

  get shareSwitch(): Locator {
    return this.switch("Visible to Microsoft sellers");
  }

  get helpGroup(): Locator {
    return this.page.getByRole("group", { name: "How can Microsoft help?" });
  }

  helpOption(label: string): Locator {
    return this.helpGroup.getByRole("checkbox", { name: label });
  }

  /** Ticks or clears a help option by clicking its label, as a person does (Fluent draws the box over the input). */
  async toggleHelp(label: string, checked: boolean): Promise<void> {
    await this.helpGroup.getByText(label, { exact: true }).click();
    await this.waitChecked(this.helpOption(label), checked);
  }

  get dealType(): Locator {
    return this.page.getByRole("status", { name: "Deal type" });
  }

  get problems(): Locator {
    return this.page.getByRole("list", { name: "Fix before saving" });
  }

  problem(text: string): Locator {
    return this.problems.getByRole("listitem").filter({ hasText: text });
  }

  /** A blocking Fluent Dialog has the role alertdialog, a kind of dialog; either is fine. */
  get shareDialog(): Locator {
    const named = { name: "Share with Microsoft sellers?", exact: true };
    return this.page.getByRole("dialog", named).or(this.page.getByRole("alertdialog", named));
  }

  get products(): Locator {
    const named = { name: "Products", exact: true };
    return this.page.getByRole("combobox", named).or(this.page.getByRole("textbox", named));
  }

  suggestion(text: string): Locator {
    return this.page.getByRole("option").filter({ hasText: text }).first();
  }

  get controlArea(): Locator {
    return this.page.locator(".control-container");
  }

  formField(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  async save(): Promise<void> {
    await this.page.getByRole("toolbar").getByRole("button", { name: "Save" }).click();
    await this.page.getByRole("status", { name: "Save status" }).filter({ hasText: "Saved" }).waitFor();
  }

  /** Waits until the locator's element reports `aria-checked` (or `checked`) as `checked`. */
  async waitChecked(locator: Locator, checked: boolean): Promise<void> {
    await locator.and(this.page.getByRole(await roleOf(locator), { checked })).waitFor();
  }

  /** The page is no wider than the window: nothing sticks out sideways on a phone. */
  async horizontalOverflow(): Promise<number> {
    return this.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  }

  /** Saves a full-page screenshot under out/screenshots and checks that a PNG file was written. */
  async screenshot(name: string): Promise<string> {
    const path = `${SCREENSHOT_FOLDER}/${name}.png`;
    await mkdir(dirname(path), { recursive: true });
    await this.page.screenshot({ path, fullPage: true });
    const bytes = await readFile(path);
    if (bytes.length <= PNG_SIGNATURE.length || !bytes.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)) {
      throw new Error(`${path} is not a PNG file`);
    }
    return path;
  }
}

async function roleOf(locator: Locator): Promise<"switch" | "checkbox"> {
  const role = await locator.getAttribute("role");
  return role === "switch" ? "switch" : "checkbox";
}
