/** The query option whose text was being read, so a message points at the right part of the URL. */
export type QueryOption = "$filter" | "$orderby";

/**
 * Thrown for malformed `$filter` or `$orderby` text. Emulators turn it into an HTTP 400, so the message has to tell a
 * caller what is wrong and where without a stack trace: `$filter: expected a value after 'eq' at position 9`.
 * Positions are zero-based character offsets into the option's text.
 */
export class ODataQueryError extends Error {
  readonly option: QueryOption;
  readonly detail: string;
  readonly position: number;

  constructor(option: QueryOption, detail: string, position: number) {
    super(`${option}: ${detail} at position ${position}`);
    this.name = "ODataQueryError";
    this.option = option;
    this.detail = detail;
    this.position = position;
  }
}
