/**
 * Both emulators, each in a child process of its own (emulatorChild.ts), and the environment that points the service
 * at them: what the intake and backfill benchmarks run against, so that the emulators' CPU is not charged to the
 * service (in production Dataverse and Partner Center are remote systems).
 */
import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { DEFAULT_REFERRALS_ADMIN } from "../../emulators/partner-center";
import { PartnerCenterAdminClient } from "../../emulators/partner-center/adminClient";
import type { DataverseEmulatorOptions } from "../../emulators/dataverse/options";
import {
  STACK_PC_CLIENT_ID,
  STACK_PC_CLIENT_SECRET,
  STACK_PC_REFRESH_TOKEN,
  type StackStorage,
} from "../../test/support/bridgeStack";
import type { CallMessage, ChildAnswer, EmulatorKind, StartMessage } from "./emulatorChild";
import type { SyncedRows } from "./organizationRows";

const CHILD = fileURLToPath(new URL("./emulatorChild.ts", import.meta.url));

export interface EmulatorProcess {
  readonly url: string;
  readonly tenantId: string;
  call(method: CallMessage["method"], argument?: number): Promise<unknown>;
  stop(): Promise<void>;
}

export async function startEmulatorProcess(
  kind: EmulatorKind,
  options: Record<string, unknown>,
): Promise<EmulatorProcess> {
  const child: ChildProcess = fork(CHILD, [], { execArgv: ["--import", "tsx"], stdio: "inherit" });
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  const started = new Promise<{ url: string; tenantId: string }>((resolve, reject) => {
    child.on("message", (message: ChildAnswer) => {
      if (message.type === "started") {
        resolve(message);
        return;
      }
      if (message.id === null) {
        reject(new Error(message.type === "failed" ? message.message : "an answer without a call"));
        return;
      }
      const waiter = pending.get(message.id);
      pending.delete(message.id);
      if (message.type === "answer") waiter?.resolve(message.value);
      else waiter?.reject(new Error(message.message));
    });
    child.once("exit", (code) => {
      const error = new Error(`the ${kind} emulator process exited (${String(code)})`);
      reject(error);
      for (const waiter of pending.values()) waiter.reject(error);
      pending.clear();
    });
  });
  child.send({ type: "start", kind, options } satisfies StartMessage);
  const { url, tenantId } = await started;
  const call = (method: CallMessage["method"], argument?: number) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      child.send({ type: "call", id, method, ...(argument === undefined ? {} : { argument }) } satisfies CallMessage);
    });
  let stopping: Promise<void> | null = null;
  return {
    url,
    tenantId,
    call,
    stop: () => {
      stopping ??= (async () => {
        if (child.exitCode !== null) return;
        const exited = new Promise((resolve) => child.once("exit", resolve));
        await call("close").catch(() => child.kill("SIGKILL"));
        await exited;
      })();
      return stopping;
    },
  };
}

export interface BenchEmulators {
  readonly dataverse: EmulatorProcess;
  readonly partnerCenter: EmulatorProcess;
  readonly partnerCenterAdmin: PartnerCenterAdminClient;
  optIn(limit: number): Promise<number>;
  syncedRows(): Promise<SyncedRows>;
  /** CPU time each emulator process has used so far. */
  cpuMs(): Promise<{ readonly dataverse: number; readonly partnerCenter: number }>;
  stop(): Promise<void>;
}

/** Both emulators as startBridgeStack configures them (same clients and refresh token), in child processes. */
export async function startBenchEmulators(
  name: string,
  dataverseOptions: DataverseEmulatorOptions & Record<string, unknown>,
): Promise<BenchEmulators> {
  const [dataverse, partnerCenter] = await Promise.all([
    startEmulatorProcess("dataverse", { idsSeed: name, ...dataverseOptions }),
    startEmulatorProcess("partnerCenter", {
      idsSeed: name,
      clients: [{ clientId: STACK_PC_CLIENT_ID, clientSecret: STACK_PC_CLIENT_SECRET, kind: "application" }],
      refreshTokens: [{ token: STACK_PC_REFRESH_TOKEN, clientId: STACK_PC_CLIENT_ID, user: DEFAULT_REFERRALS_ADMIN }],
    }),
  ]);
  return {
    dataverse,
    partnerCenter,
    partnerCenterAdmin: new PartnerCenterAdminClient(partnerCenter.url),
    optIn: async (limit) => Number(await dataverse.call("optIn", limit)),
    syncedRows: async () => (await dataverse.call("syncedRows")) as SyncedRows,
    cpuMs: async () => {
      const [dataverseMs, partnerCenterMs] = await Promise.all([dataverse.call("cpuMs"), partnerCenter.call("cpuMs")]);
      return { dataverse: Number(dataverseMs), partnerCenter: Number(partnerCenterMs) };
    },
    stop: async () => {
      await Promise.all([dataverse.stop(), partnerCenter.stop()]);
    },
  };
}

export type { StackStorage };
