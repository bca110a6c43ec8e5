/**
 * Refusals of the in-memory organization, shaped like the Web API's error body (dataverse.md §4.4):
 * `{"error":{"code":"<hex code>","message":"..."}}`. The HTTP layer answers `httpStatus` with `body` unchanged.
 */

/**
 * Platform error codes. Confirmed by dataverse.md or by the brief: concurrencyVersionMismatch (§4.2),
 * propertyNotFound. The others are the platform's codes as recalled from the published error-code list and are
 * UNCONFIRMED in the reference: clients should match on the HTTP status first.
 */
export const ErrorCode = {
  /** "Could not find a property named 'x' on type 'Microsoft.Dynamics.CRM.y'", also for bad query options. */
  propertyNotFound: "0x80060888",
  /** "Resource not found for the segment 'x'": an unknown entity set or table. */
  resourceNotFound: "0x8006088a",
  /** If-Match with a row version on a table whose IsOptimisticConcurrencyEnabled is false (§4.2). */
  optimisticConcurrencyNotEnabled: "0x80060893",
  /** §4.2: If-Match with a stale `W/"n"`. */
  concurrencyVersionMismatch: "0x80060882",
  /** §4.4 DuplicateRecord: If-None-Match `*` on an existing row, or a create with a taken id. */
  duplicateRecord: "0x80040237",
  /** §4.2: "<table> With Id = <id> Does Not Exist". */
  objectDoesNotExist: "0x80040217",
  /** A body that can't be read: wrong JSON type for a column, bad @odata.bind, direct lookup writes. */
  payloadError: "0x80048d19",
  stringTooLong: "0x80044331",
  outOfRange: "0x8004431a",
  invalidArgument: "0x80040203",
  userDisabled: "0x80040225",
  /** The acting user doesn't exist in this organization. */
  userNotInOrganization: "0x80072560",
} as const;

export type ErrorCodeValue = (typeof ErrorCode)[keyof typeof ErrorCode];

/** The JSON body of a Web API error. */
export interface DataverseErrorBody {
  error: { code: string; message: string };
}

/** A refusal: what the HTTP layer should answer, with which status and body. */
export class DataverseError extends Error {
  readonly httpStatus: number;
  readonly code: ErrorCodeValue;

  constructor(httpStatus: number, code: ErrorCodeValue, message: string) {
    super(message);
    this.name = "DataverseError";
    this.httpStatus = httpStatus;
    this.code = code;
  }

  get body(): DataverseErrorBody {
    return { error: { code: this.code, message: this.message } };
  }
}

/** 400: a property the table's type doesn't have, in a body, `$select`, `$filter` or `$orderby`. */
export function propertyNotFound(table: string, property: string): DataverseError {
  return new DataverseError(
    400,
    ErrorCode.propertyNotFound,
    `Could not find a property named '${property}' on type 'Microsoft.Dynamics.CRM.${table}'.`,
  );
}

/** 404: an entity set or table that doesn't exist. */
export function resourceNotFound(segment: string): DataverseError {
  return new DataverseError(404, ErrorCode.resourceNotFound, `Resource not found for the segment '${segment}'.`);
}

/** 404 with the documented message shape (§4.2): `account With Id = <id> Does Not Exist`. */
export function recordNotFound(table: string, id: string): DataverseError {
  return new DataverseError(404, ErrorCode.objectDoesNotExist, `${table} With Id = ${id} Does Not Exist`);
}

/** 412 with the documented message (§4.2). */
export function concurrencyMismatch(): DataverseError {
  return new DataverseError(
    412,
    ErrorCode.concurrencyVersionMismatch,
    "The version of the existing record doesn't match the RowVersion property provided.",
  );
}

/** 412 with the documented message (§4.2, If-None-Match `*`). */
export function duplicateRecord(): DataverseError {
  return new DataverseError(412, ErrorCode.duplicateRecord, "A record with matching key values already exists.");
}

/** 400 for a body member that can't be read as its column's type. */
export function payloadError(message: string): DataverseError {
  return new DataverseError(400, ErrorCode.payloadError, message);
}

/** 400 for a request that breaks a rule of the platform (state changes, required columns, bad arguments). */
export function invalidArgument(message: string): DataverseError {
  return new DataverseError(400, ErrorCode.invalidArgument, message);
}

/** 400 for `$filter` or `$orderby` text the shared OData parser can't read, pointing at the position. */
export function malformedOption(error: { option: string; detail: string; position: number }): DataverseError {
  return invalidQuery(`The query parameter ${error.option} is invalid: ${error.detail} at position ${error.position}.`);
}

/** 400 for malformed query options such as `$top`, `$expand` or a skip token. */
export function invalidQuery(message: string): DataverseError {
  return new DataverseError(400, ErrorCode.propertyNotFound, message);
}
