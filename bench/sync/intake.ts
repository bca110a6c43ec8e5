/**
 * Webhook intake alone: Dataverse's real webhook requests (built by the emulator's own webhook code) for distinct
 * opportunities, posted by many concurrent senders (in a worker thread, so sending doesn't take the service's CPU)
 * at a service that stores jobs but runs none. Measures what the
 * bridge acknowledges per second and how long an acknowledgement takes, durable enqueue included.
 */
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { Worker } from "node:worker_threads";
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
  const prepared = Array.from({ length: requests }, () => {
    const request = requestFor(serviceUrl);
    return { url: request.url, headers: request.headers, body: new Uint8Array(request.body) };
  });
  const worker = new Worker(new URL("./intakeSender.mjs", import.meta.url), {
    workerData: { requests: prepared, concurrency },
  });
  const [result] = (await once(worker, "message")) as [{ acks: number[]; refused: number; seconds: number }];
  await worker.terminate();
  return {
    requests,
    concurrency,
    acceptedPerSecond: (requests - result.refused) / result.seconds,
    ack: summarize(result.acks),
    refused: result.refused,
  };
}
