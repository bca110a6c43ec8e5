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
import { SnapshotSource } from "./snapshot";
import type { StatusPoller } from "./statusPoller";
import { ValidationDisplay } from "./validationDisplay";

export class FormSession {
  readonly snapshots: SnapshotSource;
  readonly display: ValidationDisplay;
  poller: StatusPoller | null = null;
  /** The last status the service gave for this record. */
  lastStatus: OpportunitySyncStatus | null = null;
  /** True while the scripts re-save after an asynchronous check, so that OnSave lets their own save through. */
  resaving = false;
  private disposed = false;

  constructor(
    readonly recordId: string | null,
    reader: () => DataverseReader,
    revalidate: Xrm.Events.ContextSensitiveHandler,
    watched: WeakSet<Xrm.Attributes.Attribute>,
  ) {
    this.snapshots = new SnapshotSource(reader);
    this.display = new ValidationDisplay(revalidate, watched);
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  dispose(): void {
    this.disposed = true;
    this.poller?.stop();
  }

  /** Whether `form` still shows this session's record. */
  serves(form: Xrm.FormContext): boolean {
    if (this.disposed) return false;
    try {
      return recordIdOf(form) === this.recordId;
    } catch {
      return false;
    }
  }
}

export class FormSessions {
  private current: FormSession | null = null;

  constructor(private readonly create: (recordId: string | null) => FormSession) {}

  /** The session of `form`: the current one while it shows the same record, else a new one. */
  of(form: Xrm.FormContext): FormSession {
    const recordId = recordIdOf(form);
    if (this.current !== null && !this.current.isDisposed && this.current.recordId === recordId) return this.current;
    return this.restart(form);
  }

  /** A new session for a form that just loaded. */
  restart(form: Xrm.FormContext): FormSession {
    this.current?.dispose();
    this.current = this.create(recordIdOf(form));
    return this.current;
  }

  disposeAll(): void {
    this.current?.dispose();
    this.current = null;
  }
}
