import { sectionTitles } from "./describe";
import { configSections, type KeySpec } from "./keySpec";
import { allConfigKeys, filePathOf, secretFileVariable, specOf } from "./keys";

function requirement(spec: KeySpec<unknown>): string {
  if (spec.required === true) return "required";
  if (spec.defaultValue !== undefined) return `default ${spec.defaultValue}`;
  if (spec.derivedDefault !== undefined) return `default ${spec.derivedDefault}`;
  return "optional";
}

/**
 * The reference of every setting, generated from the same declarations the loader uses, so it cannot drift: what
 * `cosell-bridge config check --help` prints and what the failure hint of `config check` points to.
 */
export function describeConfigKeys(): string {
  const lines = [
    "Settings come from environment variables; an optional JSON file (--config <path> or CONFIG_FILE) may hold the",
    "non-secret ones in sections, and the environment overrides it. A secret X may instead be read from the file",
    "named by X_FILE (trailing newlines are ignored). NODE_ENV=production refuses emulator-only relaxations.",
  ];
  for (const section of configSections) {
    lines.push("", `${sectionTitles[section]} (file section "${section}")`);
    for (const key of allConfigKeys.filter((candidate) => specOf(candidate).section === section)) {
      const spec = specOf(key);
      const where =
        spec.secret === true ? `or ${secretFileVariable(key)}; never in the file` : `file ${filePathOf(key)}`;
      lines.push(`  ${key}  (${where})  ${requirement(spec)}`, `      ${spec.expected}`);
    }
  }
  return lines.join("\n");
}
