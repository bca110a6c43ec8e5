/**
 * A webhook receiver for the tests: a node:http server that keeps every POST's exact body bytes and headers and
 * answers whatever the test says (200 by default).
 */
import { startRawRequestServer, type RawRequest } from "../../../support/webhookReceiver";

/** One POST as it arrived: method, path with query string, headers and exact body bytes. */
export type ReceivedRequest = RawRequest;

export interface Receiver {
  readonly url: string;
  readonly requests: ReceivedRequest[];
  /** The status to answer from now on. */
  answerWith(status: number): void;
  /** Forgets what was received. */
  clear(): void;
  close(): Promise<void>;
}

/** Starts a receiver on an ephemeral port of 127.0.0.1, at path /webhooks/partner-center. */
export async function startReceiver(): Promise<Receiver> {
  const requests: ReceivedRequest[] = [];
  let status = 200;
  const server = await startRawRequestServer((request) => {
    requests.push(request);
    return { status, text: status < 300 ? "ok" : "failing on purpose" };
  });
  return {
    url: `${server.origin}/webhooks/partner-center`,
    requests,
    answerWith: (next) => {
      status = next;
    },
    clear: () => {
      requests.length = 0;
    },
    close: () => server.close(),
  };
}

/** The PascalCase event body of a received POST. */
export function eventOf(request: ReceivedRequest): Record<string, unknown> {
  return JSON.parse(request.body.toString("utf8")) as Record<string, unknown>;
}
