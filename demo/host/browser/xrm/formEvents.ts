/**
 * The form definition's events (solution/definition/opportunityForm.ts) as the form runs them: the handlers of
 * OnLoad and OnSave, and of each column's OnChange, in the order the definition lists them; and the lists of
 * handlers scripts add themselves (addOnSave, addOnPostSave, data.addOnLoad), which run after those.
 */
import type { ScriptFunction } from "../../../../solution/definition/model";
import { opportunityForm } from "../../../../solution/definition/opportunityForm";

export type Handler = (...args: unknown[]) => unknown;

export function handlersOf(event: "onload" | "onsave"): ScriptFunction[] {
  return opportunityForm.events.flatMap((entry) => (entry.event === event ? [entry.handler] : []));
}

export function changeHandlersOf(column: string): ScriptFunction[] {
  return opportunityForm.events.flatMap((entry) =>
    entry.event === "onchange" && entry.column === column ? [entry.handler] : [],
  );
}

/** Adds or removes a handler of a list the scripts manage (addOnSave, removeOnPostSave...). */
export function handlerList(list: Handler[]): { add: (handler: Handler) => void; remove: (handler: Handler) => void } {
  return {
    add: (handler) => {
      if (typeof handler === "function") list.push(handler);
    },
    remove: (handler) => {
      const index = list.indexOf(handler);
      if (index >= 0) list.splice(index, 1);
    },
  };
}
