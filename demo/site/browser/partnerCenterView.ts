/**
 * The Partner Center view: the partner's referrals, refreshed every few seconds, with Microsoft's side of the deal
 * one click away (accept or decline the partner's invitation, change the deal value, close as Won or Lost), and a
 * form through which Microsoft shares a new co-sell opportunity with the partner.
 */
import { SITE_ROUTES, type ReferralAction, type ReferralList, type ReferralRow } from "../shared/siteContract";
import { element, keepFresh, required, showUpdated } from "./dom";
import { getJson, postJson } from "./siteApi";

const REFRESH_MS = 3000;
const DAY_MS = 86_400_000;

export function startPartnerCenterView(): void {
  const body = required("#referral-rows", HTMLTableSectionElement);
  const form = required("#inbound-form", HTMLFormElement);
  let shown = "";
  let editing: string | null = null;
  let formReady = false;

  const refresh = async () => {
    const list = await getJson<ReferralList>(SITE_ROUTES.referralRows);
    if (list === null) return;
    showUpdated();
    if (!formReady) formReady = fillFormChoices(form, list);
    const text = JSON.stringify(list.referrals);
    if (text === shown) return;
    shown = text;
    body.replaceChildren(...(list.referrals.length === 0 ? [emptyRow()] : list.referrals.map(rowOf)));
    highlightLinkedReferral();
  };

  const act = async (row: ReferralRow, action: ReferralAction, extra: Record<string, unknown> = {}) => {
    const path = `${SITE_ROUTES.referralAction}${encodeURIComponent(row.id)}/${action}`;
    if ((await postJson(path, extra)) === null) return;
    editing = null;
    shown = "";
    await refresh();
  };

  function rowOf(row: ReferralRow): HTMLTableRowElement {
    const solutions = row.solutions.join(", ");
    const help = [sentenceOf(row.help), solutions].filter((part) => part !== "").join(" · ");
    return element(
      "tr",
      { id: `referral-${row.id}`, "data-referral-id": row.id },
      element("td", {}, element("strong", {}, row.name), element("div", { class: "secondary" }, row.customer)),
      element("td", {}, row.direction),
      element("td", {}, `${row.status} · ${row.substatus}`),
      element("td", {}, row.microsoftAnswer ?? "Not invited"),
      element("td", { class: "number" }, row.dealValue === null ? "" : money(row.dealValue, row.currency)),
      element("td", {}, row.closingDate),
      element("td", {}, help),
      element(
        "td",
        {},
        row.opportunity === null ? "" : element("a", { href: row.opportunity.formUrl }, row.opportunity.name),
      ),
      element("td", {}, new Date(row.lastModified).toLocaleString("en-US")),
      element("td", {}, element("div", { class: "actions" }, ...actionsOf(row))),
    );
  }

  function actionsOf(row: ReferralRow): Node[] {
    const button = (label: string, onClick: () => void) => {
      const node = element("button", { type: "button", "aria-label": `${label}: ${row.name}` }, label);
      node.addEventListener("click", onClick);
      return node;
    };
    const actions: Node[] = [];
    if (row.canAnswer) {
      actions.push(button("Accept", () => void act(row, "accept")));
      actions.push(button("Decline", () => void act(row, "decline")));
    }
    if (!row.open) return actions;
    if (editing === row.id) actions.push(dealEditor(row));
    else {
      actions.push(
        button("Change deal value", () => {
          editing = row.id;
          shown = "";
          void refresh();
        }),
      );
    }
    actions.push(button("Close as Won", () => void act(row, "won")));
    actions.push(button("Close as Lost", () => void act(row, "lost")));
    return actions;
  }

  function dealEditor(row: ReferralRow): HTMLFormElement {
    const input = element("input", {
      type: "number",
      min: "0",
      step: "any",
      "aria-label": `New deal value: ${row.name}`,
      value: row.dealValue === null ? "" : String(row.dealValue),
    });
    const editor = element("form", { class: "deal-editor" }, input, element("button", { type: "submit" }, "Save"));
    editor.addEventListener("submit", (event) => {
      event.preventDefault();
      void act(row, "deal", { dealValue: Number(input.value) });
    });
    window.setTimeout(() => {
      input.focus();
    }, 0);
    return editor;
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void shareReferral(form).then(async (shared) => {
      if (!shared) return;
      shown = "";
      await refresh();
    });
  });
  keepFresh(refresh, REFRESH_MS, () => editing !== null);
}

/** Fills the solution and help choices and a closing date two months out; true once done. */
function fillFormChoices(form: HTMLFormElement, list: ReferralList): boolean {
  const solution = form.elements.namedItem("solutionId");
  const help = form.elements.namedItem("help");
  const closing = form.elements.namedItem("closingDate");
  if (!(solution instanceof HTMLSelectElement && help instanceof HTMLSelectElement)) return false;
  solution.replaceChildren(
    element("option", { value: "" }, "(none)"),
    ...list.solutions.map((entry) => element("option", { value: entry.id }, `${entry.name} (${entry.id})`)),
  );
  if (list.solutions.length > 0) solution.selectedIndex = 1;
  help.replaceChildren(...list.helpCodes.map((code) => element("option", { value: code }, sentenceOf(code))));
  if (closing instanceof HTMLInputElement && closing.value === "") {
    closing.value = new Date(Date.now() + 60 * DAY_MS).toISOString().slice(0, 10);
  }
  return true;
}

async function shareReferral(form: HTMLFormElement): Promise<boolean> {
  const data = new FormData(form);
  const value = (name: string) => {
    const entry = data.get(name);
    return typeof entry === "string" ? entry : "";
  };
  const texts = ["customerName", "city", "postalCode", "country", "contactFirstName", "contactLastName"];
  texts.push("contactEmail", "currency", "closingDate", "solutionId", "help", "notes");
  const body = {
    ...Object.fromEntries(texts.map((name) => [name, value(name)])),
    dealValue: Number(value("dealValue")),
  };
  const shared = await postJson<{ referralId: string }>(SITE_ROUTES.inboundReferral, body);
  return shared !== null;
}

/** "CustomerTechnicalArchitecture" → "Customer technical architecture", as the form's choice labels read. */
function sentenceOf(code: string): string {
  const words = code.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function money(value: number, currency: string): string {
  try {
    return new Intl.NumberFormat("en-US", { style: "currency", currency }).format(value);
  } catch {
    return `${value} ${currency}`;
  }
}

/** "Open in Partner Center" on a form leads here with #referral-<id>: that row is marked and scrolled to. */
function highlightLinkedReferral(): void {
  const target = window.location.hash.slice(1);
  if (!target.startsWith("referral-")) return;
  const row = document.getElementById(target);
  if (row === null) return;
  row.classList.add("highlight");
  row.scrollIntoView({ block: "center" });
}

function emptyRow(): HTMLTableRowElement {
  return element("tr", {}, element("td", { colspan: "10", class: "empty" }, "No referrals yet."));
}
