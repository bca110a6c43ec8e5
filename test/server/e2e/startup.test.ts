import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDataverseEmulator, type DataverseEmulator } from "../../../emulators/dataverse";
import { startPartnerCenterEmulator, type PartnerCenterEmulator } from "../../../emulators/partner-center";
import { startService } from "../../../server/runtime/service";
import { configFromEnvironment, freePort, stackEnvironment } from "../../support/bridgeStack";

describe("starting the service when its port is taken", () => {
  let dataverse: DataverseEmulator;
  let partnerCenter: PartnerCenterEmulator;
  let dataDir: string;
  let blocker: Server;
  let port: number;

  beforeAll(async () => {
    [dataverse, partnerCenter] = await Promise.all([
      startDataverseEmulator({ seed: false }),
      startPartnerCenterEmulator(),
    ]);
    dataDir = await mkdtemp(join(tmpdir(), "cosell-startup-"));
    port = await freePort();
    blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(port, "127.0.0.1", resolve));
  }, 60_000);

  afterAll(async () => {
    await new Promise((resolve) => blocker.close(resolve));
    await Promise.all([dataverse.close(), partnerCenter.close()]);
    await rm(dataDir, { recursive: true, force: true });
  });

  it("fails with the address error and releases the embedded database for the next start", async () => {
    const storage = { kind: "pglite", dataDir } as const;
    const config = configFromEnvironment(stackEnvironment(dataverse, partnerCenter, storage, port));
    await expect(startService(config, { logging: false, scheduler: false })).rejects.toMatchObject({
      code: "EADDRINUSE",
    });
    // The folder lock and the queue were released: a service on a free port opens the same folder.
    const retry = configFromEnvironment(stackEnvironment(dataverse, partnerCenter, storage, await freePort()));
    const service = await startService(retry, { logging: false, scheduler: false });
    expect(service.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await service.stop();
  }, 60_000);
});
