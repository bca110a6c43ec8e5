/**
 * Step 4, the smoke test: proof that this environment and its service work together. An opportunity that must sync
 * (Sync = Yes, valid fields, not shared with Microsoft, no help asked) is created as the deploy identity; the
 * service must write csb_syncstatus = Synced and a referral id within the timeout. Then it is cleaned up:
 *
 * - the opportunity is closed as Lost, and deploy waits until the service has closed the referral as Lost in
 *   Partner Center (Partner Center has no test tenant and referrals can't be deleted, so a closed, private referral
 *   named "Co-sell Bridge smoke test ..." is what stays there);
 * - then the opportunity, its contact and its account are deleted.
 *
 * When the close can't be confirmed, nothing is deleted and the message names the referral: the next deploy starts by
 * cleaning up what earlier runs left, and the admin can close the referral by hand. No open referral is left silently.
 */
import { SyncStatus, environmentVariables } from "../../core";
import type { CliIo } from "../cli/command";
import { readEnvironmentVariables } from "../clients/dataverse/environmentVariables";
import type { DataverseWebApi } from "../clients/dataverse/webApi";
import { literal } from "../clients/http/odata";
import { DeployError } from "./deployError";
import type { DeployProfile } from "./profile";
import { auditLinesOf, parseAuditLine } from "../sync/audit";
import { requireReadyService } from "./serviceProbe";
import {
  SMOKE_TEST_PREFIX,
  createSmokeOpportunity,
  deleteSmokeRecords,
  leftoverOpportunities,
  loseOpportunity,
  readSmokeState,
  type SmokeState,
} from "./smokeRecords";
import { newestAuditLine, waitForService, type WaitSettings } from "./smokeWait";
import { elapsedText } from "./waitProgress";

export async function runSmokeTest(
  api: DataverseWebApi,
  profile: DeployProfile,
  io: CliIo,
  pollIntervalMs: number,
): Promise<string> {
  const wait: WaitSettings = { io, pollIntervalMs, timeoutMs: profile.smokeTest.timeoutSeconds * 1000 };
  await requireReadyService(profile.service.url);
  const variables = await readEnvironmentVariables(api);
  const value = (variable: { schemaName: string; defaultValue: string }) =>
    (variables[variable.schemaName] ?? "").trim() || variable.defaultValue;
  if (value(environmentVariables.syncCoSellOnly).toLowerCase() === "yes") {
    throw new DeployError(
      "smokeTestNotSyncable",
      "csb_SyncCoSellOnly is yes here, so only opportunities that ask Microsoft for help sync, and the smoke test " +
        "never asks Microsoft for help (its referral must stay private).",
      {
        whatToDo:
          'Deploy with "csb_SyncCoSellOnly": "no" in the profile, or run with --skip-smoke-test (production then ' +
          "won't take this version from this environment).",
      },
    );
  }
  const currencyId = await currencyOf(api, profile.smokeTest.currency);
  const warnings = await cleanUpLeftovers(api, io, wait);

  const started = Date.now();
  const name = `${SMOKE_TEST_PREFIX} ${new Date().toISOString().slice(0, 19).replace("T", " ")}`;
  const records = await createSmokeOpportunity(api, {
    name,
    currencyId,
    country: profile.smokeTest.country,
    postalCode: profile.smokeTest.postalCode,
    countryColumn: value(environmentVariables.countryField),
    dealValueColumn: value(environmentVariables.dealValueField),
  });
  io.err(`  created the opportunity '${name}' (${records.opportunityId})`);
  let synced: SmokeState;
  try {
    synced = await waitForService(api, records.opportunityId, "the referral", isSyncedWithReferral, wait);
  } catch (error) {
    // Without a referral the records can go; with one (or while the service may still create one) they stay.
    const state = await readSmokeState(api, records.opportunityId);
    if (error instanceof DeployError && error.code === "smokeTestFailed" && state?.referralId === null) {
      await deleteSmokeRecords(api, { ...records });
    } else {
      io.err(`  left '${name}' in place: the next deploy closes and deletes it`);
    }
    throw error;
  }
  const referralId = synced.referralId ?? "";
  io.err(`  synced to referral ${referralId} in ${elapsedText(Date.now() - started)}`);
  await closeReferral(api, records.opportunityId, synced, wait, name);
  await deleteSmokeRecords(api, { ...records });
  io.err("  deleted the test opportunity, contact and account");
  const left = warnings.length === 0 ? "" : `; ⚠ ${warnings.length} earlier test(s) left in place, see above`;
  return `opportunity synced to referral ${referralId} in ${elapsedText(Date.now() - started)}; referral closed as Lost, records deleted${left}`;
}

function isSyncedWithReferral(state: SmokeState): boolean {
  return state.syncStatus === SyncStatus.Synced && state.referralId !== null;
}

async function currencyOf(api: DataverseWebApi, isoCode: string): Promise<string> {
  const row = await api.first("transactioncurrencies", {
    $select: "transactioncurrencyid",
    $filter: `isocurrencycode eq ${literal(isoCode)}`,
  });
  const id = row?.transactioncurrencyid;
  if (typeof id === "string") return id;
  throw new DeployError(
    "smokeTestNotSyncable",
    `The environment has no currency with the code ${isoCode}, which the smoke test's opportunity needs.`,
    { whatToDo: "Set smokeTest.currency in the profile to a currency the environment has (e.g. its base currency)." },
  );
}

/** Closes the opportunity as Lost and waits for the service's next line: the referral closed as Lost. */
async function closeReferral(
  api: DataverseWebApi,
  opportunityId: string,
  before: SmokeState,
  wait: WaitSettings,
  name: string,
): Promise<void> {
  const lineBefore = newestAuditLine(before);
  await loseOpportunity(api, opportunityId);
  try {
    await waitForService(
      api,
      opportunityId,
      "the referral to close",
      (state) => state.syncStatus === SyncStatus.Synced && newestAuditLine(state) !== lineBefore,
      wait,
    );
  } catch (error) {
    if (!(error instanceof DeployError)) throw error;
    throw new DeployError(
      error.code,
      `${error.message} The referral ${before.referralId ?? "?"} may still be open in Partner Center; the opportunity ` +
        `'${name}' is left in place.`,
      {
        whatToDo:
          `Close referral ${before.referralId ?? "?"} as Lost in Partner Center if it is still open, or run deploy ` +
          "again once the service works (it closes and deletes the left-over test first).",
      },
    );
  }
}

/**
 * Test records an interrupted run left. Without a referral they simply go; an open one is closed through the service
 * first. A closed one goes only when the service confirmed closing its referral: Synced, with a newer line than the
 * create's that is not an error. Otherwise it stays, named in a warning, since deleting it would hide an open referral.
 * @returns the warnings, one per record left in place.
 */
async function cleanUpLeftovers(api: DataverseWebApi, io: CliIo, wait: WaitSettings): Promise<string[]> {
  const warnings: string[] = [];
  for (const row of await leftoverOpportunities(api)) {
    const opportunityId = String(row.opportunityid);
    const name = String(row.name);
    const state = await readSmokeState(api, opportunityId);
    if (state === null) continue;
    if (state.open && state.referralId !== null) {
      io.err(`  closing the left-over '${name}' (referral ${state.referralId})`);
      await closeReferral(api, opportunityId, state, wait, name);
    } else if (state.referralId !== null && !closeConfirmed(state)) {
      const warning =
        `the left-over '${name}' is closed in Dynamics, but the service has not confirmed closing referral ` +
        `${state.referralId} in Partner Center. Retry the service's failed jobs (\`cosell-bridge retry --all\`) or ` +
        "close the referral as Lost in Partner Center, then run deploy again (or delete the opportunity).";
      io.err(`  ⚠ ${warning}`);
      warnings.push(warning);
      continue;
    }
    const id = (value: unknown) => (typeof value === "string" ? value : null);
    await deleteSmokeRecords(api, {
      opportunityId,
      accountId: id(row._parentaccountid_value),
      contactId: id(row._parentcontactid_value),
    });
    io.err(`  deleted the left-over '${name}'`);
  }
  return warnings;
}

function closeConfirmed(state: SmokeState): boolean {
  const lines = auditLinesOf(state.audit);
  const newest = lines[0];
  return (
    state.syncStatus === SyncStatus.Synced &&
    lines.length >= 2 &&
    newest !== undefined &&
    parseAuditLine(newest).whatToDo === null
  );
}
