/**
 * The first step of reading a snapshot, the same in both emulators: JSON text (from a file or a request) or an already
 * parsed value, as a JSON object. The emulator names the error, so a refusal stays its own SnapshotError.
 */

/**
 * `input` as a JSON object: text is parsed, anything else taken as already parsed. `origin` names the input in
 * messages (a file path, or "snapshot").
 * @throws what `refuse` builds, when the text is not JSON or the value is not an object.
 */
export function jsonObjectOf(
  input: unknown,
  origin: string,
  refuse: (message: string) => Error,
): Record<string, unknown> {
  let value: unknown = input;
  if (typeof input === "string") {
    try {
      value = JSON.parse(input);
    } catch (error) {
      throw refuse(`${origin} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw refuse(`${origin} must be a JSON object`);
  }
  return value as Record<string, unknown>;
}
