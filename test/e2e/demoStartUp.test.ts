/**
 * What `npm start` says before anything runs: which ports it takes (a taken default port is swapped for a free one
 * and said so; a taken port the person asked for stops it, naming the variable to change), and that it needs the
 * build (naming `npm run build`). Real sockets on 127.0.0.1, no stand-ins.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { findBuiltArtifacts } from "../../demo/stack/builtArtifacts";
import { DemoStartError } from "../../demo/stack/demoError";
import { choosePorts, DEFAULT_PORTS, portRequestsFromEnvironment } from "../../demo/stack/ports";

const listening: Server[] = [];

/** Runs `node --import tsx demo/main.ts` with these variables and collects what it prints and its exit code. */
function runDemoCommand(
  env: Readonly<Record<string, string>>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ["--import", "tsx", "demo/main.ts"],
      { env: { ...process.env, ...env }, timeout: 25_000 },
      (error, stdout, stderr) => {
        resolve({ code: error === null ? 0 : typeof error.code === "number" ? error.code : null, stdout, stderr });
      },
    );
    child.once("error", reject);
  });
}

async function occupy(port = 0): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  listening.push(server);
  const address = server.address();
  if (typeof address !== "object" || address === null) throw new Error("no port");
  return address.port;
}

afterEach(async () => {
  await Promise.all(listening.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

describe("choosing the demo's ports", () => {
  it("gives four different free ports when every port is left to it", async () => {
    const { ports, notes } = await choosePorts({ site: 0, service: 0, partnerCenter: 0, dataverse: 0 });
    expect(new Set(Object.values(ports)).size).toBe(4);
    expect(Object.values(ports).every((port) => port > 0)).toBe(true);
    expect(notes).toEqual([]);
  });

  it("uses a free port instead of a taken default one, and says which", async () => {
    const taken = await occupy();
    const { ports, notes } = await choosePorts({ service: 0, partnerCenter: 0, dataverse: 0 }, "127.0.0.1", {
      ...DEFAULT_PORTS,
      site: taken,
    });
    expect(ports.site).not.toBe(taken);
    expect(notes).toEqual([`Port ${taken} is taken, so the demo site uses ${ports.site} (set DEMO_PORT to choose).`]);
  });

  it("refuses a taken port that was asked for, naming the variable that sets it", async () => {
    const taken = await occupy();
    const refusal = await choosePorts({ service: taken, site: 0, partnerCenter: 0, dataverse: 0 }).catch(
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(DemoStartError);
    expect((refusal as DemoStartError).message).toBe(`Port ${taken} for the sync service is taken by another program.`);
    expect((refusal as DemoStartError).whatToDo).toMatch(/set DEMO_SERVICE_PORT to another port/);
  });

  it("reads the ports from DEMO_*_PORT and refuses one that is not a number", () => {
    expect(
      portRequestsFromEnvironment({ DEMO_PORT: "8081", DEMO_DATAVERSE_PORT: " 0 ", DEMO_SERVICE_PORT: "" }),
    ).toEqual({ site: 8081, dataverse: 0 });
    expect(() => portRequestsFromEnvironment({ DEMO_PARTNER_CENTER_PORT: "70a1" })).toThrow(
      /DEMO_PARTNER_CENTER_PORT is '70a1', which is not a port number/,
    );
  });
});

describe("npm start's command line (demo/main.ts)", () => {
  it("stops before starting anything when a port it was told to use is taken, and says what to do", async () => {
    const taken = await occupy();
    const result = await runDemoCommand({ DEMO_PORT: String(taken) });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`✖ Port ${taken} for the demo site is taken by another program.`);
    expect(result.stderr).toContain("What to do: Stop the program that uses it, or set DEMO_PORT to another port");
    expect(result.stdout).not.toMatch(/✔/);
  }, 30_000);
});

describe("the build the demo runs", () => {
  it("says to run npm run build when out/ has no control", async () => {
    const emptyRepository = await mkdtemp(join(tmpdir(), "cosell-demo-unbuilt-"));
    try {
      const refusal = (() => {
        try {
          findBuiltArtifacts(emptyRepository);
        } catch (error) {
          return error;
        }
        return null;
      })();
      expect(refusal).toBeInstanceOf(DemoStartError);
      expect((refusal as DemoStartError).message).toMatch(/the CoSellPanel control is not built/);
      expect((refusal as DemoStartError).whatToDo).toMatch(/^Run `npm run build`/);
    } finally {
      await rm(emptyRepository, { recursive: true, force: true });
    }
  });
});
