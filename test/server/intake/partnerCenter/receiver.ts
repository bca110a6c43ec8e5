/**
 * A webhook receiver for the intake tests: a node:http server that keeps each POST's exact body bytes and headers.
 * By default it answers 200 and leaves verification to the test; given an `answer` function it decides the status
 * itself, so a test can run the verifier inside the receiver and let the emulator see the outcome.
 */
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

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
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const delivery = { headers: request.headers, rawBody: Buffer.concat(chunks) };
      deliveries.push(delivery);
      void (answer === undefined ? Promise.resolve(200) : answer(delivery)).then((status) => {
        statuses.push(status);
        response.writeHead(status, { "content-type": "text/plain" }).end();
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks/partner-center`,
    deliveries,
    statuses,
    answerWith: (next) => {
      answer = next;
    },
    clear: () => {
      deliveries.length = 0;
      statuses.length = 0;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => {
        server.close((error) => {
          if (error === undefined) resolve();
          else reject(error);
        });
      });
    },
  };
}
