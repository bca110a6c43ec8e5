import type { Parser } from "./values";

/** The sections of the configuration file, which are also the groups of describeConfig. */
export const configSections = ["server", "storage", "dataverse", "partnerCenter", "formApi", "sync", "queue"] as const;
export type ConfigSection = (typeof configSections)[number];

/**
 * The JSON shape a value may take in the configuration file. Every value is turned into text and read by the same
 * parser as the environment variable, so the two sources can never disagree about what is valid.
 */
export type FileValueType = "text" | "integer" | "boolean" | "duration" | "list";

/** Everything the loader, the messages and the help text need to know about one setting. */
export interface KeySpec<T> {
  readonly section: ConfigSection;
  /** The key inside its section of the configuration file. For secrets it exists only to refuse them by name. */
  readonly fileKey: string;
  readonly fileType: FileValueType;
  readonly parse: Parser<T>;
  /** What a valid value is, with an example; completes "Expected …" in problem messages and the help text. */
  readonly expected: string;
  /** Secrets come only from the environment or their `*_FILE` variable and are never printed. */
  readonly secret?: true;
  readonly required?: true;
  /** Default as text, read by `parse` like any other value. */
  readonly defaultValue?: string;
  /** For a default computed from other settings: how to describe it. */
  readonly derivedDefault?: string;
}

/** Declares a setting; exists so that TypeScript infers the value type T from the parser. */
export function defineKey<T>(spec: KeySpec<T>): KeySpec<T> {
  return spec;
}
