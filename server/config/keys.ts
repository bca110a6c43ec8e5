import { connectionKeys } from "./connectionKeys";
import { configSections, type KeySpec } from "./keySpec";
import { serviceKeys } from "./serviceKeys";

/** Every setting, by environment variable name. index.ts documents them in one table. */
export const configKeys = { ...serviceKeys, ...connectionKeys };

/** The environment variable name of a setting, e.g. "DATAVERSE_URL". */
export type ConfigKey = keyof typeof configKeys;

/** The parsed value type of a setting. */
export type ConfigValue<K extends ConfigKey> = (typeof configKeys)[K] extends KeySpec<infer T> ? T : never;

/** Names a configuration file path is read from when --config is not given. */
export const CONFIG_FILE_VARIABLE = "CONFIG_FILE";

/** The variable that enables the production-only refusals. */
export const NODE_ENV_VARIABLE = "NODE_ENV";

/**
 * Every setting's name, by section (in the order of configSections) and then in declaration order, so that problems,
 * the description and the help text list settings in the same order.
 */
export const allConfigKeys = (Object.keys(configKeys) as ConfigKey[]).sort(
  (left, right) => configSections.indexOf(configKeys[left].section) - configSections.indexOf(configKeys[right].section),
);

/** The spec of one setting, without its value type (for code that treats every setting alike). */
export function specOf(key: ConfigKey): KeySpec<unknown> {
  return configKeys[key];
}

/** The variable naming a file that holds a secret, e.g. "DATAVERSE_CLIENT_SECRET_FILE". */
export function secretFileVariable(key: ConfigKey): string {
  return `${key}_FILE`;
}

/** The dotted path of a setting in the configuration file, e.g. "dataverse.url". */
export function filePathOf(key: ConfigKey): string {
  const spec = specOf(key);
  return `${spec.section}.${spec.fileKey}`;
}
