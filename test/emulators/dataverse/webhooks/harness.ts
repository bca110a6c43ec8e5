/**
 * A WebhookCaller wired to a real receiver, a manual clock, seeded ids and an in-memory system job list.
 */
import { afterEach } from "vitest";
import { ManualClock } from "../../../../emulators/shared/clock";
import { seededIds } from "../../../../emulators/shared/ids";
import {
  WebhookCaller,
  type AsyncOperationRecord,
  type ServiceEndpointRegistration,
  type WebhookCallerOptions,
} from "../../../../emulators/dataverse/webhooks";
import { endpoint } from "./fixtures";
import { startReceiver, type Receiver } from "./receiver";

export interface Harness {
  readonly receiver: Receiver;
  readonly caller: WebhookCaller;
  readonly clock: ManualClock;
  /** What `onAsyncOperation` received. */
  readonly jobs: AsyncOperationRecord[];
  /** The fixture endpoint pointed at the receiver. */
  readonly endpoint: (changes?: Partial<ServiceEndpointRegistration>) => ServiceEndpointRegistration;
  close(): Promise<void>;
}

export async function startHarness(options: WebhookCallerOptions = {}): Promise<Harness> {
  const receiver = await startReceiver();
  const clock = new ManualClock("2026-01-01T10:00:05Z");
  const jobs: AsyncOperationRecord[] = [];
  const caller = new WebhookCaller({
    clock,
    ids: seededIds("dataverse-webhooks"),
    onAsyncOperation: (record) => jobs.push(record),
    ...options,
  });
  return {
    receiver,
    caller,
    clock,
    jobs,
    endpoint: (changes = {}) => endpoint({ url: receiver.url, ...changes }),
    close: async () => {
      await caller.close();
      await receiver.close();
    },
  };
}

/** The RFC 4122 text form every id the emulator sends must have. */
export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * A harness per test: returns a starter, and closes whatever it started after each test of the calling suite.
 * Call it inside a `describe`.
 */
export function harnessPerTest(): (options?: WebhookCallerOptions) => Promise<Harness> {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });
  return async (options = {}) => {
    harness = await startHarness(options);
    return harness;
  };
}
