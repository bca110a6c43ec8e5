/**
 * What the seller reads when the sync service can't be used: what is wrong and what to do, in the user's language.
 * When the service explained itself (its `{ error: { message, whatToDo } }` body), its words are added, since they
 * name the exact cause (a missing CORS origin, an unknown opportunity).
 */
import type { ServiceFailure } from "../data/syncService";
import type { ServiceErrorDetail } from "../data/syncServiceTypes";
import type { ServiceState } from "./panelData";
import type { StringKey, Translate } from "./strings";

export interface Notice {
  readonly text: string;
  readonly whatToDo: string;
}

function withDetail(t: Translate, headline: StringKey, whatToDo: string, detail: ServiceErrorDetail | null): Notice {
  const text = detail === null ? t(headline) : `${t(headline)} (${detail.message})`;
  return { text, whatToDo: preferDetail(detail, whatToDo) };
}

function preferDetail(detail: ServiceErrorDetail | null, fallback: string): string {
  return detail !== null && detail.whatToDo !== "" ? detail.whatToDo : fallback;
}

export function describeFailure(failure: ServiceFailure, t: Translate): Notice {
  switch (failure.kind) {
    case "signInFailed":
      return { text: t("Service_SignInFailed"), whatToDo: t("Service_SignInFailedWhatToDo") };
    case "unreachable":
      return { text: t("Service_Unreachable"), whatToDo: t("Service_UnreachableWhatToDo") };
    case "timeout":
      return { text: t("Service_Timeout", failure.seconds), whatToDo: t("Service_TimeoutWhatToDo") };
    case "unauthorized":
      return withDetail(t, "Service_Unauthorized", t("Service_UnauthorizedWhatToDo"), failure.detail);
    case "forbidden":
      return withDetail(t, "Service_Forbidden", t("Service_ForbiddenWhatToDo"), failure.detail);
    case "notFound":
      return withDetail(t, "Service_NotFound", t("Service_NotFoundWhatToDo"), failure.detail);
    case "rateLimited": {
      // The wait comes first: it is what the seller can act on, whatever the service adds.
      const seconds = failure.retryAfterSeconds;
      const wait = seconds === null ? t("Service_RateLimitedLater") : t("Service_RateLimitedWhatToDo", seconds);
      return { text: withDetail(t, "Service_RateLimited", wait, failure.detail).text, whatToDo: wait };
    }
    case "serverError": {
      const headline = t("Service_ServerError", failure.httpStatus);
      const detail = failure.detail;
      return {
        text: detail === null ? headline : `${headline} (${detail.message})`,
        whatToDo: preferDetail(detail, t("Service_ServerErrorWhatToDo")),
      };
    }
    case "refused":
      return {
        text: t("Service_Refused", failure.detail?.message ?? `HTTP ${String(failure.httpStatus)}`),
        whatToDo: preferDetail(failure.detail, t("Service_ServerErrorWhatToDo")),
      };
    case "badAnswer":
      return { text: t("Service_BadAnswer"), whatToDo: t("Service_BadAnswerWhatToDo") };
  }
}

/** Why the panel shows only the status saved on the record, or null when the service's status is (being) read. */
export function serviceNotice(service: ServiceState, t: Translate): Notice | null {
  switch (service.kind) {
    case "notConfigured":
      return { text: t("Service_NotConfigured"), whatToDo: t("Service_NotConfiguredWhatToDo") };
    case "invalidUrl":
      return { text: t("Service_InvalidUrl", service.url), whatToDo: t("Service_InvalidUrlWhatToDo") };
    case "noSignIn":
      return { text: t("Service_NoSignIn"), whatToDo: t("Service_NoSignInWhatToDo") };
    case "failed":
      return describeFailure(service.failure, t);
    case "newRecord":
    case "waitingForSettings":
    case "loading":
    case "loaded":
      return null;
  }
}
