/**
 * Reads `environmentvariabledefinitions/<schemaname>/environmentvariablevalues.json`, the current value a solution
 * carries for its environment variable (component type 381, shared/reference/toolchain.md §4). Exports write
 * `{"environmentvariablevalues":{"environmentvariablevalue": {...}}}` with one object, or a list of them; each has
 * `value` and may repeat `schemaname` and give `environmentvariablevalueid`.
 */
import type { EnvironmentVariableValue } from "./componentModel";
import { normalizeGuid, type ReadContext } from "./elementReader";

const utf8 = new TextDecoder("utf-8", { fatal: true });

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function parseJson(bytes: Uint8Array, context: ReadContext): unknown {
  try {
    return JSON.parse(utf8.decode(bytes)) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    context.findings.problem(
      "InvalidComponent",
      context.part,
      `The values file is not valid UTF-8 JSON (${reason}). Fix it.`,
    );
    return undefined;
  }
}

/** The value in one JSON object, or what is wrong with it (continuing "The value of the environment variable …"). */
function readValue(item: unknown, folder: string): EnvironmentVariableValue | string {
  if (!isRecord(item)) return "is not a JSON object.";
  const { value, schemaname: schemaName, environmentvariablevalueid: rawId } = item;
  if (typeof value !== "string") return 'has no "value" text. Give the value as a string.';
  if (schemaName !== undefined && schemaName !== folder) {
    return `names the schema name ${JSON.stringify(schemaName)}, not the folder's '${folder}'. Make them agree.`;
  }
  const id = typeof rawId === "string" ? normalizeGuid(rawId) : undefined;
  if (rawId !== undefined && id === undefined) return 'has an "environmentvariablevalueid" that is not a GUID.';
  return { schemaName: folder, value, id };
}

/** The values in one values file; problems are recorded against that file. */
export function readValuesFile(folder: string, bytes: Uint8Array, context: ReadContext): EnvironmentVariableValue[] {
  const parsed = parseJson(bytes, context);
  if (parsed === undefined) return [];
  const container = isRecord(parsed) ? parsed.environmentvariablevalues : undefined;
  const items = isRecord(container) ? container.environmentvariablevalue : undefined;
  if (items === undefined) {
    context.findings.problem(
      "InvalidComponent",
      context.part,
      'The values file must look like {"environmentvariablevalues":{"environmentvariablevalue":{"value":"…"}}}.',
    );
    return [];
  }
  const values: EnvironmentVariableValue[] = [];
  for (const item of Array.isArray(items) ? (items as unknown[]) : [items]) {
    const value = readValue(item, folder);
    if (typeof value !== "string") values.push(value);
    else
      context.findings.problem(
        "InvalidComponent",
        context.part,
        `The value of the environment variable '${folder}' ${value}`,
      );
  }
  if (values.length > 1) {
    context.findings.problem(
      "InvalidComponent",
      context.part,
      `The environment variable '${folder}' has more than one value; it can have one.`,
    );
  }
  return values;
}
