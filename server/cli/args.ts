/**
 * Argument parsing for the commands, on node:util parseArgs in strict mode: an unknown option or a missing value is a
 * UsageError that names it, so a typo never runs a command with defaults the user didn't ask for.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "./command";

type Options = NonNullable<ParseArgsConfig["options"]>;

export interface ParsedArguments<T extends Options> {
  readonly values: ReturnType<typeof parseArgs<{ options: T; strict: true; allowPositionals: true }>>["values"];
  readonly positionals: string[];
  readonly help: boolean;
}

const helpOption = { help: { type: "boolean", short: "h" } } as const;

export function parseCommandArguments<T extends Options>(
  argv: readonly string[],
  options: T,
  maxPositionals = 0,
): ParsedArguments<T> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: { ...options, ...helpOption },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const help = (parsed.values as Record<string, unknown>).help === true;
  if (!help && parsed.positionals.length > maxPositionals) {
    throw new UsageError(`unexpected argument '${parsed.positionals[maxPositionals] ?? ""}'`);
  }
  return { values: parsed.values, positionals: parsed.positionals, help };
}

/** A positive whole number option, or a UsageError naming the option. */
export function positiveInteger(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1) throw new UsageError(`--${name} needs a whole number of 1 or more`);
  return value;
}
