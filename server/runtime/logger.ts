/**
 * One logger for the whole service. Fastify owns the pino instance (with its redaction of credentials), but the
 * engine, clients and queue are built before Fastify; they log through this forwarder, which writes to Fastify's
 * logger once it exists.
 */
import type { SyncLogger } from "../sync";

type LogMethod = (obj: object, msg: string) => void;

export interface ForwardingLogger extends SyncLogger {
  /** Sends every later line to `target`. */
  attach(target: SyncLogger): void;
}

export function forwardingLogger(): ForwardingLogger {
  let target: SyncLogger | null = null;
  const method =
    (name: keyof SyncLogger): LogMethod =>
    (obj, msg) => {
      target?.[name](obj, msg);
    };
  return {
    debug: method("debug"),
    info: method("info"),
    warn: method("warn"),
    error: method("error"),
    attach: (next) => {
      target = next;
    },
  };
}

/** For commands that print their own output: library log lines would only clutter it. */
export const silentSyncLogger: SyncLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
