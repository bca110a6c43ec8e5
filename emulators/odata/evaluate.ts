import type {
  CaseConversionCall,
  FilterExpression,
  FunctionCall,
  LambdaExpression,
  PropertyPath,
  StringPredicateCall,
} from "./ast";
import { asText, compareValues, type ComparisonOptions } from "./compare";
import { parseFilter } from "./parser";
import { fromJson, NULL_VALUE, resolvePath, type RuntimeValue } from "./values";

/** Options for evaluating a filter. `caseInsensitiveStrings` makes eq, ordering and contains() ignore case. */
export type FilterOptions = ComparisonOptions;

// Lambda variables form a chain so a nested lambda sees the outer one's element without copying a map per element.
interface Binding {
  readonly name: string;
  readonly value: unknown;
  readonly outer: Binding | null;
}

interface Scope {
  readonly root: unknown;
  readonly bindings: Binding | null;
  readonly options: FilterOptions;
}

/**
 * Tells whether `record` matches a parsed filter. Missing properties are null; comparisons between values that
 * cannot be compared are false; a value used as a condition counts only when it is the boolean `true`.
 * Logic is two-valued: `not (x eq 1)` matches a record whose x is null.
 */
export function evaluateFilter(expression: FilterExpression, record: unknown, options: FilterOptions = {}): boolean {
  return isTrue(expression, { root: record, bindings: null, options });
}

/**
 * Parses `text` once and returns a predicate for `Array.prototype.filter`.
 * @throws ODataQueryError when the text is malformed (at compile time, never from the predicate).
 */
export function compileFilter(text: string, options: FilterOptions = {}): (record: unknown) => boolean {
  const expression = parseFilter(text);
  return (record) => evaluateFilter(expression, record, options);
}

function isTrue(expression: FilterExpression, scope: Scope): boolean {
  switch (expression.type) {
    case "logical":
      return expression.operator === "and"
        ? isTrue(expression.left, scope) && isTrue(expression.right, scope)
        : isTrue(expression.left, scope) || isTrue(expression.right, scope);
    case "not":
      return !isTrue(expression.operand, scope);
    case "comparison":
      return compareValues(
        expression.operator,
        valueOf(expression.left, scope),
        valueOf(expression.right, scope),
        scope.options,
      );
    case "lambda":
      return evaluateLambda(expression, scope);
    case "function":
    case "path":
    case "boolean":
    case "string":
    case "number":
    case "null":
    case "guid":
    case "date":
    case "dateTime": {
      const value = valueOf(expression, scope);
      return value.kind === "boolean" && value.value;
    }
  }
}

function valueOf(expression: FilterExpression, scope: Scope): RuntimeValue {
  switch (expression.type) {
    case "string":
      return { kind: "string", value: expression.value };
    case "number":
      return { kind: "number", value: expression.value };
    case "boolean":
      return { kind: "boolean", value: expression.value };
    case "null":
      return NULL_VALUE;
    case "guid":
      return { kind: "guid", value: expression.value };
    case "date":
    case "dateTime":
      return { kind: "instant", value: expression.instant };
    case "path":
      return fromJson(resolveInScope(expression, scope));
    case "function":
      return callFunction(expression, scope);
    case "comparison":
    case "logical":
    case "not":
    case "lambda":
      return { kind: "boolean", value: isTrue(expression, scope) };
  }
}

function resolveInScope(path: PropertyPath, scope: Scope): unknown {
  if (path.variable === null) return resolvePath(scope.root, path.segments);
  let binding = scope.bindings;
  while (binding !== null && binding.name !== path.variable) binding = binding.outer;
  // The parser only produces variables that an enclosing lambda declared, so a miss cannot happen for parsed trees.
  return binding === null ? null : resolvePath(binding.value, path.segments);
}

function evaluateLambda(expression: LambdaExpression, scope: Scope): boolean {
  const collection = resolveInScope(expression.collection, scope);
  if (!Array.isArray(collection)) return false;
  const { body } = expression;
  if (body === null) return collection.length > 0;
  const matches = (element: unknown): boolean =>
    isTrue(body.predicate, { ...scope, bindings: { name: body.variable, value: element, outer: scope.bindings } });
  return expression.operator === "any" ? collection.some(matches) : collection.every(matches);
}

function callFunction(expression: FunctionCall, scope: Scope): RuntimeValue {
  switch (expression.name) {
    case "tolower":
    case "toupper":
      return convertCase(expression, scope);
    case "contains":
    case "startswith":
    case "endswith":
      return { kind: "boolean", value: evaluateStringPredicate(expression, scope) };
  }
}

function evaluateStringPredicate(expression: StringPredicateCall, scope: Scope): boolean {
  const [subjectExpression, searchExpression] = expression.args;
  let subject = asText(valueOf(subjectExpression, scope));
  let search = asText(valueOf(searchExpression, scope));
  if (subject === undefined || search === undefined) return false;
  if (scope.options.caseInsensitiveStrings === true) {
    subject = subject.toLowerCase();
    search = search.toLowerCase();
  }
  switch (expression.name) {
    case "contains":
      return subject.includes(search);
    case "startswith":
      return subject.startsWith(search);
    case "endswith":
      return subject.endsWith(search);
  }
}

function convertCase(expression: CaseConversionCall, scope: Scope): RuntimeValue {
  const text = asText(valueOf(expression.args[0], scope));
  if (text === undefined) return NULL_VALUE;
  return { kind: "string", value: expression.name === "tolower" ? text.toLowerCase() : text.toUpperCase() };
}
