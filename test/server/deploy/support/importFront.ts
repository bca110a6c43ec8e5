/**
 * A real HTTP server in front of a Dataverse emulator that adds what the emulator doesn't have yet and the deploy
 * uses against real Dataverse: `ImportSolutionAsync` (answers at once with an AsyncOperationId and ImportJobKey, then
 * runs the emulator's own ImportSolution in the background), the system job it creates (`asyncoperations(<id>)`:
 * statecode 3 with statuscode 30 or 31 and the emulator's message), the import job's `progress`, the holding
 * solution of `HoldingSolution: true` (a solution row `<name>_Upgrade` whose zip is applied by `DeleteAndPromote`).
 * Every other request is passed through unchanged, so tokens, queries and writes are the emulator's own.
 *
 * The emulator is the right home for these actions (reported to its owner); until it has them, this front keeps the
 * deploy's tests on the same protocol as production.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { unzipSync } from "fflate";
import type { DataverseEmulator } from "../../../../emulators/dataverse";

const API = "/api/data/v9.2";

interface SystemJob {
  statecode: number;
  statuscode: number;
  progress: number;
  message: string | null;
}

export interface FrontCall {
  readonly action: string;
  readonly parameters: Record<string, unknown>;
}

export interface ImportFront {
  readonly url: string;
  /** The async import actions the deploy called, in order (CustomizationFile left out). */
  readonly calls: FrontCall[];
  /** Every request that reached the front, as "METHOD /path". */
  readonly requests: string[];
  /** Milliseconds between progress steps of an import (default 40). */
  stepMs: number;
  /** Points the front at the emulator (started after the front, since the emulator must accept the front's URL). */
  attach(emulator: DataverseEmulator): void;
  close(): Promise<void>;
}

function versionOf(zipBase64: string): { uniqueName: string; version: string; managed: boolean } {
  const files = unzipSync(new Uint8Array(Buffer.from(zipBase64, "base64")));
  const xml = new TextDecoder().decode(files["solution.xml"]);
  const manifest = xml.slice(xml.indexOf("<SolutionManifest>"));
  const field = (name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(manifest)?.[1] ?? "";
  return { uniqueName: field("UniqueName"), version: field("Version"), managed: field("Managed") === "1" };
}

async function bodyOf(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function reply(response: ServerResponse, status: number, body?: unknown): void {
  response.writeHead(status, body === undefined ? {} : { "content-type": "application/json; odata.metadata=minimal" });
  response.end(body === undefined ? undefined : JSON.stringify(body));
}

export async function startImportFront(): Promise<ImportFront> {
  let emulator: DataverseEmulator | null = null;
  const jobs = new Map<string, SystemJob>();
  const holding = new Map<string, { rowId: string; file: string }>();
  const calls: FrontCall[] = [];
  const requests: string[] = [];

  const target = (): DataverseEmulator => {
    if (emulator === null) throw new Error("the front has no emulator attached");
    return emulator;
  };
  /** The emulator's ImportSolution with the caller's token: null on success, else its error message. */
  const importOnEmulator = async (file: string, authorization: string): Promise<string | null> => {
    const answer = await fetch(`${target().apiUrl}/ImportSolution`, {
      method: "POST",
      headers: { authorization, "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ CustomizationFile: file }),
    });
    if (answer.status === 204) return null;
    const text = await answer.text();
    try {
      return (JSON.parse(text) as { error?: { message?: string } }).error?.message ?? text;
    } catch {
      return text;
    }
  };

  const front: ImportFront = {
    url: "",
    calls,
    requests,
    stepMs: 40,
    attach: (started) => {
      emulator = started;
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };

  const runImport = async (job: SystemJob, parameters: Record<string, unknown>, authorization: string) => {
    job.statecode = 2;
    job.statuscode = 20;
    for (const percent of [10, 35, 60, 85]) {
      await new Promise((resolve) => setTimeout(resolve, front.stepMs));
      job.progress = percent;
    }
    const file = String(parameters.CustomizationFile);
    let failure: string | null;
    if (parameters.HoldingSolution === true) {
      const { uniqueName, version, managed } = versionOf(file);
      const rowId = target().org.create("solution", {
        uniquename: `${uniqueName}_Upgrade`,
        friendlyname: `${uniqueName} (upgrade)`,
        version,
        ismanaged: managed,
      }).id;
      holding.set(uniqueName.toLowerCase(), { rowId, file });
      failure = null;
    } else {
      failure = await importOnEmulator(file, authorization);
    }
    job.progress = 100;
    Object.assign(job, { statecode: 3, statuscode: failure === null ? 30 : 31, message: failure });
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? "/", "http://front");
    const body = await bodyOf(request);
    requests.push(`${request.method ?? "GET"} ${url.pathname}`);
    const authorization = request.headers.authorization ?? "";
    const path = url.pathname;
    if (request.method === "POST" && path === `${API}/ImportSolutionAsync` && authorization !== "") {
      const parameters = JSON.parse(body.toString("utf8")) as Record<string, unknown>;
      const rest = Object.entries(parameters).filter(([name]) => name !== "CustomizationFile");
      calls.push({ action: "ImportSolutionAsync", parameters: Object.fromEntries(rest) });
      const job: SystemJob = { statecode: 0, statuscode: 0, progress: 0, message: null };
      const id = randomUUID();
      jobs.set(id, job);
      void runImport(job, parameters, authorization);
      reply(response, 200, { AsyncOperationId: id, ImportJobKey: id });
      return;
    }
    const jobMatch = /^\/api\/data\/v9\.2\/(asyncoperations|importjobs)\(([0-9a-f-]{36})\)$/.exec(path);
    const job = jobMatch?.[2] === undefined ? undefined : jobs.get(jobMatch[2]);
    if (request.method === "GET" && job !== undefined && authorization !== "") {
      reply(response, 200, jobMatch?.[1] === "importjobs" ? { progress: job.progress } : { ...job });
      return;
    }
    if (request.method === "POST" && path === `${API}/DeleteAndPromote` && authorization !== "") {
      const { UniqueName: uniqueName } = JSON.parse(body.toString("utf8")) as { UniqueName: string };
      calls.push({ action: "DeleteAndPromote", parameters: { UniqueName: uniqueName } });
      const pending = holding.get(uniqueName.toLowerCase());
      if (pending === undefined) {
        reply(response, 400, { error: { code: "0x80048033", message: `${uniqueName} has no holding solution.` } });
        return;
      }
      const failure = await importOnEmulator(pending.file, authorization);
      if (failure !== null) {
        reply(response, 400, { error: { code: "0x80048033", message: failure } });
        return;
      }
      target().org.delete("solution", pending.rowId);
      holding.delete(uniqueName.toLowerCase());
      reply(response, 200, { SolutionId: randomUUID() });
      return;
    }
    await passThrough(request, body, url, response);
  };

  const passThrough = async (request: IncomingMessage, body: Buffer, url: URL, response: ServerResponse) => {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (value === undefined || name === "host" || name === "content-length" || name === "connection") continue;
      headers[name] = Array.isArray(value) ? value.join(", ") : value;
    }
    const answer = await fetch(`${target().url}${url.pathname}${url.search}`, {
      method: request.method ?? "GET",
      headers,
      ...(body.length === 0 ? {} : { body: new Uint8Array(body) }),
    });
    const out: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      if (name !== "content-length" && name !== "transfer-encoding" && name !== "content-encoding") out[name] = value;
    });
    response.writeHead(answer.status, out);
    response.end(Buffer.from(await answer.arrayBuffer()));
  };

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      reply(response, 500, { error: { code: "0x80040216", message: String(error) } });
    });
  });
  // Longer than a test's pause between deploys, so fetch never reuses a connection the front is just closing.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (typeof address !== "object" || address === null) throw new Error("the front has no port");
  return Object.assign(front, { url: `http://127.0.0.1:${address.port}` });
}
