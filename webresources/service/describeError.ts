/**
 * A failed call in words a seller understands: what happened and what to do next. The service's own message and
 * what-to-do are shown whenever it sent them, since it knows best why it refused.
 */
import { messageOf } from "../errorMessage";
import { SettingsUnreadable } from "../dataverse/settings";
import { formatTime, type Language } from "../i18n/strings";
import { SyncServiceError } from "./serviceError";

/** Seconds a seller is asked to wait when a 429 or 503 came without Retry-After. */
const DEFAULT_WAIT_SECONDS = 30;

export function describeError(error: unknown, language: Language, nowMs: number): string {
  if (error instanceof SettingsUnreadable) return language.say("settingsUnreadable", error.message);
  if (!(error instanceof SyncServiceError)) {
    return language.say("unexpected", messageOf(error));
  }
  const { failure, details } = error;
  const { body, status = 0 } = details;
  const message = body?.message ?? "";
  const whatToDo = body?.whatToDo ?? "";
  const wait = details.retryAfterSeconds ?? DEFAULT_WAIT_SECONDS;
  const after = formatTime(nowMs + wait * 1000, language);
  // Without the service's explanation, a refusal or a failure can only give the status and what to try.
  if ((failure === "refused" || failure === "failed") && body === undefined) {
    return language.say("failedNoDetail", status);
  }
  switch (failure) {
    case "notConfigured":
      return language.say(details.endpoint === "invalid" ? "notConfiguredInvalid" : "notConfiguredEmpty");
    case "signIn":
      return language.say(failure, error.message);
    case "throttled":
      return language.say(failure, wait, after);
    case "unavailable":
      return language.say(failure, message, wait, after);
    case "failed":
      return language.say(failure, status, message, whatToDo);
    case "forbidden":
    case "refused":
      return language.say(failure, message, whatToDo);
    default:
      // unreachable, timeout, unauthorized, badAnswer: the sentence names no detail.
      return language.say(failure);
  }
}
