/**
 * The demo site's pages as a person sees them, found by roles and accessible names: the opportunity list with its
 * Co-sell status icons, and the Partner Center view with its "act as Microsoft" buttons and form. Every wait is for
 * something to appear on the page (the pages refresh themselves every few seconds), never for time to pass.
 */
import type { Locator, Page } from "playwright-core";
import { microsoftHelpChoice } from "../../emulators/dataverse/model/metadata/cosellSchema";
import { CoSellPanelPage } from "../browser/coSellPanelPage";

/** "Within 5 seconds" of the issue: how long a change may take to show on another page. */
export const WITHIN_5_S = { timeout: 5_000 };

/** Saves out/screenshots/e2e-<name>.png (full page) and checks it is a PNG. */
export function screenshot(page: Page, name: string): Promise<string> {
  return new CoSellPanelPage(page).screenshot(`e2e-${name}`);
}

/**
 * On an open form: turns on sync, asks for the first kind of help, shares with Microsoft sellers (confirming the
 * dialog) and picks the solution, found by typing part of its name.
 */
export async function coSellOnForm(panel: CoSellPanelPage, solutionName: string): Promise<void> {
  await panel.syncSwitch.click();
  await panel.toggleHelp(microsoftHelpChoice.options[0]?.label ?? "", true);
  await panel.shareSwitch.click();
  await panel.shareDialog.getByRole("button", { name: "Share with Microsoft" }).click();
  await panel.shareDialog.waitFor({ state: "detached" });
  await panel.products.pressSequentially(solutionName.split(" ").slice(1, 3).join(" "));
  await panel.suggestion(solutionName).click();
}

export class OpportunityListPage {
  constructor(readonly page: Page) {}

  async open(siteUrl: string): Promise<void> {
    await this.page.goto(`${siteUrl}/`);
    await this.grid.getByRole("row").nth(1).getByRole("link").waitFor();
  }

  get grid(): Locator {
    return this.page.getByRole("table", { name: "Open opportunities" });
  }

  row(topic: string): Locator {
    return this.grid.getByRole("row").filter({ has: this.page.getByRole("link", { name: topic, exact: true }) });
  }

  /** The Co-sell status image of a row, by the tooltip the web resource's icon function gave it. */
  statusIcon(topic: string, tooltip: string): Locator {
    return this.row(topic).getByRole("img", { name: tooltip, exact: true });
  }
}

export class PartnerCenterPage {
  constructor(readonly page: Page) {}

  async open(siteUrl: string): Promise<void> {
    await this.page.goto(`${siteUrl}/partner-center`);
    await this.grid.getByRole("row").nth(1).waitFor();
  }

  get grid(): Locator {
    return this.page.getByRole("table", { name: "Referrals" });
  }

  row(name: string): Locator {
    return this.grid.getByRole("row").filter({ has: this.page.getByText(name, { exact: true }) });
  }

  /** The text of one cell of a referral's row, by its column header. */
  async cell(name: string, column: string): Promise<string> {
    const headers = await this.grid.getByRole("columnheader").allTextContents();
    const index = headers.indexOf(column);
    if (index < 0) throw new Error(`the referrals grid has no column '${column}' (it has ${headers.join(", ")})`);
    return (await this.row(name).getByRole("cell").nth(index).textContent()) ?? "";
  }

  action(label: string, name: string): Locator {
    return this.row(name).getByRole("button", { name: `${label}: ${name}`, exact: true });
  }

  async changeDealValue(name: string, value: number): Promise<void> {
    await this.action("Change deal value", name).click();
    const input = this.row(name).getByRole("spinbutton", { name: `New deal value: ${name}` });
    await input.fill(String(value));
    await this.row(name).getByRole("button", { name: "Save", exact: true }).click();
  }

  get shareForm(): Locator {
    return this.page.getByRole("region", { name: "Share a co-sell opportunity (as Microsoft)" });
  }

  field(label: string): Locator {
    return this.shareForm.getByLabel(label, { exact: true });
  }
}
