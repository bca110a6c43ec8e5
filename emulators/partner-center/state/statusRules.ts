/**
 * The status rules every change goes through: nothing changes once a referral is closed, status pairs move only as
 * core's checkTransition allows (including the 72 hours before Won), and the dates that follow a status are set.
 * Source: shared/reference/partner-center.md §1.4 (allowed transitions) and §1.5 (lifecycle rules).
 */
import { checkTransition, isTerminal, type Referral } from "../../../core";
import { PartnerCenterError } from "./errors";

export interface StatusChangeOptions {
  /** Skip the 72-hour rule before Won; only Microsoft's demo actions ask for it explicitly. */
  ignoreWonDelay?: boolean;
}

/** Refuses any write to a referral in a terminal state ("Deals can't be modified after…", §1.5). */
export function assertModifiable(current: Referral): void {
  if (!isTerminal(current)) return;
  throw new PartnerCenterError(
    400,
    "ReferralClosed",
    `Referral '${current.id}' is ${current.status}/${current.substatus}, a terminal state: deals can't be modified ` +
      `after they move into a terminal state.`,
    [{ id: current.id, status: current.status, substatus: current.substatus }],
  );
}

/** Refuses a status/substatus pair the referral may not move to, with core's reason. */
export function assertTransitionAllowed(
  current: Referral,
  next: Pick<Referral, "status" | "substatus">,
  now: Date,
  options: StatusChangeOptions = {},
): void {
  const context = options.ignoreWonDelay === true ? {} : { createdDateTime: current.createdDateTime, now };
  const verdict = checkTransition(current, next, context);
  if (verdict.allowed) return;
  throw new PartnerCenterError(
    400,
    "InvalidStatusTransition",
    `Referral '${current.id}' can't move from ${current.status}/${current.substatus} to ` +
      `${next.status}/${next.substatus}: ${verdict.reason}`,
    [
      {
        id: current.id,
        refusal: verdict.code,
        from: { status: current.status, substatus: current.substatus },
        to: { status: next.status, substatus: next.substatus },
      },
    ],
  );
}

/** Sets `acceptedDateTime` the first time a referral is accepted and `closedDateTime` when it closes. */
export function stampStatusDates(next: Referral, previous: Referral | undefined, at: string): Referral {
  const stamped = { ...next };
  if (next.status === "Active" && (next.acceptedDateTime ?? null) === null) stamped.acceptedDateTime = at;
  if (next.status === "Closed" && previous?.status !== "Closed") stamped.closedDateTime = at;
  return stamped;
}
