/**
 * Which referral status/substatus pairs exist, which changes Partner Center allows, and which states are final.
 * Source: shared/reference/partner-center.md §1.4 ("Allowed transitions") and §1.5 (lifecycle rules): "status and
 * substatus fields should conform to the allowed set of transition values"; "Deals can't be modified after they move
 * into a terminal state"; keep 72 hours between creation and marking Won.
 */
import type { ReferralStatus, ReferralSubstatus } from "./enums";

export interface ReferralState {
  status: ReferralStatus;
  substatus: ReferralSubstatus;
}

/** The substatuses each status may carry. `None` is the service's empty default and is never a valid target. */
export const substatusesByStatus: Readonly<Record<ReferralStatus, readonly ReferralSubstatus[]>> = {
  None: [],
  New: ["Pending", "Received"],
  Active: ["Accepted"],
  Closed: ["Won", "Lost", "Declined", "Expired"],
};

/** From each status, the statuses a referral may move to. Closed is terminal. */
export const nextStatuses: Readonly<Record<ReferralStatus, readonly ReferralStatus[]>> = {
  None: ["New", "Active", "Closed"],
  New: ["New", "Active", "Closed"],
  Active: ["Active", "Closed"],
  Closed: [],
};

/**
 * Closing substatuses that only make sense from some statuses: declining answers an invitation, and expiry is what
 * happens to an inbound referral nobody answered within 14 days, so both happen only to a New referral.
 */
export const closingSubstatusOrigins: Readonly<Partial<Record<ReferralSubstatus, readonly ReferralStatus[]>>> = {
  Declined: ["None", "New"],
  Expired: ["None", "New"],
};

/** Partner Center's rule for deal registration: at least 72 hours between creating a referral and marking it Won. */
export const minimumHoursBeforeWon = 72;

export const terminalSubstatuses: readonly ReferralSubstatus[] = substatusesByStatus.Closed;

export function isTerminal(state: ReferralState): boolean {
  return state.status === "Closed";
}

export type TransitionVerdict = { allowed: true } | { allowed: false; code: TransitionRefusal; reason: string };

export type TransitionRefusal =
  "invalidTarget" | "terminal" | "statusNotReachable" | "substatusNotReachable" | "wonTooSoon";

export interface TransitionContext {
  /** When the referral was created (ISO date-time); needed to enforce the 72-hour rule for Won. */
  createdDateTime?: string;
  /** The current time; passed in so that the check stays a pure function. */
  now?: Date;
}

/** Says whether Partner Center allows a referral to move from one state to another and, if not, why. */
export function checkTransition(
  from: ReferralState,
  to: ReferralState,
  context: TransitionContext = {},
): TransitionVerdict {
  if (from.status === to.status && from.substatus === to.substatus) return { allowed: true };
  if (!substatusesByStatus[to.status].includes(to.substatus)) {
    return refuse("invalidTarget", `${describe(to)} is not a valid state: ${to.status} allows ${listOf(to.status)}.`);
  }
  if (isTerminal(from)) {
    return refuse(
      "terminal",
      `the referral is ${describe(from)}, a final state: Partner Center allows no more changes.`,
    );
  }
  if (!nextStatuses[from.status].includes(to.status)) {
    return refuse("statusNotReachable", `a ${from.status} referral can't go back to ${to.status}.`);
  }
  const origins = closingSubstatusOrigins[to.substatus];
  if (origins !== undefined && !origins.includes(from.status)) {
    return refuse("substatusNotReachable", `only a New referral can become ${describe(to)}, not a ${from.status} one.`);
  }
  if (to.substatus === "Won" && context.createdDateTime !== undefined && context.now !== undefined) {
    const hoursSinceCreation = (context.now.getTime() - Date.parse(context.createdDateTime)) / 3_600_000;
    if (hoursSinceCreation < minimumHoursBeforeWon) {
      const hoursLeft = Math.ceil(minimumHoursBeforeWon - hoursSinceCreation);
      return refuse(
        "wonTooSoon",
        `Partner Center needs ${minimumHoursBeforeWon} hours between creating a referral and marking it Won; ` +
          `try again in about ${hoursLeft} hours.`,
      );
    }
  }
  return { allowed: true };
}

function refuse(code: TransitionRefusal, reason: string): TransitionVerdict {
  return { allowed: false, code, reason };
}

function describe(state: ReferralState): string {
  return `${state.status}/${state.substatus}`;
}

function listOf(status: ReferralStatus): string {
  const substatuses = substatusesByStatus[status];
  return substatuses.length === 0 ? "no substatus" : substatuses.join(", ");
}
