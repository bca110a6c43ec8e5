/**
 * The optional JSON configuration file: `{ "server": { "port": 3978 }, "dataverse": { "url": "…" }, … }`, one object
 * per section, keys as in index.ts. Values become text for the same parsers the environment goes through. Secrets
 * are refused by name (a file gets copied, committed and attached to tickets), and so are unknown keys, because a
 * misspelt key would otherwise be silently ignored and its default used.
 */
import { readFileSync } from "node:fs";
import { configSections, type FileValueType } from "./keySpec";
import { allConfigKeys, filePathOf, secretFileVariable, specOf, type ConfigKey } from "./keys";
import type { ConfigProblem } from "./types";

/** The settings found in the file, as text, by environment variable name. */
export type ConfigFileValues = ReadonlyMap<ConfigKey, string>;

const keysByFilePath = new Map(allConfigKeys.map((key) => [filePathOf(key), key]));

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The parser's reason with a line and column instead of an offset. V8 sometimes quotes part of the text (`Unexpected
 * token 'k', ..."Token": fak"... is not valid JSON`); the quote is cut off, because the text may hold a secret that
 * should not be there, and any reason still holding a double quote is replaced rather than trusted.
 */
function describeJsonError(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const reason = message.split(/,\s*(?:\.\.\.)?"/)[0] ?? "";
  if (reason === "" || reason.includes('"')) return "the text is not valid JSON";
  const position = /in JSON at position (\d+)/.exec(reason);
  if (position?.[1] === undefined) return reason;
  const before = text.slice(0, Number(position[1])).split("\n");
  return reason.replace(position[0], `at line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`);
}

const typeExpectations: Record<FileValueType, string> = {
  text: "a JSON string",
  integer: "a number or a string of digits",
  boolean: "true or false",
  duration: 'a number of minutes or a string such as "90s"',
  list: "an array of strings or a comma-separated string",
};

/** A file value as the text the environment would hold, or undefined when its JSON type does not fit. */
function asText(value: unknown, type: FileValueType): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" && (type === "integer" || type === "duration")) return String(value);
  if (typeof value === "boolean" && type === "boolean") return String(value);
  if (Array.isArray(value) && type === "list" && value.every((item) => typeof item === "string")) {
    return value.join(",");
  }
  return undefined;
}

function readSection(section: string, body: unknown, values: Map<ConfigKey, string>, problems: ConfigProblem[]) {
  if (!isPlainObject(body)) {
    problems.push({ key: `file: ${section}`, message: 'must be an object of settings, e.g. { "port": 3978 }.' });
    return;
  }
  for (const [fileKey, value] of Object.entries(body)) {
    const path = `${section}.${fileKey}`;
    const key = keysByFilePath.get(path);
    if (key === undefined) {
      const known = allConfigKeys.filter((candidate) => specOf(candidate).section === section);
      const names = known.map((candidate) => specOf(candidate).fileKey).join(", ");
      problems.push({ key: `file: ${path}`, message: `is not a known setting. Known keys of ${section}: ${names}.` });
      continue;
    }
    const spec = specOf(key);
    if (spec.secret === true) {
      problems.push({
        key: `file: ${path}`,
        message:
          "is a secret, and secrets are not read from the configuration file. " +
          `Remove it and set ${key} or ${secretFileVariable(key)} in the environment.`,
      });
      continue;
    }
    // null is how JSON templates leave a setting unset.
    if (value === null) continue;
    const text = asText(value, spec.fileType);
    if (text === undefined) {
      problems.push({
        key: `file: ${path}`,
        message: `must be ${typeExpectations[spec.fileType]}. Expected ${spec.expected}.`,
      });
    } else {
      values.set(key, text);
    }
  }
}

/**
 * Reads the configuration file at `path` (absolute). `namedBy` is what pointed at it ("--config" or "CONFIG_FILE"),
 * the key of problems about the file as a whole. Problems are appended; the values found are returned even when some
 * keys were wrong, so that every problem is reported in one run.
 */
export function readConfigFile(path: string, namedBy: string, problems: ConfigProblem[]): ConfigFileValues {
  const values = new Map<ConfigKey, string>();
  let text: string;
  try {
    text = readFileSync(path, "utf8").replace(/^\uFEFF/, "");
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    problems.push({ key: namedBy, message: `cannot read the configuration file: ${reason}.` });
    return values;
  }
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (error) {
    problems.push({ key: namedBy, message: `${path} is not valid JSON: ${describeJsonError(error, text)}.` });
    return values;
  }
  if (!isPlainObject(root)) {
    problems.push({
      key: namedBy,
      message: `${path} must hold a JSON object with sections ${configSections.join(", ")}.`,
    });
    return values;
  }
  for (const [section, body] of Object.entries(root)) {
    if (section === "$schema") continue;
    if ((configSections as readonly string[]).includes(section)) {
      readSection(section, body, values, problems);
    } else {
      problems.push({
        key: `file: ${section}`,
        message: `is not a known section. Sections: ${configSections.join(", ")}.`,
      });
    }
  }
  return values;
}
