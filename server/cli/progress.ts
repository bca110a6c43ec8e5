/**
 * A progress line for long jobs (backfill): on a terminal it redraws one line with a bar, the count, the rate and an
 * estimate of the time left; elsewhere (CI logs, pipes) it prints a plain line every 10 %, or every 1,000 items when
 * the total is unknown, so logs stay short.
 */
import type { CliIo } from "./command";

const BAR_WIDTH = 24;

export interface Progress {
  update(done: number, total: number | null): void;
  /** Ends the line; the caller prints the summary. */
  finish(): void;
}

function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return "?";
  const whole = Math.ceil(seconds);
  if (whole < 60) return `${whole}s`;
  return `${Math.floor(whole / 60)}m${String(whole % 60).padStart(2, "0")}s`;
}

export function progressLine(label: string, done: number, total: number | null, elapsedMs: number): string {
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const rateText = `${rate.toFixed(rate < 10 ? 1 : 0)}/s`;
  if (total === null || total === 0) return `${label} ${done.toLocaleString("en-US")} · ${rateText}`;
  const share = Math.min(1, done / total);
  const filled = Math.round(share * BAR_WIDTH);
  const bar = `${"█".repeat(filled)}${"░".repeat(BAR_WIDTH - filled)}`;
  const left = rate > 0 ? formatDuration((total - done) / rate) : "?";
  const percent = `${Math.floor(share * 100)}%`.padStart(4);
  return `${label} ${bar} ${percent} ${done.toLocaleString("en-US")}/${total.toLocaleString("en-US")} · ${rateText} · ${left} left`;
}

export function createProgress(io: CliIo, label: string, now: () => number = Date.now): Progress {
  const startedAt = now();
  let lastReported = -1;
  let last = { done: 0, total: null as number | null };
  return {
    update(done, total) {
      last = { done, total };
      const line = progressLine(label, done, total, now() - startedAt);
      if (io.isTerminal) {
        io.status(line);
        return;
      }
      const step = total !== null && total > 0 ? Math.floor((done / total) * 10) : Math.floor(done / 1000);
      if (step !== lastReported) {
        lastReported = step;
        io.err(line);
      }
    },
    finish() {
      const line = progressLine(label, last.done, last.total, now() - startedAt);
      if (io.isTerminal) io.status(line);
      io.err(io.isTerminal ? "" : line);
    },
  };
}
