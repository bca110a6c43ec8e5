/**
 * The end-to-end tests' loop: test/support/bridgeStack's stack (both emulators on real clocks, the service in this
 * process, webhooks registered) on a small seed, with every webhook call both emulators make captured (URL, headers,
 * exact body bytes) so tests can replay or tamper with real deliveries, and a seller signed in to Dynamics.
 */
import type { Referral } from "../../../../core";
import {
  eventually,
  startBridgeStack,
  type BridgeStack,
  type StackOptions,
  type StackStorage,
} from "../../../support/bridgeStack";
import { referralOf, referralsOf } from "./observe";
import { preparedPgliteFolder } from "./pgliteTemplate";
import { Seller, type Customer } from "./seller";
import { capturingFetch, type WebhookCapture } from "./webhooks";

export const STORAGES: readonly StackStorage[] = ["pglite", "postgres"];

export interface E2eStack extends BridgeStack {
  readonly seller: Seller;
  readonly captured: WebhookCapture;
  /** Solution ids from the Partner Center emulator's catalogue. */
  readonly products: readonly string[];
}

export interface E2eStackOptions extends Omit<StackOptions, "storage" | "name"> {
  /** Partner Center webhook retries (default: 5 attempts, 50 ms apart, so a test never waits long for them). */
  readonly deliveryAttempts?: number;
}

/** A stack named `name`-`storage` (its PostgreSQL schema is dropped at stop). */
export async function startE2eStack(
  storage: StackStorage,
  name: string,
  options: E2eStackOptions = {},
): Promise<E2eStack> {
  const captured: WebhookCapture = { dataverse: [], partnerCenter: [] };
  const stack = await startBridgeStack({
    ...(storage === "pglite" ? { dataDir: await preparedPgliteFolder() } : {}),
    ...options,
    storage,
    name: `${name}_${storage === "pglite" ? "pgl" : "pg"}`,
    dataverse: {
      seed: { opportunities: 0 },
      ...options.dataverse,
      webhooks: { fetch: capturingFetch(captured.dataverse), ...options.dataverse?.webhooks },
    },
    partnerCenter: {
      expirySweepIntervalMs: 0,
      ...options.partnerCenter,
      webhooks: {
        ...options.partnerCenter?.webhooks,
        dispatcher: {
          maxAttempts: options.deliveryAttempts ?? 5,
          backoff: { baseDelayMs: 50, factor: 1, maxDelayMs: 50 },
          fetch: capturingFetch(captured.partnerCenter),
          ...options.partnerCenter?.webhooks?.dispatcher,
        },
      },
    },
  });
  try {
    const seller = await Seller.signIn(stack.dataverse);
    const products = (await stack.partnerCenter.admin.solutions()).map((solution) => solution.id);
    return Object.assign(stack, { seller, captured, products });
  } catch (error) {
    await stack.stop();
    throw error;
  }
}

/**
 * Waits until both emulators have nothing in flight and the queue has nothing queued, running or retrying, twice in a
 * row: the loop has come to rest.
 */
export async function settle(stack: BridgeStack, timeoutMs = 15_000): Promise<void> {
  let quietRounds = 0;
  await eventually(
    "the loop to come to rest",
    async () => {
      await stack.dataverse.idle();
      await stack.partnerCenter.admin.waitForDeliveries(timeoutMs);
      const depth = await stack.service.queue.depth();
      const busy = depth.queued + depth.running + depth.retrying;
      quietRounds = busy === 0 ? quietRounds + 1 : 0;
      return quietRounds >= 2;
    },
    timeoutMs,
  );
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** What {@link shareOpportunity} made: a synced opportunity, its customer and its referral. */
export interface SharedDeal {
  readonly opportunityId: string;
  readonly customer: Customer;
  readonly referral: Referral;
}

/**
 * The seller creates an opportunity and turns on sync with help, a product and visible to Microsoft sellers; resolves
 * once its referral exists and the loop has come to rest.
 */
export async function shareOpportunity(stack: E2eStack, name: string, dealValue = 120_000): Promise<SharedDeal> {
  const customer = await stack.seller.createCustomer();
  const opportunityId = await stack.seller.createOpportunity(customer, { name, dealValue });
  await stack.seller.turnOnSync(opportunityId, {
    help: ["GeneralOrOther"],
    products: [stack.products[0] ?? ""],
    share: true,
  });
  await referralOf(stack, opportunityId);
  await settle(stack);
  const [referral] = referralsOf(stack, opportunityId);
  if (referral === undefined) throw new Error(`no referral for ${opportunityId}`);
  return { opportunityId, customer, referral };
}
