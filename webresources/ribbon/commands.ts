/**
 * Command-bar buttons of the Opportunity form. Each command gets the form as its PrimaryControl parameter, calls
 * the sync service with the page's bearer token and reports what happened in a form notification: success, or an
 * error saying what to do. Enable rules are synchronous and read only the form and what the scripts already know.
 */
import type { Bridge } from "../bridge";
import { reevaluateCommandBar } from "../bridge";
import { isSyncPending } from "../service/types";
import {
  isOpen,
  isPendingOnForm,
  recordIdOf,
  referralIdOf,
  referralLinkOf,
  syncRequested,
} from "../opportunity/formValues";
import { NOTICE, clearNotice, notify, LEVEL } from "../opportunity/notices";
import { showStatus } from "../opportunity/statusNotice";

/** Function-valued properties rather than methods: the ribbon calls them detached from this object. */
export interface RibbonCommands {
  readonly syncNow: (primaryControl: Xrm.FormContext) => Promise<void>;
  readonly canSyncNow: (primaryControl: Xrm.FormContext) => boolean;
  readonly openInPartnerCenter: (primaryControl: Xrm.FormContext) => void;
  readonly canOpenInPartnerCenter: (primaryControl: Xrm.FormContext) => boolean;
  readonly acceptReferral: (primaryControl: Xrm.FormContext) => Promise<void>;
  readonly declineReferral: (primaryControl: Xrm.FormContext) => Promise<void>;
  readonly canAnswerReferral: (primaryControl: Xrm.FormContext) => boolean;
}

export function ribbonCommands(bridge: Bridge): RibbonCommands {
  const { runtime, sessions, knownSettings, describe } = bridge;
  const { settings: readSettings, language: userLanguage } = bridge;

  async function syncNow(form: Xrm.FormContext): Promise<void> {
    const session = sessions.of(form);
    const language = userLanguage();
    clearNotice(form, NOTICE.command);
    const recordId = session.recordId;
    if (recordId === null) {
      notify(form, NOTICE.command, LEVEL.warning, language.say("saveFirst"));
      return;
    }
    try {
      const settings = await readSettings();
      const service = bridge.service(settings);
      if (form.data.entity.getIsDirty()) {
        // Read what OnSave's check needs first, so that it judges this save at once rather than cancelling it.
        if (settings.mapping !== null && syncRequested(form)) {
          await session.snapshots.load(form, settings.mapping).catch(() => undefined);
        }
        try {
          await form.data.save();
        } catch {
          notify(form, NOTICE.command, LEVEL.error, language.say("saveFailed"));
          return;
        }
      }
      const report = await service.validate(recordId);
      if (!report.valid) {
        const reasons = report.problems.map((problem) => problem.message).join(" ");
        notify(form, NOTICE.command, LEVEL.error, language.say("wouldRefuse", reasons));
        return;
      }
      const result = await service.syncNow(recordId);
      notify(form, NOTICE.command, LEVEL.info, language.say(result.coalesced ? "syncJoined" : "syncQueued"));
      const pending = { status: "Pending", checkmark: false, lastSyncedAt: null, lastError: null } as const;
      showStatus(form, pending, settings, language);
      bridge.watchStatus(form, session, settings, runtime.clock.now());
    } catch (error) {
      notify(form, NOTICE.command, LEVEL.error, describe(error));
    }
    reevaluateCommandBar(form);
  }

  async function answer(form: Xrm.FormContext, verb: "accept" | "decline"): Promise<void> {
    const language = userLanguage();
    clearNotice(form, NOTICE.command);
    const referralId = referralIdOf(form) ?? sessions.of(form).lastStatus?.referralId ?? null;
    if (referralId === null) {
      notify(form, NOTICE.command, LEVEL.warning, language.say("noReferral"));
      return;
    }
    if (verb === "decline" && !(await runtime.confirm(language.say("declineTitle"), language.say("declineText")))) {
      return;
    }
    try {
      const service = bridge.service(await readSettings());
      await (verb === "accept" ? service.accept(referralId) : service.decline(referralId, null));
      notify(form, NOTICE.command, LEVEL.info, language.say(verb === "accept" ? "accepted" : "declined"));
    } catch (error) {
      notify(form, NOTICE.command, LEVEL.error, describe(error));
      return;
    }
    // The service changed the opportunity too (a declined referral closes it as lost): show what it wrote.
    try {
      await form.data.refresh(false);
    } catch {
      // The notification already says what happened; a reload shows the rest.
    }
    reevaluateCommandBar(form);
  }

  function linkOf(form: Xrm.FormContext): string | null {
    return referralLinkOf(form) ?? sessions.of(form).lastStatus?.referralLink ?? null;
  }

  return {
    syncNow,

    canSyncNow(form) {
      if (recordIdOf(form) === null || !syncRequested(form)) return false;
      if (knownSettings()?.endpointUrl === null) return false;
      const known = sessions.of(form).lastStatus;
      return !(known === null ? isPendingOnForm(form) : isSyncPending(known));
    },

    openInPartnerCenter(form) {
      const link = linkOf(form);
      if (link === null) notify(form, NOTICE.command, LEVEL.warning, userLanguage().say("noLink"));
      else runtime.openUrl(link);
    },

    canOpenInPartnerCenter(form) {
      return linkOf(form) !== null;
    },

    acceptReferral: (form) => answer(form, "accept"),
    declineReferral: (form) => answer(form, "decline"),

    // Only an inbound referral still waiting for the partner's answer, as the service's status read on load says
    // (a status is read for a saved record only, and names the referral the answer goes to).
    canAnswerReferral(form) {
      return sessions.of(form).lastStatus?.awaitingAnswer === true && isOpen(form);
    },
  };
}
