/** The schema the service uses when none is configured. */
export const DEFAULT_SCHEMA = "cosell_bridge";

/**
 * Longest schema name accepted: the queue adds "_boss" for its own schema, and pg-boss 10 refuses names over 50
 * characters.
 */
const MAX_SCHEMA_LENGTH = 45;

/**
 * Checks a schema name before it is written into SQL (identifiers cannot be bound as parameters). Lower-case letters,
 * digits and underscores only, so the name needs no quoting and reads the same in psql.
 */
export function validSchemaName(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name) || name.length > MAX_SCHEMA_LENGTH) {
    throw new Error(
      `Invalid database schema name "${name}": use 1 to ${MAX_SCHEMA_LENGTH} lower-case letters, digits or ` +
        `underscores, starting with a letter or an underscore (e.g. "${DEFAULT_SCHEMA}").`,
    );
  }
  return name;
}
