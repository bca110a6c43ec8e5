/**
 * Turns field changes into the JSON Patch that updates a referral, and refuses the changes Partner Center would
 * refuse: anything on a closed referral, reopening, un-sharing, and status moves that break the allowed transitions.
 * The Referrals API supports only `replace` and `add` (shared/reference/partner-center.md §1.2).
 */
import type { FieldChange } from "../diff/diff";
import type { JsonPatchOperation, Referral } from "../referral/model";
import { checkTransition, isTerminal } from "../referral/transitions";
import { flowsToPartnerCenter, type DealFields, type FieldKind, type FieldMapping, type MappedField } from "./fields";
import { inviteContextOfHelpCodes } from "./helpCodes";
import { getAtPointer, hasPointer, type JsonObject, pointerOf, pointerTokens, setAtPointer } from "./jsonPointer";
import { referralStateOfOutcome } from "./outcome";
import { referralValueOf } from "./referralValues";
import type { SolutionCatalogEntry } from "./snapshot";
import { tagsOfSolutionIds } from "./solutionIds";

export interface RefusedChange {
  field: MappedField;
  reason: string;
}

export interface ReferralPatchPlan {
  operations: JsonPatchOperation[];
  refused: RefusedChange[];
}

export interface ReferralPatchOptions {
  now: Date;
  solutionCatalog?: readonly SolutionCatalogEntry[];
}

export function toReferralPatch(
  current: Referral,
  changes: readonly FieldChange[],
  mapping: FieldMapping,
  options: ReferralPatchOptions,
): ReferralPatchPlan {
  const plan: ReferralPatchPlan = { operations: [], refused: [] };
  const writer = new PatchWriter(current, plan.operations);
  const state = { status: current.status, substatus: current.substatus };

  for (const change of changes) {
    const entry = mapping[change.field];
    if (!flowsToPartnerCenter(entry)) continue;
    if (isTerminal(state)) {
      plan.refused.push({
        field: change.field,
        reason: `the referral is ${state.status}/${state.substatus}, and Partner Center allows no changes after that.`,
      });
      continue;
    }
    const refusal = planChange(writer, change, entry.referralPath, entry.kind, current, options);
    if (refusal !== undefined) plan.refused.push({ field: change.field, reason: refusal });
  }
  return plan;
}

/** Writes one change; returns why it was refused, if it was. */
function planChange(
  writer: PatchWriter,
  change: FieldChange,
  path: string,
  kind: FieldKind,
  current: Referral,
  options: ReferralPatchOptions,
): string | undefined {
  const to = change.to;
  switch (kind) {
    case "outcome": {
      if (to === null || to === "Open") return undefined;
      const target = referralStateOfOutcome(to as "Won" | "Lost");
      const verdict = checkTransition(current, target, { createdDateTime: current.createdDateTime, now: options.now });
      if (!verdict.allowed) return verdict.reason;
      writer.write("/status", target.status);
      writer.write("/substatus", target.substatus);
      return undefined;
    }
    case "flag":
      if (to === false && current.consent?.consentToShareReferralWithMicrosoftSellers === true) {
        return "a referral shared with Microsoft sellers can't be made private again.";
      }
      writer.write(path, to);
      return undefined;
    case "helpCodes": {
      const inviteContext = inviteContextOfHelpCodes(to as DealFields["helpRequested"]);
      writer.write("/inviteContext/assistanceRequestCode", inviteContext.assistanceRequestCode);
      writer.write("/inviteContext/notes", inviteContext.notes);
      return undefined;
    }
    case "solutionIds":
      writer.write(path, tagsOfSolutionIds(to as DealFields["solutions"], options.solutionCatalog));
      return undefined;
    default:
      writer.write(path, referralValueOf(kind, to));
      return undefined;
  }
}

/**
 * Emits operations against a working copy of the referral: `replace` where the member exists, `add` where it doesn't,
 * and for a missing parent one `add` of the smallest object that holds the value (arrays are appended with "-").
 */
class PatchWriter {
  private readonly working: JsonObject;

  constructor(
    referral: Referral,
    private readonly operations: JsonPatchOperation[],
  ) {
    this.working = JSON.parse(JSON.stringify(referral)) as JsonObject;
  }

  write(path: string, value: unknown): void {
    if (hasPointer(this.working, path)) {
      if (JSON.stringify(getAtPointer(this.working, path)) === JSON.stringify(value)) return;
      this.operations.push({ op: "replace", path, value });
      setAtPointer(this.working, path, value);
      return;
    }
    if (value === null) return;
    const tokens = pointerTokens(path);
    const missingDepth = tokens.findIndex(
      (_, index) => !hasPointer(this.working, pointerOf(tokens.slice(0, index + 1))),
    );
    const ancestor = tokens.slice(0, missingDepth + 1);
    const wrapper: JsonObject = {};
    setAtPointer(wrapper, pointerOf(["value", ...tokens.slice(missingDepth + 1)]), value);
    const parentTokens = ancestor.slice(0, -1);
    const parent = getAtPointer(this.working, pointerOf(parentTokens));
    if (Array.isArray(parent)) {
      this.operations.push({ op: "add", path: pointerOf([...parentTokens, "-"]), value: wrapper.value });
      setAtPointer(this.working, pointerOf([...parentTokens, String(parent.length)]), wrapper.value);
    } else {
      this.operations.push({ op: "add", path: pointerOf(ancestor), value: wrapper.value });
      setAtPointer(this.working, pointerOf(ancestor), wrapper.value);
    }
  }
}
