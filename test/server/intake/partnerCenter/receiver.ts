/**
 * A webhook receiver for the intake tests: a node:http server that keeps each POST's exact body bytes and headers.
 * By default it answers 200 and leaves verification to the test; given an `answer` function it decides the status
 * itself, so a test can run the verifier inside the receiver and let the emulator see the outcome.
 */
import type { IncomingHttpHeaders } from "node:http";
import { startRawRequestServer } from "../../../support/webhookReceiver";

/** One POST as it arrived. */
export interface CapturedDelivery {
  readonly headers: IncomingHttpHeaders;
  readonly rawBody: Buffer;
}

/** Decides the status of a delivery. */
export type Answer = (delivery: CapturedDelivery) => Promise<number>;

/** A running receiver; close it in afterAll. */
export interface Receiver {
  readonly url: string;
  readonly deliveries: CapturedDelivery[];
  /** The statuses answered, in order. */
  readonly statuses: number[];
  answerWith(answer: Answer | undefined): void;
  clear(): void;
  close(): Promise<void>;
}

/** Starts a receiver on an ephemeral port of 127.0.0.1. */
export async function startReceiver(): Promise<Receiver> {
  const deliveries: CapturedDelivery[] = [];
  const statuses: number[] = [];
  let answer: Answer | undefined;
  const server = await startRawRequestServer(async (request) => {
    const delivery = { headers: request.headers, rawBody: request.body };
    deliveries.push(delivery);
    const status = await (answer === undefined ? Promise.resolve(200) : answer(delivery));
    statuses.push(status);
    return { status };
  });
  return {
    url: `${server.origin}/webhooks/partner-center`,
    deliveries,
    statuses,
    answerWith: (next) => {
      answer = next;
    },
    clear: () => {
      deliveries.length = 0;
      statuses.length = 0;
    },
    close: () => server.close(),
  };
}
