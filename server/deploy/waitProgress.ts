/**
 * Progress of something deploy waits for (an import, an upgrade, the service's sync): the percent when it is known
 * and the time elapsed. On a terminal one line is redrawn; in a log (CI) a line is printed when the percent passes
 * a tenth or the state changes, and otherwise every 15 seconds, so logs stay short but never look stuck.
 */
import type { CliIo } from "../cli/command";

export interface WaitProgress {
  /** `percent` null when unknown; `state` a short word such as "in progress". */
  update(percent: number | null, state: string): void;
  /** Prints the final line. */
  done(outcome: string): void;
}

const LOG_EVERY_MS = 15_000;

export function elapsedText(ms: number): string {
  if (ms < 10_000) return `${(Math.max(0, ms) / 1000).toFixed(1)}s`;
  const seconds = Math.floor(ms / 1000);
  return seconds < 60 ? `${seconds}s` : `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, "0")}s`;
}

export function createWaitProgress(io: CliIo, label: string, now: () => number = Date.now): WaitProgress {
  const startedAt = now();
  let lastPrinted: { tenth: number; state: string; at: number } | null = null;
  const line = (percent: number | null, state: string) =>
    `  ${label}: ${percent === null ? "" : `${Math.floor(percent)}% · `}${state} · ${elapsedText(now() - startedAt)}`;
  return {
    update(percent, state) {
      const text = line(percent, state);
      if (io.isTerminal) {
        io.status(text);
        return;
      }
      const tenth = percent === null ? -1 : Math.floor(percent / 10);
      const changed = lastPrinted?.tenth !== tenth || lastPrinted.state !== state;
      if (changed || now() - (lastPrinted?.at ?? 0) >= LOG_EVERY_MS) {
        lastPrinted = { tenth, state, at: now() };
        io.err(text);
      }
    },
    done(outcome) {
      if (io.isTerminal) io.status("");
      io.err(`  ${label}: ${outcome} after ${elapsedText(now() - startedAt)}`);
    },
  };
}

/** Resolves false after `ms`, or true at once when the user asks to stop (Ctrl+C). */
export function pause(ms: number, stopRequested: Promise<void>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => {
        resolve(false);
      }, ms);
    }),
    stopRequested.then(() => true),
  ]).finally(() => {
    clearTimeout(timer);
  });
}
