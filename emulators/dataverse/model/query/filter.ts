/**
 * `$filter` with Dataverse's SQL semantics. The shared engine (emulators/odata) parses the text and evaluates each
 * comparison; this layer combines them with three-valued logic: a comparison or string function with a null
 * operand is "unknown", `not unknown` stays unknown, and only "true" selects a row. So
 * `not (estimatedvalue lt 1000)` leaves out rows whose estimatedvalue is null, as SQL Server does, while
 * `x eq null` / `x ne null` remain plain null tests (SQL's IS NULL). Strings compare case-insensitively (§4.1).
 */
import { evaluateFilter, ODataQueryError, parseFilter, type FilterExpression, type PropertyPath } from "../../../odata";
import { malformedOption } from "../errors";

/** Checks one property path of the filter (segments from the row, no lambda variable). */
export type PathCheck = (segments: readonly string[]) => void;

type Truth = boolean | null;

const dataverseStrings = { caseInsensitiveStrings: true } as const;

/**
 * Parses `text` once and returns a predicate over row views.
 * @throws DataverseError 400 for malformed text, or whatever `checkPath` throws for an unknown property.
 */
export function compileDataverseFilter(text: string, checkPath: PathCheck): (row: object) => boolean {
  let expression: FilterExpression;
  try {
    expression = parseFilter(text);
  } catch (error) {
    throw error instanceof ODataQueryError ? malformedOption(error) : error;
  }
  visitPaths(expression, checkPath);
  return (row) => truthOf(expression, row) === true;
}

function truthOf(expression: FilterExpression, row: object): Truth {
  switch (expression.type) {
    case "logical": {
      const left = truthOf(expression.left, row);
      const right = truthOf(expression.right, row);
      if (expression.operator === "and") {
        if (left === false || right === false) return false;
        return left === null || right === null ? null : true;
      }
      if (left === true || right === true) return true;
      return left === null || right === null ? null : false;
    }
    case "not": {
      const operand = truthOf(expression.operand, row);
      return operand === null ? null : !operand;
    }
    case "comparison":
      if (expression.left.type === "null" || expression.right.type === "null") {
        return evaluateFilter(expression, row, dataverseStrings);
      }
      return isNullOperand(expression.left, row) || isNullOperand(expression.right, row)
        ? null
        : evaluateFilter(expression, row, dataverseStrings);
    case "function":
      return expression.args.some((argument) => isNullOperand(argument, row))
        ? null
        : evaluateFilter(expression, row, dataverseStrings);
    case "path": {
      const value = resolve(row, expression);
      return value === null ? null : value === true;
    }
    case "lambda":
      return evaluateFilter(expression, row, dataverseStrings);
    case "boolean":
      return expression.value;
    case "null":
      return null;
    case "string":
    case "number":
    case "guid":
    case "date":
    case "dateTime":
      return false;
  }
}

/** Whether an operand evaluates to null: a missing or null property, or a case function applied to one. */
function isNullOperand(expression: FilterExpression, row: object): boolean {
  switch (expression.type) {
    case "path":
      return resolve(row, expression) === null;
    case "function":
      return (expression.name === "tolower" || expression.name === "toupper") && isNullOperand(expression.args[0], row);
    case "null":
      return true;
    default:
      return false;
  }
}

function resolve(row: object, path: PropertyPath): unknown {
  let current: unknown = row;
  for (const segment of path.segments) {
    if (typeof current !== "object" || current === null || Array.isArray(current) || !Object.hasOwn(current, segment)) {
      return null;
    }
    current = (current as Record<string, unknown>)[segment];
  }
  return current ?? null;
}

function visitPaths(expression: FilterExpression, check: PathCheck): void {
  switch (expression.type) {
    case "path":
      if (expression.variable === null) check(expression.segments);
      return;
    case "comparison":
    case "logical":
      visitPaths(expression.left, check);
      visitPaths(expression.right, check);
      return;
    case "not":
      visitPaths(expression.operand, check);
      return;
    case "function":
      for (const argument of expression.args) visitPaths(argument, check);
      return;
    case "lambda":
      // The collection is checked; paths inside the lambda start at its variable, on the related table.
      check(expression.collection.segments);
      return;
    default:
      return;
  }
}
