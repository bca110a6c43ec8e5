/**
 * Backfill throughput: an organization with many opportunities marked Sync with Partner Center = Yes (written into
 * the emulator directly, so no webhook fires), then `cosell-bridge backfill --push` run in this process exactly as
 * the command line runs it, timed from start to summary, and checked: one referral per opportunity.
 */
import type { CliIo } from "../../server/cli/command";
import { runCli } from "../../server/cli/main";
import type { BridgeStack } from "../../test/support/bridgeStack";
import { SHARE_WITH_MICROSOFT } from "./stackDriver";

export interface BackfillResults {
  readonly opportunities: number;
  readonly seconds: number;
  readonly perSecond: number;
  readonly referralsCreated: number;
  readonly exitCode: number;
  readonly summary: readonly string[];
}

function benchIo(env: Readonly<Record<string, string>>): CliIo & { readonly lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    out: (line) => lines.push(line),
    err: (line) => process.stderr.write(`  ${line}\n`),
    status: () => undefined,
    isTerminal: false,
    env,
    cwd: process.cwd(),
    stopRequested: new Promise<void>(() => undefined),
  };
}

/** Marks up to `limit` open opportunities as shared with Microsoft; returns how many. */
export function optInOpenOpportunities(stack: BridgeStack, limit: number): number {
  const org = stack.dataverse.org;
  const query = { select: ["opportunityid"], filter: "statecode eq 0", maxPageSize: 5000 } as const;
  let marked = 0;
  let page = org.retrieveMultiple("opportunity", query);
  for (;;) {
    for (const row of page.value) {
      if (marked >= limit) return marked;
      org.update("opportunity", String(row.opportunityid), SHARE_WITH_MICROSOFT);
      marked += 1;
    }
    if (page.skipToken === null) return marked;
    page = org.retrieveMultiple("opportunity", { ...query, skipToken: page.skipToken });
  }
}

export async function measureBackfill(stack: BridgeStack, opportunities: number, concurrency: number) {
  await stack.service.stop(); // the embedded database has one owner: the command opens it itself
  const io = benchIo({ ...stack.env, LOG_LEVEL: "silent" });
  const startedAt = performance.now();
  const exitCode = await runCli(["backfill", "--push", "--concurrency", String(concurrency)], io);
  const seconds = (performance.now() - startedAt) / 1000;
  const referrals = await stack.partnerCenter.admin.referrals();
  const referralsCreated = new Set(referrals.map((referral) => referral.externalReferenceId)).size;
  return {
    opportunities,
    seconds,
    perSecond: opportunities / seconds,
    referralsCreated,
    exitCode,
    summary: io.lines,
  } satisfies BackfillResults;
}
