// Builds the web resources into out/webresources/, laid out under their web resource names so the solution packer
// (issue 8) can take them as they are:
//   csb_/scripts/opportunity.js (+ .map)   one minified IIFE that sets the global CoSellBridge (webresources/index.ts)
//   csb_/strings/opportunity.{1033,1049}.resx   the script's sentences, read with Xrm.Utility.getResourceString
//   csb_/icons/{synced,pending,error,notsynced}.svg
// It also writes out/webresources/meta.json (esbuild's metafile), which bench/webresources-size.mjs reads to show
// what the bytes are made of.
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");
const outRoot = path.join(root, "out", "webresources");
const scriptFile = path.join(outRoot, "csb_", "scripts", "opportunity.js");
const iconSource = path.join(root, "webresources", "icons");
const iconTarget = path.join(outRoot, "csb_", "icons");
const stringsSource = path.join(root, "webresources", "strings");
const stringsTarget = path.join(outRoot, "csb_", "strings");

const startedAt = Date.now();
const result = await build({
  absWorkingDir: root,
  entryPoints: ["webresources/index.ts"],
  tsconfig: "webresources/tsconfig.json",
  outfile: scriptFile,
  bundle: true,
  format: "iife",
  platform: "browser",
  // The Unified Interface supports current Edge, Chrome, Firefox and Safari only, which all run ES2022: class fields
  // stay class fields instead of helper calls.
  target: ["es2022"],
  minify: true,
  // `//# sourceMappingURL=opportunity.js.map` resolves beside the script, i.e. to the web resource
  // csb_/scripts/opportunity.js.map.
  sourcemap: "linked",
  sourcesContent: true,
  // Russian text stays UTF-8 rather than \u escapes (a third of the size); Dynamics pages are UTF-8, and a script
  // without a charset of its own is decoded in the page's encoding.
  charset: "utf8",
  legalComments: "none",
  metafile: true,
  logLevel: "warning",
});
if (result.errors.length > 0) process.exit(1);

writeFileSync(path.join(outRoot, "meta.json"), JSON.stringify(result.metafile));
/** Copies the files of `source` whose names end with `extension` into `target`; returns their names. */
function copyAll(source, target, extension) {
  mkdirSync(target, { recursive: true });
  const names = readdirSync(source).filter((name) => name.endsWith(extension));
  for (const name of names) copyFileSync(path.join(source, name), path.join(target, name));
  return names;
}
const icons = copyAll(iconSource, iconTarget, ".svg");
const strings = copyAll(stringsSource, stringsTarget, ".resx");

const bytes = result.metafile.outputs[path.relative(root, scriptFile).split(path.sep).join("/")]?.bytes ?? 0;
console.log(
  `✔ build:webresources: csb_/scripts/opportunity.js (${bytes.toLocaleString("en-US")} B) + .map, ` +
    `${strings.length} resx, ${icons.length} icons, in ${Date.now() - startedAt} ms`,
);
