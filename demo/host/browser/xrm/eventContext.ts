/**
 * The execution context a form event passes to each of its handlers ("pass execution context as first parameter"),
 * and the event arguments of OnLoad, OnSave and OnPostSave. One context per event occurrence, shared by its handlers
 * (so shared variables travel between them), as on the platform
 * (https://learn.microsoft.com/power-apps/developer/model-driven-apps/clientapi/clientapi-execution-context).
 */
import { guardXrm } from "./xrmGuard";

export interface ContextParts {
  readonly formContext: object;
  /** The attribute of an OnChange, the form's entity for OnLoad and OnSave. */
  readonly source: object;
  /** Null for OnChange, as on the platform. */
  readonly eventArgs: object | null;
  readonly globalContext: object;
}

export function eventContext(parts: ContextParts): object {
  const shared = new Map<string, unknown>();
  return guardXrm(
    {
      getFormContext: () => parts.formContext,
      getEventSource: () => parts.source,
      getEventArgs: () => parts.eventArgs,
      getContext: () => parts.globalContext,
      getDepth: () => 0,
      getSharedVariable: (key: string) => shared.get(key),
      setSharedVariable: (key: string, value: unknown) => {
        shared.set(key, value);
      },
    },
    "executionContext",
  );
}

/** XrmEnum.FormDataLoadState: why data loaded. */
export const DATA_LOAD_STATE = { initial: 1, save: 2, refresh: 3 } as const;

export function loadEventArgs(state: number): object {
  return guardXrm({ getDataLoadState: () => state }, "executionContext.getEventArgs()");
}

/**
 * OnSave's arguments: preventDefault cancels the save but the remaining handlers still run
 * (https://learn.microsoft.com/power-apps/developer/model-driven-apps/clientapi/reference/save-event-arguments/preventdefault).
 */
export class SaveEventArgs {
  private prevented = false;

  constructor(private readonly saveMode: number) {}

  getSaveMode(): number {
    return this.saveMode;
  }

  preventDefault(): void {
    this.prevented = true;
  }

  isDefaultPrevented(): boolean {
    return this.prevented;
  }
}

export function postSaveEventArgs(success: boolean, reference: object, errorMessage: string | null): object {
  return guardXrm(
    {
      getIsSaveSuccess: () => success,
      getEntityReference: () => reference,
      getSaveErrorInfo: () => (errorMessage === null ? null : { message: errorMessage }),
    },
    "executionContext.getEventArgs()",
  );
}
