/**
 * csb_audit as a timeline. The sync service writes one line per sync (server/sync/audit.ts), newest first:
 *   [2026-05-04 09:00:12 UTC] Dynamics → Partner Center: Sent Deal value, Close date to referral 1b2c…. What to do: …
 * Each line becomes an entry with its time in the user's language, the direction in the user's words, the text and
 * any advice. A line in another shape (typed by hand, from an older version) is kept as plain text, never dropped.
 */
import { type DateFormat, formatDateTime } from "./dates";
import type { StringKey, Translate } from "./strings";

export interface AuditTimelineEntry {
  /** Stable React key. */
  readonly key: string;
  /** ISO 8601 time of the line, or null for a line without one. */
  readonly at: string | null;
  /** `at` for people, in their language and zone. */
  readonly when: string | null;
  /** Which way the sync went, in the user's words; null when the line doesn't say. */
  readonly direction: string | null;
  readonly text: string;
  readonly whatToDo: string | null;
}

const linePattern = /^\[(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) UTC\] (.+?): (.*)$/;
const whatToDoMarker = " What to do: ";

/** The service's direction labels (server/sync/audit.ts) and the resx keys that say them in the user's language. */
const directionKeys: Readonly<Record<string, StringKey>> = {
  "Dynamics → Partner Center": "Audit_toPartnerCenter",
  "Partner Center → Dynamics": "Audit_toDataverse",
  "Co-sell Bridge": "Audit_service",
};

interface ParsedLine {
  readonly at: string | null;
  readonly directionLabel: string | null;
  readonly text: string;
  readonly whatToDo: string | null;
}

export function parseAuditLine(line: string): ParsedLine {
  const match = linePattern.exec(line);
  if (match === null) return { at: null, directionLabel: null, text: line, whatToDo: null };
  const directionLabel = match[3] ?? "";
  const body = match[4] ?? "";
  const at = `${match[1] ?? ""}T${match[2] ?? ""}Z`;
  if (Number.isNaN(Date.parse(at))) return { at: null, directionLabel: null, text: line, whatToDo: null };
  const markerAt = body.indexOf(whatToDoMarker);
  return {
    at,
    directionLabel,
    text: markerAt < 0 ? body : body.slice(0, markerAt),
    whatToDo: markerAt < 0 ? null : body.slice(markerAt + whatToDoMarker.length),
  };
}

/** The non-empty lines of the column, trimmed, in the order written. */
export function auditLinesOf(column: string | null): string[] {
  return (column ?? "")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

/**
 * The timeline, newest first. The service already writes newest first; sorting by time again keeps that true for a
 * column edited by hand. A line without a time stays right after the line above it.
 */
export function auditTimelineOf(column: string | null, format: DateFormat, t: Translate): AuditTimelineEntry[] {
  let previousTime = Number.POSITIVE_INFINITY;
  const parsed = auditLinesOf(column).map((line, index) => {
    const entry = parseAuditLine(line);
    const time = entry.at === null ? previousTime : Date.parse(entry.at);
    previousTime = time;
    return { entry, index, time };
  });
  parsed.sort((left, right) => (left.time === right.time ? left.index - right.index : right.time - left.time));
  return parsed.map(({ entry, index }) => {
    const key = entry.directionLabel === null ? undefined : directionKeys[entry.directionLabel];
    return {
      key: `${String(index)}:${entry.at ?? ""}`,
      at: entry.at,
      when: formatDateTime(entry.at, format),
      direction: key === undefined ? entry.directionLabel : t(key),
      text: entry.text,
      whatToDo: entry.whatToDo,
    };
  });
}

/** The advice of the newest line, when that line failed: the best explanation of an Error status without the service. */
export function newestAdvice(entries: readonly AuditTimelineEntry[]): { text: string; whatToDo: string } | null {
  const newest = entries[0];
  if (newest === undefined || newest.whatToDo === null) return null;
  return { text: newest.text, whatToDo: newest.whatToDo };
}

/** The time of the newest line that has one, as ISO text (which sorts as time does), or null. */
function newestLineAt(lines: readonly string[]): string | null {
  return lines.reduce<string | null>((newest, line) => {
    const { at } = parseAuditLine(line);
    return at !== null && (newest === null || at > newest) ? at : newest;
  }, null);
}

/**
 * The freshest csb_audit to show. The bound column holds what the form loaded; the service writes its line after a
 * save, through an asynchronous webhook, so the form's copy stays stale until the form is refreshed. When the
 * service's status holds a newer line, its lines (the newest few) are shown instead.
 */
export function freshestAuditColumn(bound: string | null, serviceLines: readonly string[]): string | null {
  const serviceNewest = newestLineAt(serviceLines);
  if (serviceNewest === null) return bound;
  const boundNewest = newestLineAt(auditLinesOf(bound));
  return boundNewest === null || serviceNewest > boundNewest ? serviceLines.join("\n") : bound;
}
