/**
 * Saving the form as Dynamics does: the OnSave handlers run first (the form definition's, then those scripts added
 * with addOnSave), each with the save's event arguments; when one of them called preventDefault nothing is sent.
 * Then a control notification blocks the save and is listed at the top of the form. Otherwise the changed columns
 * are PATCHed and the record read again, then OnPostSave runs with the outcome. Saves run one after another.
 */
import type { ScriptFunction } from "../../../../solution/definition/model";
import type { FormRecord } from "../formRecord";
import type { HostStrings } from "../hostStrings";
import { messageOf } from "../hostConsole";
import type { FormControls } from "./formControls";
import { DATA_LOAD_STATE, SaveEventArgs } from "./eventContext";
import type { Handler } from "./formEvents";
import { callAdded, type ScriptFailureNotice, type ScriptFunctions } from "./scriptFunctions";
import { guardXrm } from "./xrmGuard";
import type { FormView } from "./formView";

/** XrmEnum.SaveMode values the form uses. */
export const SAVE_MODE = { save: 1, saveAndClose: 2 } as const;

/** The id of the host's own line in the notification bar about the last save. */
export const SAVE_NOTICE = "host:save";

/**
 * A save that did not happen; data.save() rejects with it, as the platform rejects with an error object. errorCode
 * is Dataverse's when Dataverse refused, else 0 (the platform's own codes for a cancelled save are not documented).
 */
export class SaveNotDone extends Error {
  override readonly name = "SaveNotDone";

  constructor(
    message: string,
    readonly errorCode = 0,
  ) {
    super(message);
  }
}

function errorCodeOf(error: unknown): number {
  const code = (error as { errorCode?: unknown } | null | undefined)?.errorCode;
  return typeof code === "number" ? code : 0;
}

export interface SaveParts {
  readonly record: FormRecord;
  readonly view: FormView;
  readonly strings: HostStrings;
  readonly scripts: ScriptFunctions;
  readonly notice: ScriptFailureNotice;
  readonly controls: FormControls;
  /** The form definition's OnSave handlers. */
  readonly handlers: readonly ScriptFunction[];
  /** An execution context whose getEventArgs() gives `eventArgs`. */
  context(eventArgs: object): object;
  postSaveArgs(success: boolean, errorMessage: string | null): object;
  /** Data was read again after a save that sent changes (the data OnLoad event). */
  dataLoaded(state: number): void;
}

export class FormSaver {
  readonly onSave: Handler[] = [];
  readonly onPostSave: Handler[] = [];
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly parts: SaveParts) {}

  /** Saves after any save already running. @throws SaveNotDone when a handler, a notification or Dataverse stops it. */
  save(saveMode: number): Promise<void> {
    const run = this.queue.then(() => this.run(saveMode));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async run(saveMode: number): Promise<void> {
    const { record, view, strings, scripts, notice, controls } = this.parts;
    const args = new SaveEventArgs(saveMode);
    const context = this.parts.context(guardXrm(args, "executionContext.getEventArgs()"));
    for (const handler of this.parts.handlers) scripts.call(handler, context);
    for (const handler of [...this.onSave]) callAdded(handler, notice, context);
    if (args.isDefaultPrevented()) {
      view.refreshCommands();
      throw new SaveNotDone("The save was cancelled by an OnSave handler of the form.");
    }
    const blocking = controls.blocking();
    if (blocking.length > 0) {
      const fields = blocking.map((item) => `${item.label}: ${item.texts.join(" ")}`).join("; ");
      view.notifications.set(SAVE_NOTICE, "ERROR", `${strings.saveBlocked} ${fields}`);
      throw new SaveNotDone(`Fields have notifications: ${fields}`);
    }
    view.notifications.clear(SAVE_NOTICE);
    const sending = record.isDirty;
    view.showSaveState("saving");
    try {
      await record.save();
    } catch (error) {
      view.showSaveState(record.isDirty ? "unsaved" : "clean");
      view.notifications.set(SAVE_NOTICE, "ERROR", `${strings.saveFailed}: ${messageOf(error)}`);
      this.postSave(false, messageOf(error));
      throw new SaveNotDone(messageOf(error), errorCodeOf(error));
    }
    view.showRecord();
    view.showSaveState("saved");
    if (sending) this.parts.dataLoaded(DATA_LOAD_STATE.save);
    this.postSave(true, null);
  }

  private postSave(success: boolean, errorMessage: string | null): void {
    const context = this.parts.context(this.parts.postSaveArgs(success, errorMessage));
    for (const handler of [...this.onPostSave]) callAdded(handler, this.parts.notice, context);
    this.parts.view.refreshCommands();
  }
}
