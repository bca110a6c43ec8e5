/**
 * The form context the web resources get (executionContext.getFormContext(), and PrimaryControl for commands), over
 * the form's record: data.entity, data.save/refresh, getAttribute/getControl and ui's form notifications, with the
 * form definition's events wired (solution/definition/opportunityForm.ts): OnLoad once the record is loaded, OnChange
 * of its columns, OnSave on every save. Members outside this subset are reported (xrmGuard.ts).
 */
import { opportunityForm } from "../../../../solution/definition/opportunityForm";
import type { PageOptions } from "../../shared/pageOptions";
import { OPPORTUNITY_LIST_URL } from "../formFrame";
import { FORM_COLUMNS } from "../formColumns";
import type { FormRecord } from "../formRecord";
import type { HostStrings } from "../hostStrings";
import { reportError } from "../hostConsole";
import type { NotificationLevel } from "../notificationBar";
import { DATA_LOAD_STATE, eventContext, loadEventArgs, postSaveEventArgs } from "./eventContext";
import { FormAttributes } from "./formAttributes";
import { changeHandlersOf, handlerList, handlersOf, type Handler } from "./formEvents";
import { FormControls } from "./formControls";
import { FormSaver, SAVE_MODE } from "./formSave";
import type { FormView } from "./formView";
import { callAdded, type ScriptFailureNotice, type ScriptFunctions } from "./scriptFunctions";
import { guardXrm } from "./xrmGuard";

export interface XrmFormParts {
  readonly record: FormRecord;
  readonly options: PageOptions;
  readonly strings: HostStrings;
  readonly view: FormView;
  readonly scripts: ScriptFunctions;
  readonly notice: ScriptFailureNotice;
  readonly globalContext: object;
}

const LEVELS: readonly NotificationLevel[] = ["ERROR", "WARNING", "INFO"];

export class XrmForm {
  /** What the scripts get: executionContext.getFormContext() and the commands' PrimaryControl. */
  readonly formContext: object;
  readonly attributes: FormAttributes;
  readonly controls: FormControls;
  private readonly saver: FormSaver;
  private readonly entity: object;
  private readonly dataOnLoad: Handler[] = [];

  constructor(private readonly parts: XrmFormParts) {
    const { record, view, scripts, notice } = parts;
    this.attributes = new FormAttributes(FORM_COLUMNS, changeHandlersOf, {
      record,
      options: parts.options,
      scripts,
      notice,
      scriptChanged: (columns) => {
        view.showChanges(columns, true);
      },
      changeContext: (attribute) => this.context(attribute, null),
    });
    this.controls = new FormControls(
      FORM_COLUMNS,
      (column) => this.attributes.get(column),
      (column, text) => {
        view.showControlNotification(column, text);
      },
    );
    this.saver = new FormSaver({
      record,
      view,
      strings: parts.strings,
      scripts,
      notice,
      controls: this.controls,
      handlers: handlersOf("onsave"),
      context: (eventArgs) => this.context(this.entity, eventArgs),
      postSaveArgs: (success, errorMessage) => postSaveEventArgs(success, this.reference(), errorMessage),
      dataLoaded: (state) => {
        this.runDataOnLoad(state);
      },
    });
    const onSave = handlerList(this.saver.onSave);
    const onPostSave = handlerList(this.saver.onPostSave);
    const onDataLoad = handlerList(this.dataOnLoad);
    this.entity = guardXrm(
      {
        getId: () => `{${record.id.toUpperCase()}}`,
        getEntityName: () => opportunityForm.table,
        getIsDirty: () => record.isDirty,
        getPrimaryAttributeValue: () => this.primaryName(),
        getEntityReference: () => this.reference(),
        save: (saveMode?: string) => {
          this.save(saveMode === "saveandclose" ? SAVE_MODE.saveAndClose : SAVE_MODE.save).catch(() => undefined);
        },
        addOnSave: onSave.add,
        removeOnSave: onSave.remove,
        addOnPostSave: onPostSave.add,
        removeOnPostSave: onPostSave.remove,
      },
      "formContext.data.entity",
    );
    const data = guardXrm(
      {
        entity: this.entity,
        getIsDirty: () => record.isDirty,
        save: () => this.save(SAVE_MODE.save),
        refresh: (save?: boolean) => this.refresh(save === true),
        addOnLoad: onDataLoad.add,
        removeOnLoad: onDataLoad.remove,
      },
      "formContext.data",
    );
    const ui = guardXrm(
      {
        setFormNotification: (message: string, level: string, uniqueId: string) =>
          this.notify(message, level, uniqueId),
        clearFormNotification: (uniqueId: string) => view.notifications.clear(`script:${uniqueId}`),
        refreshRibbon: () => {
          view.refreshCommands();
        },
        close: () => {
          window.location.assign(OPPORTUNITY_LIST_URL);
        },
        getFormType: () => 2,
      },
      "formContext.ui",
    );
    this.formContext = guardXrm(
      {
        data,
        ui,
        getAttribute: (name?: unknown) =>
          typeof name === "string" ? this.attributes.get(name) : this.attributes.all(),
        getControl: (name?: unknown) => (typeof name === "string" ? this.controls.get(name) : this.controls.all()),
      },
      "formContext",
    );
  }

  /** The form has loaded its record: run the form's OnLoad handlers, then data OnLoad. */
  runOnLoad(): void {
    const context = this.context(this.entity, loadEventArgs(DATA_LOAD_STATE.initial));
    for (const handler of handlersOf("onload")) this.parts.scripts.call(handler, context);
    this.runDataOnLoad(DATA_LOAD_STATE.initial);
    this.parts.view.refreshCommands();
  }

  /** The seller (in a field) or the control changed these columns, already in the record: show them, fire OnChange. */
  changed(columns: readonly string[], byControl: boolean): void {
    if (columns.length === 0) return;
    this.parts.view.showChanges(columns, !byControl);
    this.attributes.fireOnChange(columns);
    this.parts.view.refreshCommands();
  }

  /** @throws SaveNotDone when it did not save. */
  save(saveMode: number): Promise<void> {
    return this.saver.save(saveMode);
  }

  /** Reads the record again (saving first when asked), then runs data OnLoad. */
  async refresh(save: boolean): Promise<void> {
    if (save) await this.save(SAVE_MODE.save);
    await this.parts.record.load();
    this.parts.view.showRecord();
    this.parts.view.showSaveState("clean");
    this.runDataOnLoad(DATA_LOAD_STATE.refresh);
    this.parts.view.refreshCommands();
  }

  private runDataOnLoad(state: number): void {
    const context = this.context(this.entity, loadEventArgs(state));
    for (const handler of [...this.dataOnLoad]) callAdded(handler, this.parts.notice, context);
  }

  private notify(message: string, level: string, uniqueId: string): boolean {
    const known = LEVELS.find((candidate) => candidate === level);
    if (known === undefined) {
      reportError(`setFormNotification: level must be ERROR, WARNING or INFO; got ${JSON.stringify(level)}.`);
      return false;
    }
    this.parts.view.notifications.set(`script:${uniqueId}`, known, message);
    return true;
  }

  private context(source: object, eventArgs: object | null): object {
    return eventContext({ formContext: this.formContext, source, eventArgs, globalContext: this.parts.globalContext });
  }

  private primaryName(): string {
    const name = this.parts.record.savedValue({ column: "name", type: "SingleLine.Text" });
    return typeof name === "string" ? name : "";
  }

  private reference(): object {
    return {
      id: `{${this.parts.record.id.toUpperCase()}}`,
      entityType: opportunityForm.table,
      name: this.primaryName(),
    };
  }
}
