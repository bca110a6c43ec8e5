/**
 * The two-way latency of the loop, one change at a time (so each number is the pipeline, not a queue backlog):
 * a seller's save until the referral exists or changes in Partner Center, and Microsoft's change until the
 * opportunity shows it; with the Partner Center calls each kind of change costs, echoes and no-ops included.
 */
import type { BridgeStack } from "../../test/support/bridgeStack";
import { summarize, type LatencySummary } from "../lib/stats";
import {
  dataverseChange,
  referralCreatedFor,
  referralDealValueChange,
  Seller,
  SHARE_WITH_MICROSOFT,
  sleep,
  syncFailed,
} from "./stackDriver";

/** Counts Partner Center Referrals API calls (the service's clients report every call). */
export interface CallCounter {
  partnerCenterCalls: number;
}

export interface LatencyResults {
  readonly createToPartnerCenter: LatencySummary;
  readonly updateToPartnerCenter: LatencySummary;
  readonly updateToDataverse: LatencySummary;
  /** Opportunities the service refused as invalid for Partner Center (left out of the samples). */
  readonly invalid: number;
  readonly callsPerCreate: number;
  readonly callsPerUpdate: number;
  readonly callsPerNoOp: number;
  readonly callsPerEchoWindow: number;
  readonly callsPerMicrosoftChange: number;
}

const TIMEOUT_MS = 15_000;

async function within<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`no ${what} within ${TIMEOUT_MS} ms`));
    }, TIMEOUT_MS);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Waits until the queue has nothing waiting or running, then a little longer for late webhooks. */
async function settle(stack: BridgeStack): Promise<void> {
  for (;;) {
    const depth = await stack.service.queue.depth();
    if (depth.queued + depth.running + depth.retrying === 0) break;
    await sleep(20);
  }
  await sleep(300);
}

async function measure(counter: CallCounter, action: () => Promise<void>): Promise<number> {
  const before = counter.partnerCenterCalls;
  await action();
  return counter.partnerCenterCalls - before;
}

export async function measureLatency(stack: BridgeStack, counter: CallCounter, count: number): Promise<LatencyResults> {
  const seller = await Seller.signIn(stack);
  const ids = await seller.openOpportunities(count);
  const referralIds = new Map<string, string>();
  const create: number[] = [];
  const update: number[] = [];
  const toDataverse: number[] = [];

  const synced: string[] = [];
  const invalid: string[] = [];
  const createCalls = await measure(counter, async () => {
    for (const id of ids) {
      const visible = referralCreatedFor(stack, id);
      const refused = syncFailed(stack, id);
      const savedAt = performance.now();
      await seller.save(id, SHARE_WITH_MICROSOFT);
      const outcome = await within(Promise.race([visible, refused]), `referral for ${id}`);
      // Demo data includes opportunities Partner Center would refuse (no country, say): they are not samples.
      if (typeof outcome === "string") invalid.push(id);
      else {
        create.push(outcome - savedAt);
        synced.push(id);
      }
    }
    await settle(stack);
  });
  for (const referral of await stack.partnerCenter.admin.referrals()) {
    if (referral.externalReferenceId) referralIds.set(referral.externalReferenceId.toLowerCase(), referral.id);
  }

  const updateCalls = await measure(counter, async () => {
    for (const [index, id] of synced.entries()) {
      const value = 200_000 + index;
      const referralId = referralIds.get(id) ?? "";
      const changed = referralDealValueChange(stack, referralId, value);
      const savedAt = performance.now();
      await seller.save(id, { estimatedvalue: value });
      update.push((await within(changed, `deal value of ${referralId}`)) - savedAt);
    }
    await settle(stack);
  });

  const noOpCalls = await measure(counter, async () => {
    for (const [index, id] of synced.entries()) await seller.save(id, { estimatedvalue: 200_000 + index });
    await settle(stack);
  });
  const echoWindowCalls = await measure(counter, () => sleep(2_000));

  const microsoftCalls = await measure(counter, async () => {
    for (const [index, id] of synced.entries()) {
      const referralId = referralIds.get(id) ?? "";
      const shown = dataverseChange(stack, id, "estimatedvalue");
      const changedAt = performance.now();
      stack.partnerCenter.state.microsoft.updateDeal(referralId, { dealValue: 300_000 + index });
      toDataverse.push((await within(shown, `estimated value of ${id}`)) - changedAt);
    }
    await settle(stack);
  });

  return {
    createToPartnerCenter: summarize(create),
    updateToPartnerCenter: summarize(update),
    updateToDataverse: summarize(toDataverse),
    invalid: invalid.length,
    callsPerCreate: createCalls / synced.length,
    callsPerUpdate: updateCalls / synced.length,
    callsPerNoOp: noOpCalls / synced.length,
    callsPerEchoWindow: echoWindowCalls,
    callsPerMicrosoftChange: microsoftCalls / synced.length,
  };
}
