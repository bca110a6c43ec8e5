/**
 * Shows a verdict on the form. A problem about an opportunity column the form holds goes on that column's control;
 * every other problem (the account's country, the contact, the outcome) goes in one form notification, since the
 * seller can't fix it in a control here. A control notification blocks saving in Dynamics, which is what a refusal
 * means; so that it can never outlive its cause, the scripts re-validate when that column changes.
 */
import type { FieldMapping } from "../../core/mapping/fields";
import type { Language } from "../i18n/strings";
import { attributeOf } from "./formValues";
import { NOTICE, clearNotice, notify, LEVEL } from "./notices";
import type { Verdict } from "./validation";

export type DisplayMode = "change" | "save";

function standardControl(form: Xrm.FormContext, name: string): Xrm.Controls.StandardControl | null {
  const control = form.getControl(name) as Partial<Xrm.Controls.StandardControl> | null | undefined;
  return typeof control?.setNotification === "function" ? (control as Xrm.Controls.StandardControl) : null;
}

export interface ValidationDisplay {
  clear(form: Xrm.FormContext): void;
  show(
    form: Xrm.FormContext,
    verdict: Verdict,
    mapping: FieldMapping | null,
    language: Language,
    mode: DisplayMode,
  ): void;
}

/**
 * `revalidate` runs when a column that carries a notification changes. `watched` outlives this display: the Unified
 * Interface may keep a record's attributes across form loads, and a handler must not be added twice.
 */
export function validationDisplay(
  revalidate: Xrm.Events.ContextSensitiveHandler,
  watched: WeakSet<Xrm.Attributes.Attribute>,
): ValidationDisplay {
  /** The columns whose controls carry a notification of ours. */
  const marked = new Set<string>();

  function clear(form: Xrm.FormContext): void {
    for (const name of marked) standardControl(form, name)?.clearNotification(NOTICE.validation);
    marked.clear();
    clearNotice(form, NOTICE.validation);
  }

  function watch(form: Xrm.FormContext, name: string): void {
    const attribute = attributeOf(form, name);
    if (attribute === null || watched.has(attribute)) return;
    attribute.addOnChange(revalidate);
    watched.add(attribute);
  }

  function show(
    form: Xrm.FormContext,
    verdict: Verdict,
    mapping: FieldMapping | null,
    language: Language,
    mode: DisplayMode,
  ): void {
    clear(form);
    switch (verdict.kind) {
      case "off":
        return;
      case "notSent":
        notify(form, NOTICE.validation, LEVEL.info, language.say("coSellOnly"));
        return;
      case "mappingInvalid":
        notify(form, NOTICE.validation, LEVEL.warning, language.say("mappingInvalid", verdict.errors.join(" ")));
        return;
      case "checked":
        break;
    }
    if (verdict.problems.length === 0 || mapping === null) return;

    const byControl = new Map<string, string[]>();
    const elsewhere: string[] = [];
    for (const problem of verdict.problems) {
      const text = language.problem(problem);
      const entry = mapping[problem.field];
      const name = entry.table === "opportunity" && entry.kind !== "outcome" ? entry.column : null;
      if (name !== null && standardControl(form, name) !== null)
        byControl.set(name, [...(byControl.get(name) ?? []), text]);
      else elsewhere.push(text);
    }
    for (const [name, texts] of byControl) {
      standardControl(form, name)?.setNotification(texts.join(" "), NOTICE.validation);
      marked.add(name);
      watch(form, name);
    }
    if (mode === "save") {
      const all = verdict.problems.map((problem) => language.problem(problem));
      notify(form, NOTICE.validation, LEVEL.error, language.say("saveRefused", all.join(" ")));
    } else if (elsewhere.length > 0) {
      notify(form, NOTICE.validation, LEVEL.warning, language.say("wouldRefuse", elsewhere.join(" ")));
    }
  }

  return { clear, show };
}
