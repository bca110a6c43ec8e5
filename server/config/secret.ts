import { inspect } from "node:util";

/** What a secret looks like wherever it is converted to text by accident. */
const HIDDEN = "[secret]";

/**
 * A secret value (client secret, refresh token, webhook key, database URL with a password). The value is reachable
 * only through reveal(), so that logging the configuration, JSON.stringify or util.inspect never prints it: the
 * code that needs the value has to ask for it by name.
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
    Object.freeze(this);
  }

  /** The secret itself, for the one call that sends it (a token request, a key comparison, a database driver). */
  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return HIDDEN;
  }

  toJSON(): string {
    return HIDDEN;
  }

  [inspect.custom](): string {
    return HIDDEN;
  }
}
