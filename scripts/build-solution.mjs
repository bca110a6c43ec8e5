// Packs the CoSellBridge solution (solution/README.md): reads the built control (out/controls) and web resources
// (out/webresources) and writes out/CoSellBridge_<version>.zip and out/CoSellBridge_<version>_managed.zip. The
// solution source is TypeScript, so this loads tsx's hooks first, as bin/cosell-bridge.mjs does.
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const usage = `Usage: node scripts/build-solution.mjs [--version <a.b.c.d>] [--out <folder>] [--webhook-url <url>]
  --version      the Dataverse version (four numbers); default: package.json's version as a.b.c.0
  --out          where the zips go; default: out/
  --webhook-url  the service's Dataverse webhook address; default: a placeholder that the admin or
                 \`cosell-bridge register-webhooks\` replaces after import`;

let values;
try {
  ({ values } = parseArgs({
    options: {
      version: { type: "string" },
      out: { type: "string" },
      "webhook-url": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  }));
} catch (error) {
  console.error(`${error.message}\n${usage}`);
  process.exit(2);
}
if (values.help) {
  console.log(usage);
  process.exit(0);
}

await import("tsx");
const { packSolution, PackError } = await import("../solution/packer/index.ts");

const root = fileURLToPath(new URL("..", import.meta.url));
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
try {
  const result = packSolution({
    root,
    ...(values.version === undefined ? {} : { version: values.version }),
    ...(values.out === undefined ? {} : { outDir: values.out }),
    ...(values["webhook-url"] === undefined ? {} : { webhookUrl: values["webhook-url"] }),
  });
  for (const warning of result.warnings) console.warn(`⚠ ${warning}`);
  console.log(`✔ build:solution ${result.version}`);
  for (const zip of [result.unmanaged, result.managed]) {
    console.log(`  ${zip.path} (${kib(zip.bytes)}, sha256 ${zip.sha256.slice(0, 16)}…)`);
  }
} catch (error) {
  if (!(error instanceof PackError)) throw error;
  console.error(`✖ ${error.message}`);
  process.exit(1);
}
