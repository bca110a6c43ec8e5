import type {
  CaseConversionName,
  ComparisonOperator,
  FilterExpression,
  FunctionCall,
  FunctionName,
  LiteralExpression,
} from "./ast";
import type { Token } from "./tokenizer";

const COMPARISON_OPERATORS: readonly ComparisonOperator[] = ["eq", "ne", "gt", "ge", "lt", "le"];
const RESERVED_WORDS: readonly string[] = [...COMPARISON_OPERATORS, "and", "or", "not", "true", "false", "null"];
// Valid OData that this engine does not evaluate; naming them beats a generic "unexpected token".
const UNSUPPORTED_OPERATORS: readonly string[] = ["add", "sub", "mul", "div", "divby", "mod", "has", "in"];
const FUNCTION_ARITY: Readonly<Record<FunctionName, number>> = {
  contains: 2,
  startswith: 2,
  endswith: 2,
  tolower: 1,
  toupper: 1,
};

/** Words that can never be a property name or lambda variable, so `eq` after `/` is reported, not read as a name. */
export function isReservedWord(word: string): boolean {
  return RESERVED_WORDS.includes(word);
}

export function isComparisonOperator(word: string): word is ComparisonOperator {
  return (COMPARISON_OPERATORS as readonly string[]).includes(word);
}

export function isFunctionName(name: string): name is FunctionName {
  return Object.hasOwn(FUNCTION_ARITY, name);
}

export function isCaseConversion(name: FunctionName): name is CaseConversionName {
  return name === "tolower" || name === "toupper";
}

/** The message for calling `name` with the wrong number of arguments. */
export function arityMessage(name: FunctionName, received: number): string {
  const arity = FUNCTION_ARITY[name];
  return `function '${name}' takes ${arity} argument${arity === 1 ? "" : "s"} but got ${received}`;
}

/** The call node for `name(args)`, or undefined when the number of arguments is wrong for that function. */
export function buildFunctionCall(name: FunctionName, args: readonly FilterExpression[]): FunctionCall | undefined {
  const [first, second] = args;
  if (args.length !== FUNCTION_ARITY[name] || first === undefined) return undefined;
  if (isCaseConversion(name)) return { type: "function", name, args: [first] };
  return second === undefined ? undefined : { type: "function", name, args: [first, second] };
}

/** The message for a call to a function this engine does not know, with a hint when only the letter case is off. */
export function unknownFunctionMessage(name: string): string {
  if (name === "any" || name === "all") return `'${name}' must follow a collection property, as in tags/${name}(...)`;
  const lowered = name.toLowerCase();
  if (RESERVED_WORDS.includes(lowered))
    return `'${name}' is not a function; OData keywords are lowercase ('${lowered}')`;
  if (lowered !== name && isFunctionName(lowered)) {
    return `unknown function '${name}' (function names are lowercase: '${lowered}')`;
  }
  return `unknown function '${name}'`;
}

/**
 * For a word found where an operator could follow a value, the message explaining why it cannot be used, or undefined
 * when the word should be left to the caller (which then reports a general "expected 'and', 'or'...").
 */
export function misusedOperatorMessage(word: string): string | undefined {
  const lowered = word.toLowerCase();
  if (lowered !== word && [...RESERVED_WORDS, ...UNSUPPORTED_OPERATORS].includes(lowered)) {
    return `'${word}' is not an operator; OData keywords are lowercase ('${lowered}')`;
  }
  if (UNSUPPORTED_OPERATORS.includes(word)) return `operator '${word}' is not supported`;
  return undefined;
}

/**
 * Whether an expression can stand where true or false is needed. Paths qualify because a boolean property may be
 * tested on its own (`$filter=isPrimary`); literals other than true/false and tolower()/toupper() never can.
 */
export function canBeCondition(expression: FilterExpression): boolean {
  switch (expression.type) {
    case "boolean":
    case "path":
    case "comparison":
    case "logical":
    case "not":
    case "lambda":
      return true;
    case "function":
      return !isCaseConversion(expression.name);
    case "string":
    case "number":
    case "null":
    case "guid":
    case "date":
    case "dateTime":
      return false;
  }
}

/** The literal a token stands for, or undefined when the token is not a literal. */
export function literalFromToken(token: Token): LiteralExpression | undefined {
  switch (token.kind) {
    case "string":
      return { type: "string", value: token.value };
    case "number":
      return { type: "number", value: Number(token.text), text: token.text };
    case "guid":
      return { type: "guid", value: token.text };
    case "temporal": {
      const { hasTime, instant } = token.temporal;
      return { type: hasTime ? "dateTime" : "date", text: token.text, instant };
    }
    case "identifier":
      if (token.text === "null") return { type: "null" };
      if (token.text === "true" || token.text === "false") return { type: "boolean", value: token.text === "true" };
      return undefined;
    case "punctuation":
    case "end":
      return undefined;
  }
}
