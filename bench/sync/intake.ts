/**
 * Webhook intake alone: Dataverse's real webhook requests (built by the emulator's own webhook code) for distinct
 * opportunities, posted by many concurrent senders at a service that stores jobs but runs none. Measures what the
 * bridge acknowledges per second and how long an acknowledgement takes, durable enqueue included.
 */
import { randomUUID } from "node:crypto";
import {
  buildWebhookRequest,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_SIZE_EXCEEDED_HEADER_VALUE,
} from "../../emulators/dataverse/webhooks";
import { nameUpdate } from "../../test/server/http/dataverseRequests";
import { opportunityUpdateStep, webhookEndpoint } from "../../test/support/dataverseWebhookFixtures";
import { STACK_WEBHOOK_KEY, type BridgeStack } from "../../test/support/bridgeStack";
import { summarize, type LatencySummary } from "../lib/stats";

export interface IntakeResults {
  readonly requests: number;
  readonly concurrency: number;
  readonly acceptedPerSecond: number;
  readonly ack: LatencySummary;
  readonly refused: number;
}

function requestFor(serviceUrl: string) {
  const endpoint = webhookEndpoint(`${serviceUrl}/webhooks/dataverse`, { authvalue: STACK_WEBHOOK_KEY });
  const step = opportunityUpdateStep({
    sdkmessageprocessingstepid: randomUUID(),
    name: "bench",
    asyncautodelete: false,
  });
  return buildWebhookRequest(nameUpdate({ id: randomUUID() }), step, endpoint, {
    context: {},
    maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
    sizeExceededHeaderValue: DEFAULT_SIZE_EXCEEDED_HEADER_VALUE,
  });
}

export async function measureIntake(stack: BridgeStack, requests: number, concurrency: number): Promise<IntakeResults> {
  const serviceUrl = stack.config.server.publicUrl;
  const prepared = Array.from({ length: requests }, () => requestFor(serviceUrl));
  const acks: number[] = [];
  let refused = 0;
  let next = 0;
  const sender = async () => {
    while (next < prepared.length) {
      const request = prepared[next];
      next += 1;
      if (request === undefined) break;
      const sentAt = performance.now();
      const response = await fetch(request.url, {
        method: "POST",
        headers: request.headers,
        body: new Uint8Array(request.body),
      });
      await response.arrayBuffer();
      acks.push(performance.now() - sentAt);
      if (response.status !== 202) refused += 1;
    }
  };
  const startedAt = performance.now();
  await Promise.all(Array.from({ length: concurrency }, sender));
  const seconds = (performance.now() - startedAt) / 1000;
  return { requests, concurrency, acceptedPerSecond: (requests - refused) / seconds, ack: summarize(acks), refused };
}
