/**
 * A failed call in words a seller understands: what happened and what to do next. The service's own message and
 * what-to-do are shown whenever it sent them, since it knows best why it refused.
 */
import { SettingsUnreadable } from "../dataverse/settings";
import { formatTime, type Language } from "../i18n/strings";
import { SyncServiceError } from "./serviceError";

/** Seconds a seller is asked to wait when a 429 or 503 came without Retry-After. */
const DEFAULT_WAIT_SECONDS = 30;

export function describeError(error: unknown, language: Language, nowMs: number): string {
  if (error instanceof SettingsUnreadable) return language.say("settingsUnreadable", error.message);
  if (!(error instanceof SyncServiceError)) {
    return language.say("unexpected", error instanceof Error ? error.message : String(error));
  }
  const { body, status, retryAfterSeconds } = error.details;
  const message = body?.message ?? "";
  const whatToDo = body?.whatToDo ?? "";
  const wait = retryAfterSeconds ?? DEFAULT_WAIT_SECONDS;
  const after = formatTime(nowMs + wait * 1000, language);
  switch (error.failure) {
    case "notConfigured":
      return language.say(
        "notConfigured",
        language.say(error.details.endpoint === "invalid" ? "endpointInvalid" : "endpointEmpty"),
      );
    case "signIn":
      return language.say("signIn", error.message);
    case "unreachable":
      return language.say("unreachable");
    case "timeout":
      return language.say("timeout");
    case "unauthorized":
      return language.say("unauthorized");
    case "forbidden":
      return language.say("forbidden", message, whatToDo);
    case "throttled":
      return language.say("throttled", wait, after);
    case "unavailable":
      return language.say("unavailable", message, wait, after);
    case "refused":
      return body === undefined
        ? language.say("failed", status ?? 0, language.say("failedNoDetail"))
        : language.say("refused", message, whatToDo);
    case "failed":
      return body === undefined
        ? language.say("failed", status ?? 0, language.say("failedNoDetail"))
        : language.say("failed", status ?? 0, message, whatToDo);
    case "badAnswer":
      return language.say("badAnswer");
  }
}
