/** Answers about syncs, jobs and health change from one moment to the next: no cache may keep them. */
import type { onSendHookHandler } from "fastify";

/** An onSend hook that marks every answer of its scope `Cache-Control: no-store`. */
export const noStore: onSendHookHandler = (_request, reply, payload, done) => {
  reply.header("cache-control", "no-store");
  done(null, payload);
};
