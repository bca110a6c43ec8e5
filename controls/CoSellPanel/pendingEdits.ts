/**
 * The seller's changes between notifyOutputChanged and the form reporting them back. The form applies getOutputs()
 * to the bound columns and calls updateView again; until it does, the panel shows the change, so a click is never
 * lost. Once the column's value moves (to this change, or to another one a form script made), the form's value wins.
 */
import { columnOfSolutionIds } from "../../core";
import type { IOutputs } from "./generated/ManifestTypes";

export interface EditableValues {
  readonly syncWithPartnerCenter: boolean;
  readonly microsoftHelp: readonly number[];
  readonly shareWithMicrosoft: boolean;
  readonly products: readonly string[];
}

export type EditableField = keyof EditableValues;

interface Edit {
  readonly value: EditableValues[EditableField];
  /** The form's value when the seller made the change, to see when the form has moved on. */
  readonly formValueThen: string;
}

export class PendingEdits {
  private readonly edits = new Map<EditableField, Edit>();

  public record<F extends EditableField>(field: F, value: EditableValues[F], formValueNow: EditableValues[F]): void {
    this.edits.set(field, { value, formValueThen: fingerprint(formValueNow) });
  }

  /** The form's values with the changes it has not reported back yet; forgets the changes it has. */
  public apply(formValues: EditableValues): EditableValues {
    const shown: Record<string, unknown> = { ...formValues };
    this.edits.forEach((edit, field) => {
      if (fingerprint(formValues[field]) === edit.formValueThen) shown[field] = edit.value;
      else this.edits.delete(field);
    });
    return shown as unknown as EditableValues;
  }

  /**
   * What getOutputs() returns: only the changed fields. An empty choice goes out as [] and empty products as "",
   * since the generated IOutputs types have no null.
   */
  public outputs(): IOutputs {
    const outputs: IOutputs = {};
    this.edits.forEach(({ value }, field) => {
      if (field === "products") outputs.products = columnOfSolutionIds(value as readonly string[]) ?? "";
      else if (field === "microsoftHelp") outputs.microsoftHelp = [...(value as readonly number[])];
      else outputs[field] = value as boolean;
    });
    return outputs;
  }
}

function fingerprint(value: EditableValues[EditableField]): string {
  return JSON.stringify(value);
}
