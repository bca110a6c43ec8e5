/**
 * One emulator in a child process of the benchmark (started by emulatorProcess.ts). Dataverse and Partner Center are
 * remote systems in production: run in the benchmark's own process, their CPU would be charged to the service on a
 * 2-core machine. The parent sends one `start` message with the emulator's options (plain JSON), then calls the
 * methods below by name; every answer carries the id of its call.
 */
import { startDataverseEmulator, type DataverseEmulator } from "../../emulators/dataverse";
import { startPartnerCenterEmulator, type PartnerCenterEmulator } from "../../emulators/partner-center";
import { optInOpenOpportunities, syncedRows } from "./organizationRows";

export type EmulatorKind = "dataverse" | "partnerCenter";

export interface StartMessage {
  readonly type: "start";
  readonly kind: EmulatorKind;
  readonly options: Record<string, unknown>;
}

export interface CallMessage {
  readonly type: "call";
  readonly id: number;
  readonly method: "optIn" | "syncedRows" | "cpuMs" | "close";
  readonly argument?: number;
}

export type ChildAnswer =
  | { readonly type: "started"; readonly url: string; readonly tenantId: string }
  | { readonly type: "answer"; readonly id: number; readonly value: unknown }
  | { readonly type: "failed"; readonly id: number | null; readonly message: string };

let dataverse: DataverseEmulator | null = null;
let partnerCenter: PartnerCenterEmulator | null = null;

function answer(message: ChildAnswer): void {
  process.send?.(message);
}

async function start(message: StartMessage): Promise<void> {
  if (message.kind === "dataverse") {
    dataverse = await startDataverseEmulator(message.options);
    answer({ type: "started", url: dataverse.url, tenantId: dataverse.tenantId });
  } else {
    partnerCenter = await startPartnerCenterEmulator(message.options);
    answer({ type: "started", url: partnerCenter.url, tenantId: partnerCenter.tenantId });
  }
}

async function call(message: CallMessage): Promise<unknown> {
  switch (message.method) {
    case "optIn":
      if (dataverse === null) throw new Error("optIn needs the Dataverse emulator");
      return optInOpenOpportunities(dataverse.org, message.argument ?? 0);
    case "syncedRows":
      if (dataverse === null) throw new Error("syncedRows needs the Dataverse emulator");
      return syncedRows(dataverse.org);
    case "cpuMs": {
      // This process's CPU time so far, so the benchmark can say what the emulator cost.
      const { user, system } = process.cpuUsage();
      return (user + system) / 1000;
    }
    case "close":
      await Promise.all([dataverse?.close(), partnerCenter?.close()]);
      // Answered before exiting, so the parent knows the ports are free.
      setImmediate(() => process.exit(0));
      return null;
  }
}

process.on("message", (message: StartMessage | CallMessage) => {
  if (message.type === "start") {
    start(message).catch((error: unknown) => {
      answer({ type: "failed", id: null, message: String(error) });
    });
    return;
  }
  call(message).then(
    (value) => {
      answer({ type: "answer", id: message.id, value });
    },
    (error: unknown) => {
      answer({ type: "failed", id: message.id, message: String(error) });
    },
  );
});
// The parent went away (crashed or killed): nothing is left to serve.
process.on("disconnect", () => process.exit(0));
