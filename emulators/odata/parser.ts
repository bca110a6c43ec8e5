import type {
  FilterExpression,
  FunctionCall,
  LambdaExpression,
  LambdaOperator,
  LogicalOperator,
  NotExpression,
  PropertyPath,
} from "./ast";
import { describeFilter } from "./describe";
import type { Token } from "./tokenizer";
import { TokenStream } from "./token-stream";
import * as vocabulary from "./vocabulary";

// Deep enough for any real filter, shallow enough that a hostile one cannot overflow the call stack.
const MAX_DEPTH = 100;

/**
 * Parses `$filter` text into a typed tree. Precedence is `not` > `and` > `or`; `not` applies to a whole comparison,
 * so `not a eq 1` means `not (a eq 1)`. Keywords and function names are case-sensitive, as OData specifies.
 * @throws ODataQueryError naming the problem and its zero-based position.
 */
export function parseFilter(text: string): FilterExpression {
  return new FilterParser(new TokenStream(text, "$filter")).parseWhole();
}

class FilterParser {
  private readonly tokens: TokenStream;
  // Lambda variables in scope, innermost last: a path starting with one of them refers to the current element.
  private readonly variables: string[] = [];
  private depth = 0;

  constructor(tokens: TokenStream) {
    this.tokens = tokens;
  }

  parseWhole(): FilterExpression {
    const first = this.tokens.peek();
    if (first.kind === "end") throw this.tokens.error("the expression is empty", first.position);
    const expression = this.parseLogical("or", null);
    if (this.tokens.atPunctuation(")")) {
      throw this.tokens.error("unexpected ')' without a matching '('", this.tokens.peek().position);
    }
    if (!this.tokens.atEnd()) throw this.tokens.unexpected("expected 'and', 'or' or the end of the expression");
    this.requireCondition(expression, first.position);
    return expression;
  }

  /** `or` binds more loosely than `and`, so an `or` operand is an `and` chain and an `and` operand a `not`. */
  private parseLogical(operator: LogicalOperator, context: string | null): FilterExpression {
    const parseOperand = (operandContext: string | null): FilterExpression =>
      operator === "or" ? this.parseLogical("and", operandContext) : this.parseNot(operandContext);
    const start = this.tokens.peek().position;
    let left = parseOperand(context);
    while (this.tokens.atWord(operator)) {
      this.requireCondition(left, start);
      this.tokens.advance();
      const rightStart = this.tokens.peek().position;
      const right = parseOperand(`'${operator}'`);
      this.requireCondition(right, rightStart);
      left = { type: "logical", operator, left, right };
    }
    return left;
  }

  /** Every level of brackets, calls, lambdas and `not` passes through here, so this is where depth is limited. */
  private parseNot(context: string | null): FilterExpression {
    const start = this.tokens.peek().position;
    if (this.depth >= MAX_DEPTH) throw this.tokens.error("the expression is nested too deeply", start);
    this.depth += 1;
    const expression = this.tokens.atWord("not") ? this.parseNegation() : this.parseComparison(context);
    this.depth -= 1;
    return expression;
  }

  private parseNegation(): NotExpression {
    this.tokens.advance();
    const start = this.tokens.peek().position;
    const operand = this.parseNot("'not'");
    this.requireCondition(operand, start);
    return { type: "not", operand };
  }

  private parseComparison(context: string | null): FilterExpression {
    const left = this.parseOperand(context);
    const token = this.tokens.peek();
    if (token.kind !== "identifier" || !vocabulary.isComparisonOperator(token.text)) {
      this.rejectMisusedOperator();
      return left;
    }
    this.tokens.advance();
    const right = this.parseOperand(`'${token.text}'`);
    this.rejectMisusedOperator();
    return { type: "comparison", operator: token.text, left, right };
  }

  /** `AND` or `add` after a value would otherwise surface as a vaguer "expected 'and', 'or'..." further up. */
  private rejectMisusedOperator(): void {
    const token = this.tokens.peek();
    const misuse = token.kind === "identifier" ? vocabulary.misusedOperatorMessage(token.text) : undefined;
    if (misuse !== undefined) throw this.tokens.error(misuse, token.position);
  }

  private parseOperand(context: string | null): FilterExpression {
    const token = this.tokens.peek();
    const literal = vocabulary.literalFromToken(token);
    if (literal !== undefined) {
      this.tokens.advance();
      return literal;
    }
    if (token.kind === "punctuation" && token.text === "(") {
      this.tokens.advance();
      const inner = this.parseLogical("or", "'('");
      this.expectClosing("'('", token.position);
      return inner;
    }
    if (token.kind === "identifier" && !vocabulary.isReservedWord(token.text)) return this.parsePathOrCall();
    throw this.tokens.unexpected(context === null ? "expected a value" : `expected a value after ${context}`);
  }

  private parsePathOrCall(): FilterExpression {
    const first = this.tokens.advance();
    if (this.tokens.atPunctuation("(")) return this.parseFunctionCall(first);
    const variable = this.variables.includes(first.text) ? first.text : null;
    const segments: string[] = variable === null ? [first.text] : [];
    while (this.tokens.atPunctuation("/")) {
      this.tokens.advance();
      const segment = this.tokens.peek();
      if (segment.kind !== "identifier" || vocabulary.isReservedWord(segment.text)) {
        throw this.tokens.unexpected("expected a property name after '/'");
      }
      this.tokens.advance();
      if (this.tokens.atPunctuation("(")) {
        if (segment.text !== "any" && segment.text !== "all") {
          const problem = `'${segment.text}(' cannot follow a property path; only any() and all() can`;
          throw this.tokens.error(problem, segment.position);
        }
        return this.parseLambda(segment.text, { type: "path", variable, segments }, segment.position);
      }
      segments.push(segment.text);
    }
    return { type: "path", variable, segments };
  }

  private parseLambda(operator: LambdaOperator, collection: PropertyPath, operatorPosition: number): LambdaExpression {
    this.tokens.advance();
    if (this.tokens.atPunctuation(")")) {
      if (operator === "all") {
        throw this.tokens.error("all() needs a condition such as all(x: x eq 'a')", operatorPosition);
      }
      this.tokens.advance();
      return { type: "lambda", operator, collection, body: null };
    }
    const variableToken = this.tokens.peek();
    if (variableToken.kind !== "identifier" || vocabulary.isReservedWord(variableToken.text)) {
      throw this.tokens.unexpected(`expected a variable name after '${operator}('`);
    }
    const variable = variableToken.text;
    if (this.variables.includes(variable)) {
      throw this.tokens.error(`lambda variable '${variable}' is already in use`, variableToken.position);
    }
    this.tokens.advance();
    this.tokens.expect(":", `expected ':' after '${variable}'`);
    this.variables.push(variable);
    const start = this.tokens.peek().position;
    const predicate = this.parseLogical("or", "':'");
    this.requireCondition(predicate, start);
    this.variables.pop();
    this.expectClosing(`'${operator}('`, operatorPosition);
    return { type: "lambda", operator, collection, body: { variable, predicate } };
  }

  private parseFunctionCall(nameToken: Token): FunctionCall {
    const name = nameToken.text;
    if (!vocabulary.isFunctionName(name)) {
      throw this.tokens.error(vocabulary.unknownFunctionMessage(name), nameToken.position);
    }
    this.tokens.advance();
    const args: FilterExpression[] = [];
    if (!this.tokens.atPunctuation(")")) {
      args.push(this.parseLogical("or", `'${name}('`));
      while (this.tokens.atPunctuation(",")) {
        this.tokens.advance();
        args.push(this.parseLogical("or", "','"));
      }
    }
    this.tokens.expect(")", `the '${name}(' at position ${nameToken.position} is not closed: expected ',' or ')'`);
    const call = vocabulary.buildFunctionCall(name, args);
    if (call === undefined) throw this.tokens.error(vocabulary.arityMessage(name, args.length), nameToken.position);
    return call;
  }

  private expectClosing(what: string, openedAt: number): void {
    this.tokens.expect(")", `the ${what} at position ${openedAt} is not closed: expected ')'`);
  }

  private requireCondition(expression: FilterExpression, position: number): void {
    if (!vocabulary.canBeCondition(expression)) {
      throw this.tokens.error(`expected a condition but found the value ${describeFilter(expression)}`, position);
    }
  }
}
