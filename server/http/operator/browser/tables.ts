/**
 * The page's tables: rows built from data, each cell labelled with its column's header so that a narrow screen can
 * show every row as a stacked card (operator.css). A table is rebuilt only when its data changed, so a refresh
 * every few seconds does not take the keyboard focus or a screen reader's place away from the operator.
 */
import { html, type Child } from "./dom";

export interface TableParts {
  readonly table: HTMLTableElement;
  readonly rows: HTMLTableSectionElement;
  /** Shown instead of the table when there are no rows. */
  readonly empty: HTMLElement;
}

/** Column headers as the page's HTML has them, for each cell's data-label. */
function headers(table: HTMLTableElement): string[] {
  return [...table.querySelectorAll("thead th")].map((cell) => cell.textContent.trim());
}

/** A function that fills `parts` with `items`, one row each, unless they are what it showed last time. */
export function tableFiller<T>(
  parts: TableParts,
  cellsOf: (item: T) => readonly Child[],
): (items: readonly T[]) => void {
  const labels = headers(parts.table);
  let shown: string | null = null;
  return (items) => {
    const signature = JSON.stringify(items);
    if (signature === shown) return;
    shown = signature;
    parts.empty.hidden = items.length > 0;
    parts.table.hidden = items.length === 0;
    parts.rows.replaceChildren(
      ...items.map((item) =>
        html(
          "tr",
          {},
          cellsOf(item).map((content, index) =>
            html("td", { attributes: { "data-label": labels[index] ?? "" } }, [content]),
          ),
        ),
      ),
    );
  };
}

/** An id in a monospace font that may break anywhere, or a dash when there is none. */
export function idCell(id: string | null): Child {
  return id === null ? "—" : html("code", { className: "id", text: id });
}

/** A time element: the reader's local time, the exact instant for machines and on hover. */
export function timeCell(iso: string, text: string): Child {
  return html("time", { text, attributes: { datetime: iso, title: iso } });
}
