/**
 * csb_audit: one line per sync, newest first, e.g.
 *   [2026-05-04 09:00:12 UTC] Dynamics → Partner Center: Sent Deal value, Close date to referral 1b2c….
 * Lines name fields, never values or secrets. The column is bounded by dropping the oldest whole lines. The bound
 * defaults to 20 000 characters (about 150 lines) rather than the column's 100 000: the whole column travels in
 * every write-back PATCH and in every webhook post-image Dataverse sends us (dataverse.md §3.3 trims bodies over
 * 256 KB), and a seller reads only the latest lines.
 */
import { toText } from "../../core";

export type AuditDirection = "toPartnerCenter" | "toDataverse" | "service";

const directionLabels: Readonly<Record<AuditDirection, string>> = {
  toPartnerCenter: "Dynamics → Partner Center",
  toDataverse: "Partner Center → Dynamics",
  service: "Co-sell Bridge",
};

const whatToDoMarker = " What to do: ";
const linePattern = /^\[(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}) UTC\] (.+?): (.*)$/;

export interface AuditEntry {
  /** ISO timestamp of the line, or null for a line we did not write. */
  readonly at: string | null;
  readonly direction: AuditDirection | null;
  /** The line without its timestamp and direction. */
  readonly text: string;
  /** The advice at the end of an error line, if any. */
  readonly whatToDo: string | null;
  readonly line: string;
}

/** One audit line; `whatToDo` is appended for errors. Line breaks in the text become spaces. */
export function formatAuditLine(at: Date, direction: AuditDirection, text: string, whatToDo?: string): string {
  const stamp = at.toISOString().slice(0, 19).replace("T", " ");
  const advice = whatToDo === undefined ? "" : `${whatToDoMarker}${whatToDo}`;
  return `[${stamp} UTC] ${directionLabels[direction]}: ${oneLine(text)}${oneLine(advice)}`;
}

export function parseAuditLine(line: string): AuditEntry {
  const match = linePattern.exec(line);
  if (match === null) return { at: null, direction: null, text: line, whatToDo: null, line };
  const [, stamp = "", label = "", body = ""] = match;
  const direction =
    (Object.entries(directionLabels) as [AuditDirection, string][]).find(([, value]) => value === label)?.[0] ?? null;
  const markerAt = body.indexOf(whatToDoMarker);
  return {
    at: `${stamp.replace(" ", "T")}Z`,
    direction,
    text: markerAt < 0 ? body : body.slice(0, markerAt),
    whatToDo: markerAt < 0 ? null : body.slice(markerAt + whatToDoMarker.length),
    line,
  };
}

/** The lines of a csb_audit value, newest first. */
export function auditLinesOf(column: unknown): string[] {
  return (toText(column) ?? "")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

/** The column with `line` on top, cut to `maxLength` by dropping the oldest whole lines. */
export function prependAuditLine(column: unknown, line: string, maxLength: number): string {
  const kept = [line.length > maxLength ? `${line.slice(0, maxLength - 1)}…` : line];
  let length = kept[0]?.length ?? 0;
  for (const older of auditLinesOf(column)) {
    length += older.length + 1;
    if (length > maxLength) break;
    kept.push(older);
  }
  return kept.join("\n");
}

/**
 * True when the newest line already says the same thing (ignoring its time and any numbers, such as "about 47 hours"):
 * writing it again would only churn the row and wake the reconciler.
 */
export function repeatsNewestLine(column: unknown, line: string): boolean {
  const newest = auditLinesOf(column)[0];
  if (newest === undefined) return false;
  return gist(newest) === gist(line);
}

function gist(line: string): string {
  const entry = parseAuditLine(line);
  return `${entry.direction ?? ""}|${entry.text}|${entry.whatToDo ?? ""}`.replace(/\d+/g, "#");
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, " ");
}
