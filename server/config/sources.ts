/**
 * Finds the text of one setting, by precedence: the environment variable (or, for a secret, the file its `*_FILE`
 * variable names), then the configuration file, then the default. The environment wins so that one file can serve
 * several deployments that differ in a few variables.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { ConfigFileValues } from "./configFile";
import { filePathOf, secretFileVariable, specOf, type ConfigKey } from "./keys";
import type { ConfigProblem, ValueOrigin } from "./types";

/** The environment, as process.env or a test's object. */
export type Environment = Readonly<Record<string, string | undefined>>;

/** The text of a setting, where it came from, and the key that problems with it are reported under. */
export interface RawSetting {
  readonly text: string;
  readonly origin: ValueOrigin;
  readonly label: string;
}

/** Everything a setting may be read from. */
export interface SettingSources {
  readonly env: Environment;
  readonly fileValues: ConfigFileValues;
  /** Folder that a relative `*_FILE` path is resolved against. */
  readonly cwd: string;
}

/** A variable's value with surrounding whitespace removed; blank counts as unset (an empty line of an .env file). */
export function readVariable(env: Environment, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === "" ? undefined : value;
}

function readSecretFile(key: ConfigKey, path: string, cwd: string, problems: ConfigProblem[]): RawSetting | "failed" {
  const label = secretFileVariable(key);
  let text: string;
  try {
    // Editors and `echo` end files with a newline that is not part of the secret.
    text = readFileSync(resolve(cwd, path), "utf8").replace(/(?:\r?\n)+$/, "");
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    problems.push({ key: label, message: `cannot read the secret file: ${reason}.` });
    return "failed";
  }
  if (text === "") {
    problems.push({ key: label, message: `names an empty file. Expected ${specOf(key).expected}.` });
    return "failed";
  }
  return { text, origin: "env-file", label };
}

function findSecret(
  key: ConfigKey,
  sources: SettingSources,
  problems: ConfigProblem[],
): RawSetting | "unset" | "failed" {
  // A secret is used exactly as given: surrounding whitespace is reported by the parser rather than silently cut.
  const direct = sources.env[key];
  const fromEnv = direct === undefined || direct.trim() === "" ? undefined : direct;
  const path = readVariable(sources.env, secretFileVariable(key));
  if (fromEnv !== undefined && path !== undefined) {
    problems.push({ key, message: `and ${secretFileVariable(key)} are both set; keep only one of them.` });
    return "failed";
  }
  if (path !== undefined) return readSecretFile(key, path, sources.cwd, problems);
  return fromEnv === undefined ? "unset" : { text: fromEnv, origin: "env", label: key };
}

/**
 * The text of setting `key`, "unset" when no source has it, or "failed" when a problem was already recorded (two
 * sources of one secret, an unreadable secret file) and the setting should not also be reported as missing.
 */
export function findRawSetting(
  key: ConfigKey,
  sources: SettingSources,
  problems: ConfigProblem[],
): RawSetting | "unset" | "failed" {
  const spec = specOf(key);
  if (spec.secret === true) return findSecret(key, sources, problems);
  const fromEnv = readVariable(sources.env, key);
  if (fromEnv !== undefined) return { text: fromEnv, origin: "env", label: key };
  const fromFile = sources.fileValues.get(key)?.trim();
  if (fromFile !== undefined && fromFile !== "") {
    return { text: fromFile, origin: "file", label: `file: ${filePathOf(key)}` };
  }
  if (spec.defaultValue !== undefined) return { text: spec.defaultValue, origin: "default", label: key };
  return "unset";
}
