import { ODataQueryError, type QueryOption } from "./errors";
import { tokenize, type Punctuation, type Token } from "./tokenizer";

/** A cursor over the tokens of one query option, with the helpers both parsers need to report errors uniformly. */
export class TokenStream {
  private readonly tokens: readonly Token[];
  private readonly endToken: Token;
  private index = 0;
  readonly option: QueryOption;

  constructor(text: string, option: QueryOption) {
    this.tokens = tokenize(text, option);
    this.option = option;
    this.endToken = this.tokens[this.tokens.length - 1] ?? { kind: "end", text: "", position: text.length };
  }

  /** The current token; at the end this keeps returning the `end` token. */
  peek(): Token {
    return this.tokens[this.index] ?? this.endToken;
  }

  /** Returns the current token and moves past it (never past `end`). */
  advance(): Token {
    const token = this.peek();
    if (token.kind !== "end") this.index += 1;
    return token;
  }

  /** True when the current token is the identifier `word`, matched case-sensitively as OData requires. */
  atWord(word: string): boolean {
    const token = this.peek();
    return token.kind === "identifier" && token.text === word;
  }

  atPunctuation(punctuation: Punctuation): boolean {
    const token = this.peek();
    return token.kind === "punctuation" && token.text === punctuation;
  }

  /** Moves past `punctuation`, or throws `expected` (naming what was found) when something else is there. */
  expect(punctuation: Punctuation, expected: string): Token {
    if (!this.atPunctuation(punctuation)) throw this.unexpected(expected);
    return this.advance();
  }

  atEnd(): boolean {
    return this.peek().kind === "end";
  }

  /** Builds the error to throw for a problem at `position`. */
  error(detail: string, position: number): ODataQueryError {
    return new ODataQueryError(this.option, detail, position);
  }

  /** An error saying what was expected, naming what was found instead unless the text simply ran out. */
  unexpected(expected: string, token: Token = this.peek()): ODataQueryError {
    const found = token.kind === "end" ? "" : ` but found ${describeToken(token)}`;
    return this.error(`${expected}${found}`, token.position);
  }
}

/** How a token is named in messages: `'eq'`, `string 'abc'`, `end of input`. */
export function describeToken(token: Token): string {
  if (token.kind === "end") return "end of input";
  if (token.kind === "string") return `string ${token.text}`;
  return `'${token.text}'`;
}
