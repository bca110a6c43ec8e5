/**
 * The real Partner Center gateway with a window on it: every PATCH body the engine sends is kept, so a test can
 * check the exact JSON Patch (the emulator's request log keeps methods, paths and statuses, not bodies).
 */
import type { JsonPatchOperation } from "../../../core";
import type { PartnerCenterGateway } from "../../../server/sync/ports";

export interface PatchRecord {
  readonly referralId: string;
  readonly operations: readonly JsonPatchOperation[];
  readonly etag: string;
}

export function recordingPartnerCenter(gateway: PartnerCenterGateway, patches: PatchRecord[]): PartnerCenterGateway {
  return {
    getReferral: (id) => gateway.getReferral(id),
    findReferralByExternalReferenceId: (id) => gateway.findReferralByExternalReferenceId(id),
    createReferral: (body) => gateway.createReferral(body),
    patchReferral: (id, operations, etag) => {
      patches.push({ referralId: id, operations: structuredClone([...operations]), etag });
      return gateway.patchReferral(id, operations, etag);
    },
    listReferralsUpdatedSince: (since) => gateway.listReferralsUpdatedSince(since),
    listSolutions: () => gateway.listSolutions(),
    ping: () => gateway.ping(),
  };
}
