/**
 * What happened when a step was called, in words: the failure reported to the caller of a synchronous step, and the
 * text of a failed system job (dataverse.md §3.4). Texts name the URL without its query string and are redacted of
 * every auth value, so a key can never leak through a message.
 */
import type { AttemptResult, CallOutcome } from "./webhook-post";

/** Why a step call failed. */
export type FailureReason = "status" | "timeout" | "network" | "configuration" | "closed";

/** A failed step call, safe to show: no auth values. */
export interface StepFailure {
  readonly stepId: string;
  readonly stepName: string;
  readonly endpointName: string;
  readonly reason: FailureReason;
  /** The last HTTP status received, when the endpoint answered. */
  readonly statusCode?: number;
  readonly attempts: number;
  /** One sentence for people (`friendlymessage`). */
  readonly friendlyMessage: string;
  /** The details (`message`). */
  readonly message: string;
  readonly errorCode: number;
}

/** What the failure description is built from. */
export interface FailureContext {
  readonly stepId: string;
  readonly stepName: string;
  readonly endpointName: string;
  /** The endpoint URL without its query string. */
  readonly safeUrl: string;
  readonly timeoutMs: number;
  readonly errorCode: number;
  readonly secrets: readonly string[];
}

/** Replaces every occurrence of a secret with `***`. Longest first, so a secret containing another is fully hidden. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  const ordered = secrets.filter((secret) => secret.length > 0).sort((left, right) => right.length - left.length);
  return ordered.reduce((redacted, secret) => redacted.split(secret).join("***"), text);
}

function describeAttempt(result: AttemptResult, context: FailureContext): string {
  switch (result.kind) {
    case "answered":
      return `HTTP ${result.statusCode}`;
    case "timeout":
      return `no response within ${context.timeoutMs} ms`;
    case "network":
      return `the request could not be sent (${result.detail})`;
    case "closed":
      return "the emulator was closed before an answer came";
  }
}

function reasonOf(result: AttemptResult): FailureReason {
  switch (result.kind) {
    case "answered":
      return "status";
    case "timeout":
    case "network":
    case "closed":
      return result.kind;
  }
}

function failure(
  context: FailureContext,
  parts: Pick<StepFailure, "reason" | "attempts" | "friendlyMessage" | "message"> & { statusCode?: number },
): StepFailure {
  return {
    stepId: context.stepId,
    stepName: context.stepName,
    endpointName: context.endpointName,
    ...parts,
    friendlyMessage: redactSecrets(parts.friendlyMessage, context.secrets),
    message: redactSecrets(parts.message, context.secrets),
    errorCode: context.errorCode,
  };
}

/** The failure of a call that was sent; undefined when it succeeded. */
export function describeCallFailure(outcome: CallOutcome, context: FailureContext): StepFailure | undefined {
  const last = outcome.attempts.at(-1);
  if (outcome.succeeded || last === undefined) return undefined;
  const what = outcome.attempts.map((result) => describeAttempt(result, context)).join(", then ");
  const attempts = outcome.attempts.filter((result) => result.kind !== "closed").length;
  const statusCode = [...outcome.attempts].reverse().find((result) => result.kind === "answered")?.statusCode;
  return failure(context, {
    reason: reasonOf(last),
    attempts,
    ...(statusCode === undefined ? {} : { statusCode }),
    friendlyMessage: `The webhook '${context.endpointName}' could not be notified: ${describeAttempt(last, context)}.`,
    message:
      `Step '${context.stepName}' (${context.stepId}) posted to ${context.safeUrl} ` +
      `(service endpoint '${context.endpointName}'): ${what}; ${attempts} attempt(s).`,
  });
}

/** The failure of a call that could not be made because the registration is unusable. */
export function describeConfigurationFailure(error: Error, context: FailureContext): StepFailure {
  return failure(context, {
    reason: "configuration",
    attempts: 0,
    friendlyMessage: `The webhook '${context.endpointName}' is not configured correctly.`,
    message: `Step '${context.stepName}' (${context.stepId}) was not sent: ${error.message}.`,
  });
}
