// Prints the size of the built web resource scripts (minified bytes, KiB, gzip): the form's csb_/scripts/opportunity.js
// against its 30 KB target (30,000 B), and the view's csb_/scripts/grid.js. No token library is in either (MSAL is
// loaded by the page), so the number is the one the target is about. Then what the bytes are made of, per module:
//   final     bytes of the built file, attributed to the TypeScript module each stretch of it comes from, through the
//             file's own source map (esbuild's map chained through terser's); what no module owns (the IIFE wrapper,
//             commas between merged declarations) is "unmapped";
//   esbuild   the module's bytes in esbuild's minified output, before terser (bytesInOutput in out/webresources/
//             meta.json, esbuild's metafile): what the module list looked like before terser was added.
// And the size of the string (RESX) web resources, which are separate web resources and not in the scripts.
// Run `node scripts/build-webresources.mjs` first. Exits non-zero only when a script is missing; a script over the
// target is reported, not failed.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const root = path.resolve(import.meta.dirname, "..");
const outRoot = path.join(root, "out", "webresources");
const metaPath = path.join(outRoot, "meta.json");
const stringsFolder = path.join(outRoot, "csb_", "strings");
const TARGET_BYTES = 30_000;
const TOP_MODULES = Number(process.env.TOP_MODULES ?? 15);
const scripts = [
  { name: "opportunity", what: "the form and command bar", target: TARGET_BYTES },
  { name: "grid", what: "the view's icon function", target: null },
];

const number = (value) => value.toLocaleString("en-US");
const kib = (bytes) => (bytes / 1024).toFixed(1);
const bytesColumn = (bytes) => `${number(bytes).padStart(8)} B`;

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** The numbers of one source map segment (Base64 VLQ, https://tc39.es/source-map/#mappings-structure). */
function decodeSegment(segment) {
  const values = [];
  let value = 0;
  let shift = 0;
  for (const character of segment) {
    const digit = BASE64.indexOf(character);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    values.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return values;
}

/** Bytes of `code` per source file of `map`; bytes that no segment maps are counted under "(unmapped)". */
function bytesBySource(code, map) {
  const totals = new Map();
  const add = (source, text) => totals.set(source, (totals.get(source) ?? 0) + Buffer.byteLength(text));
  const lineMappings = map.mappings.split(";");
  let sourceIndex = 0;
  code.split("\n").forEach((line, lineIndex, lines) => {
    // Segment columns count UTF-16 code units, as String.prototype.slice does.
    const starts = [];
    let column = 0;
    for (const segment of (lineMappings[lineIndex] ?? "").split(",").filter((text) => text !== "")) {
      const [columnDelta, sourceDelta] = decodeSegment(segment);
      column += columnDelta;
      if (sourceDelta !== undefined) sourceIndex += sourceDelta;
      starts.push({ column, source: sourceDelta === undefined ? null : map.sources[sourceIndex] });
    }
    add("(unmapped)", line.slice(0, starts[0]?.column ?? line.length));
    starts.forEach(({ column: start, source }, index) => {
      add(source ?? "(unmapped)", line.slice(start, starts[index + 1]?.column ?? line.length));
    });
    if (lineIndex < lines.length - 1) add("(unmapped)", "\n");
  });
  return totals;
}

/** A source map's source path (relative to the script) as a path from the repository's root. */
function moduleOf(source, scriptFolder) {
  return source === "(unmapped)"
    ? source
    : path.relative(root, path.resolve(scriptFolder, source)).split(path.sep).join("/");
}

function groupOf(module) {
  if (module.startsWith("core/")) return "core/ (validation rules, mapping, reference data, option values)";
  if (module.startsWith("webresources/")) return "webresources/ (handlers, service client, sign-in, tooltips)";
  return "unmapped (the IIFE wrapper, the source map comment)";
}

const meta = existsSync(metaPath) ? JSON.parse(readFileSync(metaPath, "utf8")) : null;
let missing = false;

for (const { name, what, target } of scripts) {
  const scriptPath = path.join(outRoot, "csb_", "scripts", `${name}.js`);
  if (!existsSync(scriptPath)) {
    console.error(
      `No script at ${path.relative(root, scriptPath)}: run \`node scripts/build-webresources.mjs\` first.`,
    );
    missing = true;
    continue;
  }
  const script = readFileSync(scriptPath);
  console.log(`csb_/scripts/${name}.js (${what}; minified, without the token library)`);
  console.log(`  minified  ${bytesColumn(script.length)}  ${kib(script.length).padStart(6)} KiB`);
  const gzip = gzipSync(script, { level: 9 }).length;
  console.log(`  gzip      ${bytesColumn(gzip)}  ${kib(gzip).padStart(6)} KiB`);
  if (target !== null) {
    const verdict = script.length <= target ? "within" : `over by ${number(script.length - target)} B`;
    console.log(`  target    ${bytesColumn(target)}  ${kib(target).padStart(6)} KiB  (${verdict})`);
  }

  const mapPath = `${scriptPath}.map`;
  if (!existsSync(mapPath)) continue;
  const final = new Map();
  for (const [source, bytes] of bytesBySource(script.toString("utf8"), JSON.parse(readFileSync(mapPath, "utf8")))) {
    const module = moduleOf(source, path.dirname(scriptPath));
    final.set(module, (final.get(module) ?? 0) + bytes);
  }
  const groups = new Map();
  for (const [module, bytes] of final) groups.set(groupOf(module), (groups.get(groupOf(module)) ?? 0) + bytes);
  console.log("  made of (bytes of the built file)");
  for (const [group, bytes] of [...groups].sort((left, right) => right[1] - left[1])) {
    console.log(`    ${bytesColumn(bytes)}  ${group}`);
  }

  const output = Object.entries(meta?.outputs ?? {}).find(([file]) => file.endsWith(`/${name}.js`))?.[1];
  const modules = [...final].filter(([module]) => module !== "(unmapped)").sort((left, right) => right[1] - left[1]);
  const heading = `  largest modules (of ${modules.length})`;
  console.log(`${heading.padEnd(51)}final     esbuild`);
  for (const [module, bytes] of modules.slice(0, TOP_MODULES)) {
    const esbuild = output?.inputs?.[module]?.bytesInOutput;
    console.log(`    ${module.padEnd(46)} ${bytesColumn(bytes)}  ${esbuild === undefined ? "" : bytesColumn(esbuild)}`);
  }
}

if (existsSync(stringsFolder)) {
  console.log("not in the scripts: the string web resources (the platform sends the user's language)");
  for (const name of readdirSync(stringsFolder).filter((file) => file.endsWith(".resx"))) {
    const bytes = readFileSync(path.join(stringsFolder, name)).length;
    console.log(`  ${bytesColumn(bytes)}  csb_/strings/${name}`);
  }
}
if (missing) process.exit(1);
