/**
 * Creating the referral of an opportunity, exactly once. Its externalReferenceId is the opportunity id (core's
 * toReferralCreate), and the link records a create intent before the POST. A first attempt creates directly (one
 * Partner Center call); an attempt that finds an intent (a retry after a crash or a timeout, when the POST may have
 * gone through) first looks the referral up by externalReferenceId and adopts it.
 */
import {
  SyncStatus,
  dealTypeLabels,
  dealTypeOf,
  flowsToDataverse,
  readOpportunity,
  readReferral,
  toReferralCreate,
  type FieldMapping,
} from "../../core";
import type { EngineCore } from "./engineCore";
import { agreedFields, emptyLink, linkAfterReferral } from "./linkState";
import { applyPair } from "./pairWrite";
import type { OpportunityReading, SyncLink } from "./ports";
import type { FailureSite, JobOutcome } from "./runJob";
import type { SyncScope } from "./scope";
import { describeProblems, problemsForCreate } from "./validation";
import { whatToDoCatalogue } from "./errors/catalogue";
import { writeBackTo } from "./writeBack";

export interface CreateInput {
  readonly reading: OpportunityReading;
  readonly mapping: FieldMapping;
  readonly link: SyncLink | null;
}

export async function createReferral(
  core: EngineCore,
  scope: SyncScope,
  site: FailureSite,
  input: CreateInput,
): Promise<JobOutcome> {
  const { reading, mapping, link } = input;
  if (link?.createIntentAt !== null && link?.createIntentAt !== undefined) {
    const found = await scope.partnerCenter.findReferralByExternalReferenceId(reading.id);
    if (found !== null) {
      return applyPair(core, scope, site, {
        ...input,
        referral: found,
        confirmed: true,
        direction: "toPartnerCenter",
        prefix: `Found referral ${found.value.id}, created by an earlier attempt.`,
        outcome: "created",
      });
    }
  }

  const problems = problemsForCreate(reading.snapshot, mapping, scope.now);
  if (problems.length > 0) {
    const text = describeProblems(problems);
    const { whatToDo } = whatToDoCatalogue.opportunityInvalid;
    const writeBack = { direction: "toPartnerCenter", status: SyncStatus.Error, text, whatToDo } as const;
    await writeBackTo(scope, reading, writeBack, core.writeBackContext(scope));
    return { outcome: "invalid", summary: text };
  }

  await core.store.saveLink({ ...(link ?? emptyLink(reading.id)), createIntentAt: scope.nowIso });
  const created = await scope.partnerCenter.createReferral(toReferralCreate(reading.snapshot, mapping));
  const referralId = created.value.id;
  site.referralId = referralId;
  const dataverse = readOpportunity(reading.snapshot, mapping);
  const partnerCenter = readReferral(created.value, mapping);
  // Saved before anything else, so that a retry finds the referral through the link, not by searching.
  const base = agreedFields(null, dataverse, partnerCenter, mapping);
  await core.store.saveLink(linkAfterReferral(reading.id, link, created, base, scope.nowIso));

  const crmId = mapping.microsoftCrmId;
  const values =
    flowsToDataverse(crmId) && partnerCenter.microsoftCrmId !== null
      ? { [crmId.column]: partnerCenter.microsoftCrmId }
      : {};
  const dealType = dealTypeLabels[dealTypeOf(dataverse.helpRequested, dataverse.sharedWithMicrosoft)];
  const text = `Created referral ${referralId} in Partner Center (${dealType}).`;
  await writeBackTo(
    scope,
    reading,
    { direction: "toPartnerCenter", status: SyncStatus.Synced, text, referralId, synced: true, values },
    core.writeBackContext(scope),
  );
  return { outcome: "created", summary: text, referralId };
}
