/**
 * Builders for column definitions with the platform's defaults (lengths, ranges, labels), so that table definitions
 * and solution import state only what differs.
 */
import type {
  BooleanColumn,
  ChoiceColumn,
  ChoiceOption,
  DateTimeBehavior,
  DateTimeColumn,
  IdColumn,
  LookupColumnSpec,
  LookupTargetSpec,
  NumberColumn,
  OptionSource,
  RequiredLevel,
  StringColumn,
  StringFormat,
} from "./types";

/** What every builder accepts. */
export interface ColumnOptions {
  readonly displayName?: string;
  readonly requiredLevel?: RequiredLevel;
  readonly isCustom?: boolean;
  /** Filled by the platform: valid neither for create nor for update. */
  readonly readOnly?: boolean;
  /** Settable on create only, such as environmentvariabledefinition.schemaname (§4.5: "not updatable"). */
  readonly createOnly?: boolean;
  readonly isValidForRead?: boolean;
}

interface NumberOptions extends ColumnOptions {
  readonly precision?: number;
  readonly minValue?: number;
  readonly maxValue?: number;
}

type ChoiceSource = OptionSource | readonly ChoiceOption[];

// Ranges of the platform's column types; BigInt stops at the largest integer JSON numbers carry exactly.
const integerRange = { minValue: -2_147_483_648, maxValue: 2_147_483_647 };
const bigIntRange = { minValue: -Number.MAX_SAFE_INTEGER, maxValue: Number.MAX_SAFE_INTEGER };
const decimalRange = { minValue: -100_000_000_000, maxValue: 100_000_000_000 };
const moneyRange = { minValue: -922_337_203_685_477, maxValue: 922_337_203_685_477 };

function base(logicalName: string, options: ColumnOptions) {
  const writable = options.readOnly !== true;
  return {
    logicalName,
    displayName: options.displayName ?? logicalName,
    requiredLevel: options.requiredLevel ?? "None",
    isCustom: options.isCustom ?? false,
    isValidForCreate: writable,
    isValidForUpdate: writable && options.createOnly !== true,
    isValidForRead: options.isValidForRead ?? true,
  };
}

function numberColumn(
  type: NumberColumn["type"],
  logicalName: string,
  options: NumberOptions,
  defaults: { precision: number; minValue: number; maxValue: number },
): NumberColumn {
  return {
    ...base(logicalName, options),
    type,
    precision: options.precision ?? defaults.precision,
    minValue: options.minValue ?? defaults.minValue,
    maxValue: options.maxValue ?? defaults.maxValue,
  };
}

function choiceColumn(
  type: ChoiceColumn["type"],
  logicalName: string,
  source: ChoiceSource,
  options: ColumnOptions & { readonly defaultValue?: number | null },
): ChoiceColumn {
  const optionSource: OptionSource = Array.isArray(source) ? { local: source } : (source as OptionSource);
  return { ...base(logicalName, options), type, options: optionSource, defaultValue: options.defaultValue ?? null };
}

/** Choice options from a value → label map (values ascending, negative ones last, as object keys go). */
export function options(labels: Readonly<Record<number, string>>): ChoiceOption[] {
  return Object.entries(labels).map(([value, label]) => ({ value: Number(value), label }));
}

/** Column builders named after the maker portal's data types. */
export const column = {
  string(
    logicalName: string,
    options: ColumnOptions & { readonly maxLength?: number; readonly format?: StringFormat } = {},
  ): StringColumn {
    return {
      ...base(logicalName, options),
      type: "String",
      maxLength: options.maxLength ?? 100,
      format: options.format ?? "Text",
    };
  },
  memo(logicalName: string, options: ColumnOptions & { readonly maxLength?: number } = {}): StringColumn {
    return { ...base(logicalName, options), type: "Memo", maxLength: options.maxLength ?? 2000, format: "Text" };
  },
  integer(logicalName: string, options: NumberOptions = {}): NumberColumn {
    return numberColumn("Integer", logicalName, { ...options, precision: 0 }, { precision: 0, ...integerRange });
  },
  bigInt(logicalName: string, options: NumberOptions = {}): NumberColumn {
    return numberColumn("BigInt", logicalName, { ...options, precision: 0 }, { precision: 0, ...bigIntRange });
  },
  decimal(logicalName: string, options: NumberOptions = {}): NumberColumn {
    return numberColumn("Decimal", logicalName, options, { precision: 2, ...decimalRange });
  },
  money(logicalName: string, options: NumberOptions = {}): NumberColumn {
    return numberColumn("Money", logicalName, options, { precision: 2, ...moneyRange });
  },
  boolean(
    logicalName: string,
    options: ColumnOptions & {
      readonly trueLabel?: string;
      readonly falseLabel?: string;
      readonly defaultValue?: boolean | null;
    } = {},
  ): BooleanColumn {
    return {
      ...base(logicalName, options),
      type: "Boolean",
      trueLabel: options.trueLabel ?? "Yes",
      falseLabel: options.falseLabel ?? "No",
      defaultValue: options.defaultValue === undefined ? false : options.defaultValue,
    };
  },
  dateTime(
    logicalName: string,
    options: ColumnOptions & { readonly behavior?: DateTimeBehavior } = {},
  ): DateTimeColumn {
    return { ...base(logicalName, options), type: "DateTime", behavior: options.behavior ?? "UserLocal" };
  },
  dateOnly(logicalName: string, options: ColumnOptions = {}): DateTimeColumn {
    return { ...base(logicalName, options), type: "DateTime", behavior: "DateOnly" };
  },
  choice(
    logicalName: string,
    source: ChoiceSource,
    options: ColumnOptions & { readonly defaultValue?: number | null } = {},
  ): ChoiceColumn {
    return choiceColumn("Picklist", logicalName, source, options);
  },
  multiChoice(logicalName: string, source: ChoiceSource, options: ColumnOptions = {}): ChoiceColumn {
    return choiceColumn("MultiSelectPicklist", logicalName, source, options);
  },
  state(logicalName: string, states: readonly ChoiceOption[], options: ColumnOptions = {}): ChoiceColumn {
    return choiceColumn("State", logicalName, states, { ...options, defaultValue: states[0]?.value ?? null });
  },
  status(logicalName: string, statuses: readonly ChoiceOption[], options: ColumnOptions = {}): ChoiceColumn {
    return choiceColumn("Status", logicalName, statuses, options);
  },
  lookup(
    logicalName: string,
    targets: readonly (string | LookupTargetSpec)[],
    options: ColumnOptions = {},
  ): LookupColumnSpec {
    const specs = targets.map((target) => (typeof target === "string" ? { table: target } : target));
    return { ...base(logicalName, options), type: "Lookup", targets: specs };
  },
  uniqueidentifier(logicalName: string, options: ColumnOptions = {}): IdColumn {
    return { ...base(logicalName, options), type: "Uniqueidentifier" };
  },
};
