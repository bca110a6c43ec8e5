/**
 * The sync service's log in the demo's terminal: it writes one JSON object per line (pino, with credentials already
 * redacted by the service, server/http/logging.ts); a person reads "service warn: <message>" better.
 */
import type { LogStream } from "../../server/http/logging";

const LEVELS: Readonly<Record<number, string>> = { 10: "trace", 20: "debug", 30: "info", 40: "warn", 50: "error" };

export function readableServiceLog(write: (line: string) => void): LogStream {
  return {
    write(line) {
      let entry: { level?: unknown; msg?: unknown; err?: { message?: unknown } };
      try {
        entry = JSON.parse(line) as typeof entry;
      } catch {
        write(`service: ${line.trimEnd()}`);
        return;
      }
      const level = typeof entry.level === "number" ? (LEVELS[entry.level] ?? "fatal") : "log";
      const message = typeof entry.msg === "string" ? entry.msg : line.trimEnd();
      const cause = typeof entry.err?.message === "string" ? ` (${entry.err.message})` : "";
      write(`service ${level}: ${message}${cause}`);
    },
  };
}
