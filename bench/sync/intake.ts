/**
 * Webhook intake alone: Dataverse's real webhook requests (built by the emulator's own webhook code) for distinct
 * opportunities, posted by many concurrent senders (in a child process, so sending doesn't take the service's CPU)
 * at a service that stores jobs but runs none. Measures what the bridge acknowledges per second and how long an
 * acknowledgement takes, durable enqueue included; then counts the stored jobs (one per accepted request).
 */
import { randomUUID } from "node:crypto";
import { fork } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import {
  buildWebhookRequest,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_SIZE_EXCEEDED_HEADER_VALUE,
} from "../../emulators/dataverse/webhooks";
import { startService } from "../../server/runtime/service";
import { nameUpdate } from "../../test/server/http/dataverseRequests";
import { opportunityUpdateStep, webhookEndpoint } from "../../test/support/dataverseWebhookFixtures";
import {
  configFromEnvironment,
  dropPostgresSchema,
  freePort,
  stackEnvironment,
  stackSchema,
  STACK_WEBHOOK_KEY,
  type StackStorage,
} from "../../test/support/bridgeStack";
import { summarize, type LatencySummary } from "../lib/stats";
import { startBenchEmulators } from "./emulatorProcess";

export interface IntakeResults {
  readonly requests: number;
  readonly concurrency: number;
  readonly acceptedPerSecond: number;
  readonly ack: LatencySummary;
  readonly refused: number;
  /** CPU time of the service's process (HTTP, intake, enqueue, and PGlite when it is the store), per request. */
  readonly cpuMsPerRequest: number;
  /** Jobs in the queue afterwards: one per accepted request (distinct opportunities). */
  readonly storedJobs: number;
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

async function post(serviceUrl: string, requests: number, concurrency: number) {
  const prepared = Array.from({ length: requests }, () => {
    const request = requestFor(serviceUrl);
    return { url: request.url, headers: request.headers, body: new Uint8Array(request.body) };
  });
  const sender = fork(fileURLToPath(new URL("./intakeSender.mjs", import.meta.url)), [], {
    serialization: "advanced",
    execArgv: [],
  });
  const answered = once(sender, "message") as Promise<[{ acks: number[]; refused: number; seconds: number }]>;
  sender.send({ requests: prepared, concurrency });
  const [result] = await answered;
  return result;
}

export async function measureIntake(
  storage: StackStorage,
  requests: number,
  concurrency: number,
): Promise<IntakeResults> {
  const name = "bench-intake";
  const emulators = await startBenchEmulators(name, { seed: false });
  const dataDir = await mkdtemp(join(tmpdir(), "cosell-bench-"));
  const schema = stackSchema(name);
  const port = await freePort();
  const env = {
    ...stackEnvironment(emulators.dataverse, emulators.partnerCenter, { kind: storage, dataDir }, port),
    DATABASE_SCHEMA: schema,
  };
  try {
    const service = await startService(configFromEnvironment(env), {
      schema,
      logging: false,
      scheduler: false,
      processJobs: false,
    });
    try {
      const cpuBefore = process.cpuUsage();
      const result = await post(`http://127.0.0.1:${port}`, requests, concurrency);
      const cpu = process.cpuUsage(cpuBefore);
      const depth = await service.queue.depth();
      return {
        requests,
        concurrency,
        acceptedPerSecond: (requests - result.refused) / result.seconds,
        ack: summarize(result.acks),
        refused: result.refused,
        cpuMsPerRequest: (cpu.user + cpu.system) / 1000 / requests,
        storedJobs: depth.queued,
      };
    } finally {
      await service.stop();
    }
  } finally {
    await emulators.stop();
    await rm(dataDir, { recursive: true, force: true });
    if (storage === "postgres") await dropPostgresSchema(schema);
  }
}
