// The load generator of the intake benchmark, in a child process so that sending takes none of the service's CPU
// (and the service's CPU time can be read alone): receives the prepared requests, posts them with `concurrency`
// senders, and answers each acknowledgement's latency and status.
process.once("message", async ({ requests, concurrency }) => {
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
  process.send({ acks, refused, seconds: (performance.now() - startedAt) / 1000 }, () => process.exit(0));
});
