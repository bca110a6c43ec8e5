/**
 * Start-up progress, one line per part as it comes up: "✔ Dataverse emulator  http://127.0.0.1:7072 (0.3 s)". A part
 * that fails gets "✖ <part>" and the error goes on to the caller, who says what to do.
 */

export type ProgressReport = (line: string) => void;

/** Seconds with one decimal, e.g. "0.3 s". */
export function seconds(milliseconds: number): string {
  return `${(milliseconds / 1000).toFixed(1)} s`;
}

/** Runs one start-up step and reports it with the detail `describe` gives (a URL, a version…) and its duration. */
export async function step<T>(
  report: ProgressReport,
  name: string,
  work: () => Promise<T>,
  describe: (value: T) => string,
): Promise<T> {
  const started = performance.now();
  let value: T;
  try {
    value = await work();
  } catch (error) {
    report(`✖ ${name}`);
    throw error;
  }
  const detail = describe(value);
  report(`✔ ${name.padEnd(24)}${detail === "" ? "" : ` ${detail}`} (${seconds(performance.now() - started)})`);
  return value;
}
