/**
 * The Opportunity form's handlers (registered in the form XML, "pass execution context" ticked):
 *  - onLoad: reads the settings, shares the sign-in with the Co-sell panel, shows the status and checkmark, and
 *    polls while a sync is pending;
 *  - onSyncFieldChange (OnChange of Sync with Partner Center, How can Microsoft help? and Products): validates with
 *    core's rules and shows field notifications;
 *  - onSave: refuses to save Sync = Yes for an opportunity Partner Center would refuse, listing the reasons.
 * Work the platform need not wait for runs in the background (Bridge.track): a slow service never holds the form.
 */
import type { FieldMapping } from "../../core/mapping/fields";
import { reevaluateCommandBar, type Bridge } from "../bridge";
import type { FormSettings } from "../dataverse/settings";
import { isSyncPending } from "../service/types";
import { referralIdOf, syncRequested } from "./formValues";
import { NOTICE, clearNotice, notify, LEVEL } from "./notices";
import type { FormSession } from "./session";
import { showStatus, statusOnForm } from "./statusNotice";
import { judge, precheck, type Verdict } from "./validation";

/** Xrm SaveMode values (XrmEnum is a const enum, unavailable at run time). */
const SAVE_AND_CLOSE = 2;

/** Function-valued properties rather than methods: the platform calls them detached from this object. */
export interface OpportunityHandlers {
  readonly onLoad: (executionContext: Xrm.Events.EventContext) => void;
  readonly onSyncFieldChange: (executionContext: Xrm.Events.EventContext) => void;
  readonly onSave: (executionContext: Xrm.Events.SaveEventContext) => void;
}

interface Judged {
  readonly verdict: Verdict;
  readonly mapping: FieldMapping | null;
}

function isRefusal(verdict: Verdict): boolean {
  return verdict.kind === "checked" && verdict.problems.length > 0;
}

export function opportunityHandlers(bridge: Bridge): OpportunityHandlers {
  const { runtime, sessions, knownSettings, describe, reason, track } = bridge;
  const { settings: readSettings, language: userLanguage } = bridge;
  const postSaveWired = new WeakSet<Xrm.FormContext>();
  let pageHideWired = false;
  const now = () => new Date(runtime.clock.now());

  async function load(form: Xrm.FormContext, session: FormSession): Promise<void> {
    let settings: FormSettings;
    try {
      settings = await readSettings();
    } catch (error) {
      notify(form, NOTICE.setup, LEVEL.warning, describe(error));
      return;
    }
    const language = userLanguage();
    bridge.shareSignIn(settings);
    const saved = statusOnForm(form);
    if (saved !== null) showStatus(form, saved, settings, language);
    const coSell = syncRequested(form) || referralIdOf(form) !== null;
    if (!coSell || session.recordId === null) return;
    if (settings.mapping !== null) {
      // Read the rows validation needs now, so that OnSave can usually decide at once.
      track(session.snapshots.load(form, settings.mapping));
    }
    try {
      const status = await bridge.service(settings).status(session.recordId);
      if (!session.serves(form)) return;
      session.lastStatus = status;
      // Accept and Decline are offered by what the status says.
      reevaluateCommandBar(form);
      clearNotice(form, NOTICE.setup);
      showStatus(form, status, settings, language);
      if (isSyncPending(status)) bridge.watchStatus(form, session, settings, 0);
    } catch (error) {
      if (session.serves(form)) notify(form, NOTICE.setup, LEVEL.warning, describe(error));
    }
  }

  /** The verdict on the form as it is now, reading the settings and rows it needs, and the mapping it used. */
  async function judgeNow(form: Xrm.FormContext, session: FormSession): Promise<Judged> {
    const settings = await readSettings();
    const pre = precheck(form, settings);
    if (pre.kind !== "judge") return { verdict: pre, mapping: null };
    const snapshot = await session.snapshots.load(form, pre.mapping);
    return { verdict: judge(form, snapshot, pre.mapping, settings, now()), mapping: pre.mapping };
  }

  /** Validates the form as it is now and shows the verdict. */
  async function check(form: Xrm.FormContext): Promise<void> {
    const session = sessions.of(form);
    const language = userLanguage();
    try {
      const { verdict, mapping } = await judgeNow(form, session);
      if (session.serves(form)) session.display.show(form, verdict, mapping, language, "change");
    } catch (error) {
      session.display.clear(form);
      notify(form, NOTICE.validation, LEVEL.warning, language.say("checkUnavailable", reason(error)));
    }
  }

  /** The synchronous verdict for OnSave, or null when rows or settings must be read first. */
  function verdictNow(form: Xrm.FormContext, session: FormSession, settings: FormSettings): Verdict | null {
    const pre = precheck(form, settings);
    if (pre.kind !== "judge") return pre;
    const snapshot = session.snapshots.now(form, pre.mapping);
    return snapshot === null ? null : judge(form, snapshot, pre.mapping, settings, now());
  }

  /** OnSave could not decide synchronously: it cancelled the save, checks, and saves again if Partner Center would not refuse. */
  async function checkThenSave(form: Xrm.FormContext, session: FormSession, saveMode: number): Promise<void> {
    const language = userLanguage();
    try {
      const { verdict, mapping } = await judgeNow(form, session);
      if (!session.serves(form)) return;
      const refused = isRefusal(verdict);
      session.display.show(form, verdict, mapping, language, refused ? "save" : "change");
      if (refused) return;
    } catch (error) {
      session.display.clear(form);
      notify(form, NOTICE.validation, LEVEL.warning, language.say("checkFailed", reason(error)));
    }
    session.resaving = true;
    try {
      await form.data.save();
      if (saveMode === SAVE_AND_CLOSE) form.ui.close();
    } catch {
      // The platform shows why the save failed.
    } finally {
      session.resaving = false;
    }
  }

  function afterSave(executionContext: Xrm.Events.EventContext): void {
    const form = executionContext.getFormContext();
    const session = sessions.of(form);
    session.snapshots.forget();
    const settings = knownSettings();
    if (settings === null || !settings.showCheckmark || !syncRequested(form)) return;
    bridge.watchStatus(form, session, settings, runtime.clock.now());
  }

  return {
    onLoad(executionContext) {
      const form = executionContext.getFormContext();
      const session = sessions.restart(form);
      if (!pageHideWired) {
        pageHideWired = true;
        runtime.onPageHide(() => {
          sessions.disposeAll();
        });
      }
      if (!postSaveWired.has(form)) {
        postSaveWired.add(form);
        form.data.entity.addOnPostSave(afterSave);
      }
      track(load(form, session));
    },

    onSyncFieldChange(executionContext) {
      track(check(executionContext.getFormContext()));
    },

    onSave(executionContext) {
      const form = executionContext.getFormContext();
      const session = sessions.of(form);
      if (session.resaving) return;
      if (!syncRequested(form)) {
        session.display.clear(form);
        return;
      }
      const args = executionContext.getEventArgs();
      const settings = knownSettings();
      const verdict = settings === null ? null : verdictNow(form, session, settings);
      if (verdict !== null) {
        const refused = isRefusal(verdict);
        if (refused) args.preventDefault();
        session.display.show(form, verdict, settings?.mapping ?? null, userLanguage(), refused ? "save" : "change");
        return;
      }
      // preventDefault only works synchronously (form-onsave docs): cancel now, save again once checked.
      args.preventDefault();
      notify(form, NOTICE.validation, LEVEL.info, userLanguage().say("checking"));
      track(checkThenSave(form, session, args.getSaveMode()));
    },
  };
}
