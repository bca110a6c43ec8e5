/**
 * PGlite's first start in an empty folder runs initdb in WebAssembly: about 6 s on this machine, most of a PGlite
 * stack's start-up. The e2e stacks start from a copy of an initialised folder instead: the same template, at the same
 * place and built the same way, as test/server/store/testDatabases.ts (one per PGlite version, in the temp folder),
 * so the test suite keeps one template, not two. The service's own schema and migrations still run on every copy.
 */
import { existsSync, readFileSync } from "node:fs";
import { cp, mkdtemp, rename, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";

/**
 * server/store/pgliteDatabase.ts keeps PGlite's files in this subfolder of DATA_DIR; should that change, the copy is
 * simply not used and PGlite initialises the folder itself.
 */
const PGLITE_SUBFOLDER = "pglite";

async function templateFolder(): Promise<string> {
  const { version } = JSON.parse(
    readFileSync(join("node_modules", "@electric-sql", "pglite", "package.json"), "utf8"),
  ) as { version: string };
  const template = join(tmpdir(), `cosell-bridge-pglite-template-${version}`);
  if (existsSync(join(template, "PG_VERSION"))) return template;
  // Built under a name of its own, then renamed: a concurrent worker sees the whole folder or none.
  const build = await mkdtemp(join(tmpdir(), "cosell-bridge-pglite-build-"));
  const pglite = await PGlite.create(build);
  await pglite.close();
  try {
    await rename(build, template);
  } catch {
    await rm(build, { recursive: true, force: true });
  }
  return template;
}

/** A fresh data folder holding an initialised, empty PGlite database. */
export async function preparedPgliteFolder(): Promise<string> {
  const template = await templateFolder();
  const dataDir = await mkdtemp(join(tmpdir(), "cosell-stack-"));
  await cp(template, join(dataDir, PGLITE_SUBFOLDER), { recursive: true });
  return dataDir;
}
