import { afterEach } from "vitest";
import {
  createPipeline,
  type PipelineOptions,
  type RunningServer,
  type ServerOptions,
  startServer,
} from "../../../emulators/http";

/**
 * Starts pipelines on ephemeral ports and closes every one of them after each test of the calling file, so a
 * failing assertion never leaves a server listening.
 */
export function useServers(): (options: PipelineOptions, serverOptions?: ServerOptions) => Promise<RunningServer> {
  const running: RunningServer[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((server) => server.close()));
  });
  return async (options, serverOptions) => {
    const server = await startServer(createPipeline(options), serverOptions);
    running.push(server);
    return server;
  };
}

/** Fetches and parses a JSON response, keeping the status and headers for assertions. */
export async function fetchJson(
  url: string,
  init?: RequestInit,
): Promise<{ status: number; headers: Headers; body: unknown }> {
  const response = await fetch(url, init);
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === "" ? undefined : JSON.parse(text) };
}
