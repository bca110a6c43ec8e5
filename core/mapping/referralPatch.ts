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
 * Emits operations against a working copy of the referral: `replace` where the member exists, `add` where it doesn't.
 * When a parent is missing (or null, as the service sends `"inviteContext": null`), one operation writes the smallest
 * object that holds the value; arrays are appended with "-".
 */
class PatchWriter {
  private readonly working: JsonObject;

  constructor(
    referral: Referral,
    private readonly operations: JsonPatchOperation[],
  ) {
    this.working = copyOf(referral) as JsonObject;
  }

  write(path: string, value: unknown): void {
    const tokens = pointerTokens(path);
    let depth = 0;
    while (
      depth < tokens.length - 1 &&
      isContainer(getAtPointer(this.working, pointerOf(tokens.slice(0, depth + 1))))
    ) {
      depth += 1;
    }
    const target = tokens.slice(0, depth + 1);
    const nested = tokens.slice(depth + 1);
    if (value === null && nested.length > 0) return;
    const wrapper: JsonObject = {};
    setAtPointer(wrapper, pointerOf(["value", ...nested]), value);
    const written = wrapper.value;

    if (hasPointer(this.working, pointerOf(target))) {
      if (JSON.stringify(getAtPointer(this.working, pointerOf(target))) === JSON.stringify(written)) return;
      this.emit("replace", target, target, written);
      return;
    }
    if (value === null) return;
    const parentTokens = target.slice(0, -1);
    const parent = getAtPointer(this.working, pointerOf(parentTokens));
    if (Array.isArray(parent))
      this.emit("add", [...parentTokens, "-"], [...parentTokens, String(parent.length)], written);
    else this.emit("add", target, target, written);
  }

  private emit(op: JsonPatchOperation["op"], pathTokens: string[], workingTokens: string[], value: unknown): void {
    this.operations.push({ op, path: pointerOf(pathTokens), value: copyOf(value) });
    setAtPointer(this.working, pointerOf(workingTokens), copyOf(value));
  }
}

function isContainer(value: unknown): boolean {
  return typeof value === "object" && value !== null;
}

/** A deep copy of a JSON value, so later writes to the working copy never change an emitted operation. */
function copyOf(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}
