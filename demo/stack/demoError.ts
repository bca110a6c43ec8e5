/** A start-up failure the person running `npm start` can act on: what went wrong, and what to do about it. */
export class DemoStartError extends Error {
  override readonly name = "DemoStartError";

  constructor(
    message: string,
    readonly whatToDo: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** The message of anything thrown. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
