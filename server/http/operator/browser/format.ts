/** How the page writes times, durations, directions and outcomes. Times are the reader's local time. */
import type { SyncDirection, SyncOutcome } from "../../operations/adminViews";

const DATE_TIME = new Intl.DateTimeFormat(undefined, {
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});
const TIME = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit" });

/** "May 4, 09:00:12", or the text as given when it is not a date. */
export function formatDateTime(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : DATE_TIME.format(time);
}

/** "09:00:12", for chart ticks. */
export function formatClock(epochMs: number): string {
  return TIME.format(epochMs);
}

/** "850 ms", "1.2 s", "14 s", "2 min 5 s", "3 h 10 min". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 10) return `${seconds.toFixed(1)} s`;
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
  const hours = Math.floor(minutes / 60);
  return `${hours} h ${minutes - hours * 60} min`;
}

export const DIRECTION_LABELS: Readonly<Record<SyncDirection, string>> = {
  toPartnerCenter: "Dynamics → Partner Center",
  toDataverse: "Partner Center → Dynamics",
};

/** Outcomes an operator should look at. */
export function isTrouble(outcome: SyncOutcome): boolean {
  return outcome === "failed" || outcome === "invalid";
}

/** "1 job", "3 jobs". */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
