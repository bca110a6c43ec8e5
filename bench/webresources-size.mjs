// Prints the size of the built web resource script (minified bytes, KiB, gzip) against its 30 KB target (30,000 B),
// what the bytes are made of (from the build's metafile): our web resources and core/, and the size of the string
// (RESX) web resources, which are separate web resources and not in the script. No token library is in the bundle
// (MSAL is loaded by the page), so the number is the one the target is about.
// Run `node scripts/build-webresources.mjs` first. Exits non-zero only when the bundle is missing; a bundle over the
// target is reported, not failed.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const root = path.resolve(import.meta.dirname, "..");
const scriptPath = path.join(root, "out", "webresources", "csb_", "scripts", "opportunity.js");
const metaPath = path.join(root, "out", "webresources", "meta.json");
const stringsFolder = path.join(root, "out", "webresources", "csb_", "strings");
const TARGET_BYTES = 30_000;

if (!existsSync(scriptPath)) {
  console.error(`No bundle at ${path.relative(root, scriptPath)}: run \`node scripts/build-webresources.mjs\` first.`);
  process.exit(1);
}

const script = readFileSync(scriptPath);
const gzip = gzipSync(script, { level: 9 }).length;
const number = (value) => value.toLocaleString("en-US");
const kib = (bytes) => (bytes / 1024).toFixed(1);
const verdict = script.length <= TARGET_BYTES ? "within" : `over by ${number(script.length - TARGET_BYTES)} B`;

console.log("csb_/scripts/opportunity.js (minified, without the token library)");
console.log(`  minified  ${number(script.length).padStart(8)} B  ${kib(script.length).padStart(6)} KiB`);
console.log(`  gzip      ${number(gzip).padStart(8)} B  ${kib(gzip).padStart(6)} KiB`);
console.log(`  target    ${number(TARGET_BYTES).padStart(8)} B  ${kib(TARGET_BYTES).padStart(6)} KiB  (${verdict})`);

if (existsSync(metaPath)) {
  const meta = JSON.parse(readFileSync(metaPath, "utf8"));
  const output = Object.entries(meta.outputs).find(([file]) => file.endsWith("opportunity.js"))?.[1];
  const groups = new Map();
  for (const [input, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
    const group = input.startsWith("core/")
      ? "core (validation rules, mapping, reference data)"
      : "webresources (handlers, client, sign-in, grid tooltips)";
    groups.set(group, (groups.get(group) ?? 0) + bytesInOutput);
  }
  console.log("  made of");
  for (const [group, bytes] of [...groups].sort((left, right) => right[1] - left[1])) {
    console.log(`    ${number(bytes).padStart(8)} B  ${group}`);
  }
}

if (existsSync(stringsFolder)) {
  console.log("  not in the script: the string web resources (the platform sends the user's language)");
  for (const name of readdirSync(stringsFolder).filter((file) => file.endsWith(".resx"))) {
    const bytes = readFileSync(path.join(stringsFolder, name)).length;
    console.log(`    ${number(bytes).padStart(8)} B  csb_/strings/${name}`);
  }
}
