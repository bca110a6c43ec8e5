#!/usr/bin/env node
// The `cosell-bridge` command. It loads tsx's hooks (as `node --import tsx` would) and runs the TypeScript sources,
// so a checkout needs no build step.
await import("tsx");
await import("../server/cli/entry.ts");
