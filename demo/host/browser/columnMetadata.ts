/**
 * The column metadata the platform hands a control in `parameters.<property>.attributes`: display name, required
 * level and, for choice and yes/no columns, their options with labels, read from EntityDefinitions through the
 * Web API (a choice's options come with the typed cast segment and $expand=OptionSet).
 */
import type { BoundProperty, PropertyType } from "./boundProperties";
import { callWebApi } from "./dataverseClient";

export interface ColumnOption {
  readonly Label: string;
  readonly Value: number;
  readonly Color: string;
}

export interface ColumnMetadata {
  readonly logicalName: string;
  readonly displayName: string;
  /** PCF's RequiredLevel: 0 none, 1 system required, 2 application required, 3 recommended. */
  readonly requiredLevel: number;
  readonly options: readonly ColumnOption[];
}

interface LabelJson {
  readonly UserLocalizedLabel?: { readonly Label?: unknown } | null;
}
interface OptionJson {
  readonly Value?: unknown;
  readonly Label?: LabelJson;
  readonly Color?: unknown;
}
interface AttributeJson {
  readonly LogicalName?: unknown;
  readonly DisplayName?: LabelJson;
  readonly RequiredLevel?: { readonly Value?: unknown };
  readonly OptionSet?: {
    readonly Options?: readonly OptionJson[];
    readonly TrueOption?: OptionJson;
    readonly FalseOption?: OptionJson;
  } | null;
}

const REQUIRED_LEVELS: Readonly<Record<string, number>> = {
  None: 0,
  SystemRequired: 1,
  ApplicationRequired: 2,
  Recommended: 3,
};

const OPTION_METADATA_TYPES: Partial<Record<PropertyType, string>> = {
  TwoOptions: "BooleanAttributeMetadata",
  OptionSet: "PicklistAttributeMetadata",
  MultiSelectOptionSet: "MultiSelectPicklistAttributeMetadata",
};

/** Metadata of the bound columns of `table`, by column logical name. */
export async function loadColumnMetadata(
  table: string,
  properties: readonly BoundProperty[],
): Promise<Map<string, ColumnMetadata>> {
  const base = `EntityDefinitions(LogicalName='${table}')/Attributes`;
  const listing = callWebApi("GET", `${base}?$select=LogicalName,DisplayName,RequiredLevel`);
  const withOptions = properties.flatMap((property) => {
    const cast = OPTION_METADATA_TYPES[property.type];
    if (cast === undefined) return [];
    const path = `${base}(LogicalName='${property.column}')/Microsoft.Dynamics.CRM.${cast}?$expand=OptionSet`;
    return [callWebApi("GET", path).then((answer) => answer.body as AttributeJson)];
  });
  const attributes = ((await listing).body?.value ?? []) as AttributeJson[];
  const optionsByColumn = new Map((await Promise.all(withOptions)).map((json) => [json.LogicalName, optionsOf(json)]));
  const metadata = new Map<string, ColumnMetadata>();
  for (const property of properties) {
    const json = attributes.find((attribute) => attribute.LogicalName === property.column);
    if (json === undefined) {
      throw new Error(`The ${table} table has no column ${property.column}: import the CoSellBridge solution first.`);
    }
    metadata.set(property.column, {
      logicalName: property.column,
      displayName: labelOf(json.DisplayName) ?? property.column,
      requiredLevel: REQUIRED_LEVELS[String(json.RequiredLevel?.Value)] ?? 0,
      options: optionsByColumn.get(property.column) ?? [],
    });
  }
  return metadata;
}

function optionsOf(json: AttributeJson): ColumnOption[] {
  const set = json.OptionSet;
  if (set === undefined || set === null) return [];
  const options = set.Options ?? [set.FalseOption, set.TrueOption].filter((option) => option !== undefined);
  return options.flatMap((option) =>
    typeof option.Value === "number"
      ? [
          {
            Value: option.Value,
            Label: labelOf(option.Label) ?? String(option.Value),
            Color: typeof option.Color === "string" ? option.Color : "",
          },
        ]
      : [],
  );
}

function labelOf(label: LabelJson | undefined): string | undefined {
  const text = label?.UserLocalizedLabel?.Label;
  return typeof text === "string" ? text : undefined;
}
