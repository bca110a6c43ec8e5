/**
 * What the tests look at: both emulators' state read in-process (no request, no fault, no throttle), their request
 * logs, and the service's GET /metrics.
 */
import type { Referral } from "../../../../core";
import { eventually, type BridgeStack } from "../../../support/bridgeStack";

/** Every referral Partner Center holds, both sides of every engagement. */
export function allReferrals(stack: BridgeStack): Referral[] {
  return stack.partnerCenter.state.toSnapshot().referrals;
}

/** Every referral of this Partner Center whose externalReferenceId is the opportunity id. */
export function referralsOf(stack: BridgeStack, opportunityId: string): Referral[] {
  return allReferrals(stack).filter(
    (referral) => referral.externalReferenceId?.toLowerCase() === opportunityId.toLowerCase(),
  );
}

/** The one referral of the opportunity, once it exists. */
export function referralOf(stack: BridgeStack, opportunityId: string, timeoutMs = 10_000): Promise<Referral> {
  return eventually(
    `the referral of opportunity ${opportunityId}`,
    () => referralsOf(stack, opportunityId)[0],
    timeoutMs,
  );
}

/** A referral by id, as Partner Center holds it now. */
export function referralById(stack: BridgeStack, referralId: string): Referral {
  return stack.partnerCenter.state.referrals.get(referralId);
}

/** The opportunity row as Dataverse holds it now (read in-process: no request, no fault, no throttle). */
export function opportunityRow(stack: BridgeStack, opportunityId: string): Record<string, unknown> {
  return stack.dataverse.org.retrieve("opportunity", opportunityId);
}

/** The newest-first lines of csb_audit. */
export function auditLines(row: Record<string, unknown>): string[] {
  const audit = row.csb_audit;
  return typeof audit === "string" ? audit.split("\n").filter((line) => line.trim() !== "") : [];
}

/** Referrals API calls Partner Center served (token and admin calls excluded), optionally of one method. */
export function referralCalls(stack: BridgeStack, method?: string) {
  return stack.partnerCenter.log
    .entries()
    .filter((entry) => entry.path.startsWith("/v1.0/engagements/referrals"))
    .filter((entry) => method === undefined || entry.method === method);
}

/** Unbound Dataverse actions called so far, e.g. "WinOpportunity" (by the service or the seller). */
export function actionCalls(stack: BridgeStack, action: string): number {
  return stack.dataverse.log.entries().filter((entry) => entry.method === "POST" && entry.path.endsWith(`/${action}`))
    .length;
}

/** The sum of a metric's samples on a service's GET /metrics (the stack's, or one at `url`), over the samples whose labels include `labels`. */
export async function metricValue(
  service: BridgeStack | { readonly url: string },
  name: string,
  labels: Readonly<Record<string, string>> = {},
): Promise<number> {
  const url = "service" in service ? (service.service.url ?? "") : service.url;
  const text = await (await fetch(`${url}/metrics`)).text();
  let sum = 0;
  for (const line of text.split("\n")) {
    const match = /^([a-z_]+)(\{[^}]*\})? ([0-9.eE+-]+)$/.exec(line);
    if (match?.[1] !== name) continue;
    const sampleLabels = match[2] ?? "";
    if (Object.entries(labels).every(([key, value]) => sampleLabels.includes(`${key}="${value}"`))) {
      sum += Number(match[3]);
    }
  }
  return sum;
}

/** Jobs stored by the webhooks so far (new and folded into a waiting one), from GET /metrics. */
export async function jobsStored(stack: BridgeStack): Promise<number> {
  return (
    (await metricValue(stack, "cosell_jobs_enqueued_total")) + (await metricValue(stack, "cosell_jobs_coalesced_total"))
  );
}
