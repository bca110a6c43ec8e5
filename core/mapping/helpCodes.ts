/**
 * "How can Microsoft help?" is a multi-select choice in Dynamics but a single assistanceRequestCode in the Referrals
 * API. The referral carries the first requested code in the API's own order, and when more than one was chosen,
 * inviteContext.notes lists them all in one line ("Help requested: A, B") that Microsoft's sellers can read and that
 * this module reads back, so no choice is lost either way.
 */
import { MicrosoftHelpOption, helpCodeOfOption } from "../dataverse/options";
import { AssistanceRequestCode, type HelpCode, isEnumValue } from "../referral/enums";
import type { InviteContext } from "../referral/model";

const helpOrder = Object.values(AssistanceRequestCode).filter((code): code is HelpCode => code !== "Unknown");
const helpLinePrefix = "Help requested:";

function isHelpCode(value: unknown): value is HelpCode {
  return isEnumValue(AssistanceRequestCode, value) && value !== "Unknown";
}

/** Unique help codes in the API's order. */
export function sortHelpCodes(codes: Iterable<string>): HelpCode[] {
  const wanted = new Set(codes);
  return helpOrder.filter((code) => wanted.has(code));
}

/**
 * Help codes of a csb_microsofthelp value: the Web API's comma-separated option values ("582100000,582100002"), an
 * array of option values, or null. Values that are not ours are ignored.
 */
export function helpCodesOfOptions(raw: unknown): HelpCode[] {
  const values = typeof raw === "string" ? raw.split(",") : Array.isArray(raw) ? (raw as unknown[]) : [];
  const codes = values.map((value) => helpCodeOfOption(Number(value))).filter((code) => code !== undefined);
  return sortHelpCodes(codes);
}

/** The Web API form of a multi-select choice, or null when nothing is selected. */
export function optionsOfHelpCodes(codes: readonly HelpCode[]): string | null {
  return codes.length === 0
    ? null
    : sortHelpCodes(codes)
        .map((code) => MicrosoftHelpOption[code])
        .join(",");
}

export function helpCodesOfInviteContext(inviteContext: InviteContext | null | undefined): HelpCode[] {
  const listed = /Help requested:\s*([A-Za-z, ]+)/.exec(inviteContext?.notes ?? "")?.[1];
  const fromNotes =
    listed
      ?.split(",")
      .map((code) => code.trim())
      .filter(isHelpCode) ?? [];
  const primary = inviteContext?.assistanceRequestCode;
  return sortHelpCodes(isHelpCode(primary) ? [primary, ...fromNotes] : fromNotes);
}

/** The inviteContext fields that carry the codes; an empty list asks for no help (Unknown). */
export function inviteContextOfHelpCodes(
  codes: readonly HelpCode[],
): Pick<InviteContext, "assistanceRequestCode" | "notes"> {
  const sorted = sortHelpCodes(codes);
  return {
    assistanceRequestCode: sorted[0] ?? "Unknown",
    notes: sorted.length > 1 ? `${helpLinePrefix} ${sorted.join(", ")}` : null,
  };
}
