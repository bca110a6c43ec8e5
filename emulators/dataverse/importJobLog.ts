/**
 * The import log an import job keeps in its `data` column: an XML document with the solution's manifest and the
 * result, in the spirit of the platform's `importexportxml` log (its exact schema is not documented), so that a
 * failed import can be read back from the import job as well as from its system job.
 */
import type { ImportResult } from "./import";

/** How an asynchronous import ended. */
export interface ImportOutcome {
  readonly uniqueName?: string | undefined;
  readonly version?: string;
  readonly result?: ImportResult;
  /** The problem that stopped the import; undefined when it succeeded. */
  readonly failure?: string;
}

/** The XML of the import log. */
export function importLogOf(outcome: ImportOutcome): string {
  const manifest = [
    outcome.uniqueName === undefined ? "" : `<UniqueName>${escaped(outcome.uniqueName)}</UniqueName>`,
    outcome.version === undefined ? "" : `<Version>${escaped(outcome.version)}</Version>`,
  ].join("");
  const result =
    outcome.failure === undefined
      ? `<result result="success" errorcode="0" errortext="" />`
      : `<result result="failure" errorcode="0x80048033" errortext="${escaped(outcome.failure)}" />`;
  const components =
    outcome.result === undefined
      ? ""
      : `<components>${Object.entries(outcome.result.counts)
          .map(
            ([kind, { created, updated, unchanged }]) =>
              `<component type="${kind}" created="${created}" updated="${updated}" unchanged="${unchanged}" />`,
          )
          .join("")}</components>`;
  return (
    `<importexportxml><solutionManifests><solutionManifest>${manifest}${result}</solutionManifest>` +
    `</solutionManifests>${components}</importexportxml>`
  );
}

function escaped(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("\n", "&#10;");
}
