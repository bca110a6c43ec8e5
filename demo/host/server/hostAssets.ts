/**
 * The files the host page loads, all from this machine (no CDN): React 16.14.0 and ReactDOM as production UMD builds,
 * Fluent UI 8.121.1 as the platform library pcf-start ships (it reads window.React/ReactDOM and defines
 * window.FluentUIReactv81211), the built control, the built web resources (webResourceFiles.ts), and the
 * browser-side host, bundled with esbuild when the host starts.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { build } from "esbuild";
import { checkWebResources } from "./webResourceFiles";

export interface AssetPaths {
  readonly react: string;
  readonly reactDom: string;
  readonly fluent: string;
  readonly controlBundle: string;
  readonly controlStrings: string;
  /** out/webresources: each web resource under its name, e.g. csb_/scripts/opportunity.js. */
  readonly webResources: string;
  readonly hostEntry: string;
  readonly hostStyles: string;
}

export function assetPaths(repositoryRoot: string): AssetPaths {
  const modules = join(repositoryRoot, "node_modules");
  return {
    react: join(modules, "react/umd/react.production.min.js"),
    reactDom: join(modules, "react-dom/umd/react-dom.production.min.js"),
    fluent: join(modules, "pcf-start/lib/fluent_8_121_1.js"),
    controlBundle: join(repositoryRoot, "out/controls/CoSellPanel/bundle.js"),
    controlStrings: join(repositoryRoot, "controls/CoSellPanel/strings"),
    webResources: join(repositoryRoot, "out/webresources"),
    hostEntry: join(repositoryRoot, "demo/host/browser/main.ts"),
    hostStyles: join(repositoryRoot, "demo/host/browser/formFrame.css"),
  };
}

/**
 * @throws Error saying what to do when the control or the web resources are not built or a platform library is not
 * installed.
 */
export function checkAssets(paths: AssetPaths): void {
  if (!existsSync(paths.controlBundle)) {
    throw new Error(`${paths.controlBundle} is missing: run \`npm run build\` first to build the CoSellPanel control.`);
  }
  checkWebResources(paths.webResources);
  for (const library of [paths.react, paths.reactDom, paths.fluent]) {
    if (!existsSync(library)) throw new Error(`${library} is missing: run \`npm ci\` to install the dependencies.`);
  }
}

/** The browser-side host as one script. @throws Error with esbuild's messages when it does not compile. */
export async function bundleHostScript(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2020",
    sourcemap: "inline",
    logLevel: "silent",
  });
  const [output] = result.outputFiles;
  if (output === undefined) throw new Error("esbuild produced no output for the browser-side host");
  return output.text;
}

/** Reads a file each time it is served, so a rebuilt control shows on the next reload without restarting. */
export function readAsset(path: string): Promise<Buffer> {
  return readFile(path);
}
