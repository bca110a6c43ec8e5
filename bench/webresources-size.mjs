// Prints the size of the built web resource script (minified bytes, KiB, gzip) against its 30 KB target, and what
// the bytes are made of (from the build's metafile): our web resources, core/, and the string tables. No token
// library is in the bundle (MSAL is loaded by the page), so the number is the one the target is about.
// Run `node scripts/build-webresources.mjs` first. Exits non-zero only when the bundle is missing; a bundle over the
// target is reported, not failed.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const root = path.resolve(import.meta.dirname, "..");
const scriptPath = path.join(root, "out", "webresources", "csb_", "scripts", "opportunity.js");
const metaPath = path.join(root, "out", "webresources", "meta.json");
const TARGET_BYTES = 30 * 1024;

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
    const group = input.startsWith("webresources/i18n/")
      ? "webresources/i18n (strings, 1033 + 1049)"
      : input.startsWith("core/")
        ? "core (validation, mapping, reference data)"
        : "webresources (handlers, client, sign-in)";
    groups.set(group, (groups.get(group) ?? 0) + bytesInOutput);
  }
  console.log("  made of");
  for (const [group, bytes] of [...groups].sort((left, right) => right[1] - left[1])) {
    console.log(`    ${number(bytes).padStart(8)} B  ${group}`);
  }
}
