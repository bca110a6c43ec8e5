/**
 * Reads one JSON object of an environment profile key by key, collecting a problem per bad, missing or unknown key
 * (named by its path, e.g. `dataverse.clientId`) instead of stopping at the first, so that an admin fixes a profile
 * in one pass. Problems never quote the value: someone may have pasted a secret into the wrong key.
 */
import type { Parser } from "../config/values";

export interface ProfileProblem {
  /** The key's path, e.g. "dataverse.url"; "(file)" for the file as a whole. */
  readonly key: string;
  readonly message: string;
}

type JsonObject = Readonly<Record<string, unknown>>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Keys that look like a secret's value: the profile holds the names of variables, never the secrets. */
const SECRET_KEYS = /secret|password|key$|token/i;

export class ProfileReader {
  private readonly seen = new Set<string>();

  constructor(
    private readonly object: JsonObject,
    private readonly path: string,
    private readonly problems: ProfileProblem[],
  ) {}

  private keyPath(key: string): string {
    return this.path === "" ? key : `${this.path}.${key}`;
  }

  problem(key: string, message: string): void {
    this.problems.push({ key: this.keyPath(key), message });
  }

  /** A string parsed by `parse`; `fallback` when absent (undefined: required). */
  text<T>(key: string, parse: Parser<T>, expected: string, fallback?: T): T | undefined {
    this.seen.add(key);
    const value = this.object[key];
    if (value === undefined) {
      if (fallback === undefined) this.problem(key, `is missing: give ${expected}`);
      return fallback;
    }
    if (typeof value !== "string" || value.trim() === "") {
      this.problem(key, `must be a non-empty string: ${expected}`);
      return undefined;
    }
    const parsed = parse(value.trim());
    if (parsed.ok) return parsed.value;
    this.problem(key, `${parsed.reason} (expected ${expected})`);
    return undefined;
  }

  boolean(key: string, fallback: boolean): boolean {
    this.seen.add(key);
    const value = this.object[key];
    if (value === undefined) return fallback;
    if (typeof value === "boolean") return value;
    this.problem(key, "must be true or false (without quotes)");
    return fallback;
  }

  /** A whole number from min to max. */
  integer(key: string, min: number, max: number, fallback: number): number {
    this.seen.add(key);
    const value = this.object[key];
    if (value === undefined) return fallback;
    if (typeof value === "number" && Number.isInteger(value) && value >= min && value <= max) return value;
    this.problem(key, `must be a whole number from ${min} to ${max}`);
    return fallback;
  }

  /** A nested object's reader; null when absent and optional (or when it is not an object: reported). */
  section(key: string, required: boolean): ProfileReader | null {
    this.seen.add(key);
    const value = this.object[key];
    if (value === undefined) {
      if (required) this.problem(key, "is missing: it must be an object { ... }");
      return null;
    }
    if (!isJsonObject(value)) {
      this.problem(key, "must be an object { ... }");
      return null;
    }
    return new ProfileReader(value, this.keyPath(key), this.problems);
  }

  /** The raw entries of a nested object whose keys are data (environment variable names). */
  entries(key: string): [string, unknown][] {
    this.seen.add(key);
    const value = this.object[key];
    if (value === undefined) return [];
    if (!isJsonObject(value)) {
      this.problem(key, 'must be an object such as { "csb_SyncCoSellOnly": "no" }');
      return [];
    }
    return Object.entries(value);
  }

  /** Reports every key that was never read; `$comment` keys are free text for the admin. */
  finish(): void {
    for (const key of Object.keys(this.object)) {
      if (this.seen.has(key) || key === "$comment" || key === "$schema") continue;
      this.problem(
        key,
        SECRET_KEYS.test(key)
          ? "is not a profile key. Secrets never go in a profile: put the secret in an environment variable and " +
              "name that variable in the matching ...Variable key"
          : "is not a profile key (misspelt?); docs/admin-guide.md lists every key",
      );
    }
  }
}
