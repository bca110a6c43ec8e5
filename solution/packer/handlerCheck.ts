/**
 * Checks that every function the form, the command bar and the view call exists in the built script its library
 * names. Dataverse only finds out when a seller opens the form ("CoSellBridge.Opportunity.onLoad is not a function"),
 * so the packer loads each script alone in an isolated node:vm context, as a browser would load it (its globals on
 * `window`), and looks each dotted name up: a function that only another script defines counts as missing. Nothing
 * of the script runs beyond its top level: no handler is called.
 */
import { runInNewContext } from "node:vm";
import type { ScriptFunction } from "../definition/model";
import type { PackProblems } from "./packError";

const loadTimeoutMs = 2_000;

/** A bare browser-like global: the script may register itself on window, top or self, and may log. */
function browserLikeGlobal(): Record<string, unknown> {
  const global: Record<string, unknown> = {
    console: { log: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
    setTimeout: () => 0,
    clearTimeout: () => undefined,
  };
  global.window = global;
  global.self = global;
  global.top = global;
  global.parent = global;
  global.globalThis = global;
  return global;
}

function lookUp(root: Record<string, unknown>, dottedName: string): unknown {
  let current: unknown = root;
  for (const segment of dottedName.split(".")) {
    if ((typeof current !== "object" && typeof current !== "function") || current === null) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/** Records one problem listing the functions `library` lacks, or why it couldn't be loaded. */
export function checkScriptFunctions(
  library: string,
  script: Uint8Array,
  functions: readonly ScriptFunction[],
  problems: PackProblems,
): void {
  const wanted = functions.filter((candidate) => candidate.library === library).map((call) => call.functionName);
  if (wanted.length === 0) return;
  const global = browserLikeGlobal();
  try {
    runInNewContext(Buffer.from(script).toString("utf8"), global, { filename: library, timeout: loadTimeoutMs });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    problems.add(
      `The built ${library} fails when loaded (${reason}), so its handlers can't be checked: fix the web ` +
        "resources' build (a script must only define its functions when it loads).",
    );
    return;
  }
  const missing = wanted.filter((name) => typeof lookUp(global, name) !== "function");
  if (missing.length > 0) {
    problems.add(
      `The built ${library} defines no function ${missing.join(", ")}, which the solution calls. Rename them in ` +
        "solution/definition/handlers.ts to match webresources/README.md, or add them to the web resources.",
    );
  }
}
