/**
 * context.parameters as the form builds them for the CoSellPanel: one property per bound column with its raw value
 * (the form's current, possibly unsaved value), the formatted text, field security, and the column's metadata; plus
 * the syncEndpointUrl input. A column the user may not read (masked) has no value, as on the platform.
 */
import type { PageOptions } from "../shared/pageOptions";
import { BOUND_PROPERTIES, SYNC_ENDPOINT_PROPERTY, type BoundProperty } from "./boundProperties";
import type { ColumnMetadata } from "./columnMetadata";
import { formattedOf } from "./columnValues";
import type { FormRecord } from "./formRecord";

type Property = ComponentFramework.PropertyTypes.Property;

export interface ParameterSources {
  readonly record: FormRecord;
  readonly metadata: ReadonlyMap<string, ColumnMetadata>;
  readonly options: PageOptions;
  /** The user's locale for formatted values, e.g. "ru-RU". */
  readonly locale: string;
  readonly syncEndpointUrl: string | null;
}

export function buildParameters(sources: ParameterSources): Record<string, Property> {
  const parameters: Record<string, Property> = {};
  for (const property of BOUND_PROPERTIES) parameters[property.name] = boundParameter(property, sources);
  const url = sources.syncEndpointUrl;
  parameters[SYNC_ENDPOINT_PROPERTY] = {
    raw: url,
    formatted: url ?? "",
    type: "SingleLine.Text",
    error: false,
    errorMessage: "",
  };
  return parameters;
}

/** Whether the control may change a property: readable, editable and the form not disabled. */
export function isEditable(property: BoundProperty, options: PageOptions): boolean {
  return (
    !options.disabled &&
    property.output &&
    !options.masked.includes(property.name) &&
    !options.readOnly.includes(property.name)
  );
}

function boundParameter(property: BoundProperty, sources: ParameterSources): Property {
  const { options, metadata, record } = sources;
  const column = metadata.get(property.column);
  const readable = !options.masked.includes(property.name);
  const editable = readable && !options.readOnly.includes(property.name);
  const secured = !readable || !editable;
  const raw = readable ? record.value(property) : null;
  const labels = new Map((column?.options ?? []).map((option) => [option.Value, option.Label]));
  const hasOptions = property.type === "TwoOptions" || property.type.endsWith("OptionSet");
  return {
    raw,
    formatted: readable ? formattedOf(property.type, raw, labels, sources.locale, record.currencyCode) : "",
    type: property.type,
    error: false,
    errorMessage: "",
    security: { readable, editable, secured },
    attributes: {
      DisplayName: column?.displayName ?? property.column,
      LogicalName: property.column,
      RequiredLevel: column?.requiredLevel ?? 0,
      IsSecured: secured,
      SourceType: 0,
      Description: "",
      ...(hasOptions
        ? { Options: column?.options ?? [], DefaultValue: property.type === "TwoOptions" ? false : -1 }
        : {}),
    } as ComponentFramework.PropertyHelper.FieldPropertyMetadata.Metadata,
  };
}
