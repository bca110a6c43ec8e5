// The load generator of the intake benchmark, in a worker thread so that sending does not take the service's CPU:
// posts the prepared requests with `concurrency` senders and returns each acknowledgement's latency and status.
import { parentPort, workerData } from "node:worker_threads";

const { requests, concurrency } = workerData;
const acks = [];
let refused = 0;
let next = 0;

async function sender() {
  while (next < requests.length) {
    const request = requests[next];
    next += 1;
    const sentAt = performance.now();
    const response = await fetch(request.url, { method: "POST", headers: request.headers, body: request.body });
    await response.arrayBuffer();
    acks.push(performance.now() - sentAt);
    if (response.status !== 202) refused += 1;
  }
}

const startedAt = performance.now();
await Promise.all(Array.from({ length: concurrency }, sender));
parentPort.postMessage({ acks, refused, seconds: (performance.now() - startedAt) / 1000 });
