/**
 * What the scripts remember about the form that is open: rows read for validation, the notifications they set,
 * the status poller and the last status the service gave.
 *
 * When does the form "close"? OnLoad's executionContext has no close event, and the Unified Interface keeps the
 * scripts' window alive while the seller moves from record to record, so a poller could otherwise outlive its form
 * and write notifications on the next one. Three checks cover it: a new OnLoad disposes the previous session; every
 * poll first checks `serves(form)`, i.e. that `formContext.data.entity.getId()` still names this session's record
 * (a stale context either throws or names another record); and the page's `pagehide` disposes everything when the
 * window itself goes away.
 */
import type { DataverseReader } from "../dataverse/dataverseReader";
import type { OpportunitySyncStatus } from "../service/types";
import { recordIdOf } from "./formValues";
import { snapshotSource, type SnapshotSource } from "./snapshot";
import type { StatusPoller } from "./statusPoller";
import { validationDisplay, type ValidationDisplay } from "./validationDisplay";

export interface FormSession {
  readonly recordId: string | null;
  readonly snapshots: SnapshotSource;
  readonly display: ValidationDisplay;
  poller: StatusPoller | null;
  /** The last status the service gave for this record. */
  lastStatus: OpportunitySyncStatus | null;
  /** True while the scripts re-save after an asynchronous check, so that OnSave lets their own save through. */
  resaving: boolean;
  /** Whether `form` still shows this session's record (false once disposed). */
  serves(form: Xrm.FormContext): boolean;
  dispose(): void;
}

export function formSession(
  recordId: string | null,
  reader: () => DataverseReader,
  revalidate: Xrm.Events.ContextSensitiveHandler,
  watched: WeakSet<Xrm.Attributes.Attribute>,
): FormSession {
  let disposed = false;
  const session: FormSession = {
    recordId,
    snapshots: snapshotSource(reader),
    display: validationDisplay(revalidate, watched),
    poller: null,
    lastStatus: null,
    resaving: false,
    serves(form) {
      if (disposed) return false;
      try {
        return recordIdOf(form) === recordId;
      } catch {
        return false;
      }
    },
    dispose() {
      disposed = true;
      session.poller?.stop();
    },
  };
  return session;
}

/** The session of the form that is open; one at a time per page. */
export interface FormSessions {
  /** The session of `form`: the current one while it shows the same record, else a new one. */
  of(form: Xrm.FormContext): FormSession;
  /** A new session for a form that just loaded. */
  restart(form: Xrm.FormContext): FormSession;
  disposeAll(): void;
}

export function formSessions(create: (recordId: string | null) => FormSession): FormSessions {
  let current: FormSession | null = null;
  const restart = (form: Xrm.FormContext) => {
    const recordId = recordIdOf(form);
    current?.dispose();
    return (current = create(recordId));
  };
  return {
    of: (form) => (current?.serves(form) === true ? current : restart(form)),
    restart,
    disposeAll() {
      current?.dispose();
      current = null;
    },
  };
}
