// Builds the web resources into out/webresources/, laid out under their web resource names so the solution packer
// (issue 8) can take them as they are:
//   csb_/scripts/opportunity.js (+ .map)   the form and command-bar handlers: one minified IIFE that adds Opportunity
//                                          and Ribbon to the global CoSellBridge (webresources/index.ts)
//   csb_/scripts/grid.js (+ .map)          the view's icon function: adds Grid to the same global
//                                          (webresources/grid/index.ts), so a view does not load the form's script
//   csb_/strings/opportunity.{1033,1049}.resx   the form script's sentences, read with Xrm.Utility.getResourceString
//   csb_/icons/{synced,pending,error,notsynced}.svg
// esbuild bundles and minifies; terser then minifies each script again (its multi-pass compressor folds what esbuild
// leaves: constant objects read only by property, inlined single-use functions), chaining esbuild's source map so
// the final map still points at the TypeScript. It also writes out/webresources/meta.json (esbuild's metafile), which
// bench/webresources-size.mjs reads to show what the bytes are made of.
// `--out <folder>` writes the same layout elsewhere (tests build into scratch folders, not into each other's out/).
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { build } from "esbuild";
import { minify } from "terser";

const root = path.resolve(import.meta.dirname, "..");
const { values: options } = parseArgs({ options: { out: { type: "string" } } });
const outRoot = path.resolve(options.out ?? path.join(root, "out", "webresources"));
const scripts = [
  { entry: "webresources/index.ts", name: "opportunity" },
  { entry: "webresources/grid/index.ts", name: "grid" },
];
const iconSource = path.join(root, "webresources", "icons");
const iconTarget = path.join(outRoot, "csb_", "icons");
const stringsSource = path.join(root, "webresources", "strings");
const stringsTarget = path.join(outRoot, "csb_", "strings");

/**
 * terser's options. Three passes let one pass's inlining feed the next (beyond three nothing changed). Of the options
 * terser calls unsafe, only `unsafe_arrows` (0.4 KB): it turns function expressions into arrow functions, which is
 * wrong only for a function called with `new` (none of ours is: our constructors are classes) and terser leaves alone
 * any function that reads `this` or `arguments`. Not `pure_getters`, which assumes that reading a property never
 * throws (a cross-origin `window.top` does, tokenProvider.ts), nor `unsafe`, which turns String(x) into ""+x.
 * The handler tests run against code minified this way too (test/webresources/builtBundle.test.ts).
 */
const terserOptions = {
  ecma: 2020,
  compress: { passes: 3, unsafe_arrows: true },
  format: { comments: false },
};

const startedAt = Date.now();
const result = await build({
  absWorkingDir: root,
  entryPoints: scripts.map(({ entry, name }) => ({ in: entry, out: `csb_/scripts/${name}` })),
  tsconfig: "webresources/tsconfig.json",
  outdir: outRoot,
  bundle: true,
  format: "iife",
  platform: "browser",
  // The Unified Interface supports current Edge, Chrome, Firefox and Safari only, which all run ES2022: class fields
  // stay class fields instead of helper calls.
  target: ["es2022"],
  minify: true,
  sourcemap: "external",
  sourcesContent: true,
  // Russian text stays UTF-8 rather than \u escapes (a third of the size); Dynamics pages are UTF-8, and a script
  // without a charset of its own is decoded in the page's encoding.
  charset: "utf8",
  legalComments: "none",
  metafile: true,
  write: false,
  logLevel: "warning",
});
if (result.errors.length > 0) process.exit(1);

const outputs = new Map(result.outputFiles.map((file) => [file.path, file.text]));
const sizes = [];
for (const { name } of scripts) {
  const scriptFile = path.join(outRoot, "csb_", "scripts", `${name}.js`);
  const mapName = `${name}.js.map`;
  // `//# sourceMappingURL=<name>.js.map` resolves beside the script, i.e. to the web resource
  // csb_/scripts/<name>.js.map.
  const minified = await minify(
    { [`${name}.js`]: outputs.get(scriptFile) },
    {
      ...terserOptions,
      sourceMap: { content: outputs.get(`${scriptFile}.map`), url: mapName, includeSources: true },
    },
  );
  mkdirSync(path.dirname(scriptFile), { recursive: true });
  writeFileSync(scriptFile, minified.code);
  writeFileSync(`${scriptFile}.map`, minified.map);
  sizes.push(`csb_/scripts/${name}.js (${Buffer.byteLength(minified.code).toLocaleString("en-US")} B)`);
}

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

console.log(
  `✔ build:webresources: ${sizes.join(", ")}, each + .map, ` +
    `${strings.length} resx, ${icons.length} icons, in ${Date.now() - startedAt} ms`,
);
