/**
 * The operator page's script, styles and icon, all served by the service itself (no CDN). The script is TypeScript
 * (browser/), bundled by esbuild the first time it is asked for: esbuild is there wherever the service runs, since
 * tsx, which runs the service from source (bin/cosell-bridge.mjs), is built on it. It is loaded only then, so the
 * rest of the service never depends on it.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";

const BROWSER_FOLDER = join(__dirname, "browser");

/** A value made once on first use; a failure is forgotten, so the next request tries again. */
function once(make: () => Promise<string>): () => Promise<string> {
  let made: Promise<string> | null = null;
  return () => {
    made ??= make().catch((error: unknown) => {
      made = null;
      throw error;
    });
    return made;
  };
}

async function bundleScript(): Promise<string> {
  const { build } = await import("esbuild");
  const result = await build({
    entryPoints: [join(BROWSER_FOLDER, "main.ts")],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2020",
    legalComments: "none",
    logLevel: "silent",
  });
  const [output] = result.outputFiles;
  if (output === undefined) throw new Error("esbuild produced no output for the operator page's script");
  return output.text;
}

/** The page's script as one file. @throws Error with esbuild's messages when it does not compile. */
export const operatorScript = once(bundleScript);

export const operatorStyles = once(() => readFile(join(BROWSER_FOLDER, "operator.css"), "utf8"));

/** Two arrows, one each way: the bridge. */
export const operatorIcon = [
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">',
  '<rect width="32" height="32" rx="6" fill="#0f5ea8"/>',
  '<path d="M7 12h15l-4-4M25 20H10l4 4" fill="none" stroke="#fff" stroke-width="2.5" stroke-linecap="round"/>',
  "</svg>",
].join("");
