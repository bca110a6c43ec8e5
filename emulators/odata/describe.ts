import type { FilterExpression, PropertyPath } from "./ast";

// Binding strength of each node kind when printed; a child binding more weakly than its position needs gets brackets.
const OR_LEVEL = 1;
const AND_LEVEL = 2;
const NOT_LEVEL = 3;
const COMPARISON_LEVEL = 4;
const PRIMARY_LEVEL = 5;

/**
 * Prints a parsed filter back as canonical `$filter` text: single spaces, `contains(a, 'b')`, `t: ...` in lambdas and
 * only the parentheses the structure needs. Parsing the result gives back an equal tree.
 */
export function describeFilter(expression: FilterExpression): string {
  switch (expression.type) {
    case "string":
      return `'${expression.value.replaceAll("'", "''")}'`;
    case "number":
    case "date":
    case "dateTime":
      return expression.text;
    case "boolean":
      return expression.value ? "true" : "false";
    case "null":
      return "null";
    case "guid":
      return expression.value;
    case "path":
      return describePath(expression);
    case "comparison":
      return `${wrap(expression.left, PRIMARY_LEVEL)} ${expression.operator} ${wrap(expression.right, PRIMARY_LEVEL)}`;
    case "logical": {
      const level = expression.operator === "and" ? AND_LEVEL : OR_LEVEL;
      // The parser groups left to right, so a right operand of the same strength keeps its brackets.
      return `${wrap(expression.left, level)} ${expression.operator} ${wrap(expression.right, level + 1)}`;
    }
    case "not":
      // Brackets around a comparison are not required (`not a eq 1` parses the same) but read far less ambiguously.
      return `not ${wrap(expression.operand, expression.operand.type === "not" ? NOT_LEVEL : PRIMARY_LEVEL)}`;
    case "function":
      return `${expression.name}(${expression.args.map(describeFilter).join(", ")})`;
    case "lambda": {
      const collection = describePath(expression.collection);
      if (expression.body === null) return `${collection}/any()`;
      const { variable, predicate } = expression.body;
      return `${collection}/${expression.operator}(${variable}: ${describeFilter(predicate)})`;
    }
  }
}

function describePath(path: PropertyPath): string {
  const parts = path.variable === null ? path.segments : [path.variable, ...path.segments];
  return parts.join("/");
}

function wrap(expression: FilterExpression, minimumLevel: number): string {
  const text = describeFilter(expression);
  return levelOf(expression) < minimumLevel ? `(${text})` : text;
}

function levelOf(expression: FilterExpression): number {
  switch (expression.type) {
    case "logical":
      return expression.operator === "and" ? AND_LEVEL : OR_LEVEL;
    case "not":
      return NOT_LEVEL;
    case "comparison":
      return COMPARISON_LEVEL;
    case "string":
    case "number":
    case "boolean":
    case "null":
    case "guid":
    case "date":
    case "dateTime":
    case "path":
    case "function":
    case "lambda":
      return PRIMARY_LEVEL;
  }
}
