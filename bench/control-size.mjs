// Prints the size of the built CoSellPanel bundle (bytes, KiB and gzip) against its 60 KB target. A measurement, not a
// gate: it exits non-zero only when there is no bundle to measure. Build first with `npm run build`.
import { existsSync, readFileSync, statSync } from "node:fs";
import { gzipSync } from "node:zlib";

const BUNDLE = "out/controls/CoSellPanel/bundle.js";
/** The budget for the production bundle, 60 KB, read both ways: 1 KB = 1,000 B and 1 KB = 1,024 B (KiB). */
const TARGETS = [
  { name: "60 KB", bytes: 60_000 },
  { name: "60 KiB", bytes: 60 * 1024 },
];

if (!existsSync(BUNDLE)) {
  console.error(`✖ ${BUNDLE} is missing: run \`npm run build\` first.`);
  process.exit(1);
}

const bytes = readFileSync(BUNDLE);
const gzipped = gzipSync(bytes, { level: 9 }).length;
const kib = (count) => `${(count / 1024).toFixed(1)} KiB`;
const number = (count) => count.toLocaleString("en-US");

console.log(`CoSellPanel bundle (${BUNDLE}, built ${statSync(BUNDLE).mtime.toISOString()})`);
console.log(`  size:   ${number(bytes.length)} B (${kib(bytes.length)})`);
console.log(`  gzip:   ${number(gzipped)} B (${kib(gzipped)})`);
for (const target of TARGETS) {
  const share = ((bytes.length / target.bytes) * 100).toFixed(1);
  const margin = target.bytes - bytes.length;
  const verdict = margin >= 0 ? `${number(margin)} B to spare` : `OVER by ${number(-margin)} B`;
  console.log(`  target ${target.name} (${number(target.bytes)} B): ${share}% of it, ${verdict}`);
}
