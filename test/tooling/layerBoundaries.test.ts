import path from "node:path";
import { RuleTester } from "eslint";
import tseslint from "typescript-eslint";
import { describe, it } from "vitest";
import { layerBoundaries } from "../../eslint-rules/layer-boundaries.mjs";

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const root = process.cwd();
const file = (relative: string) => path.join(root, relative);
const tester = new RuleTester({
  languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: "module" },
});

tester.run("layer-boundaries", layerBoundaries, {
  valid: [
    { filename: file("server/sync/engine.ts"), code: 'import { readReferral } from "../../core";' },
    { filename: file("server/sync/engine.ts"), code: 'import { queue } from "./queue";' },
    { filename: file("controls/CoSellPanel/index.ts"), code: 'import * as React from "react";' },
    { filename: file("emulators/partner-center/server.ts"), code: 'import { compileFilter } from "../odata";' },
    { filename: file("core/mapping/fields.ts"), code: 'import type { HelpCode } from "../referral/enums";' },
    { filename: file("core/referral/model.ts"), code: 'import type { Foo } from "some-types-only-package";' },
    // Tests, benchmarks and scripts may use everything.
    { filename: file("test/e2e/loop.test.ts"), code: 'import { start } from "../../server/main";' },
    { filename: file("bench/sync.ts"), code: 'import { start } from "../emulators/partner-center";' },
  ],
  invalid: [
    {
      filename: file("server/clients/partnerCenter.ts"),
      code: 'import { startPartnerCenter } from "../../emulators/partner-center";',
      errors: [
        {
          message:
            "server/ must not import from emulators/ ('../../emulators/partner-center'). Allowed: server/, core/. " +
            "Move shared logic into core/.",
        },
      ],
    },
    {
      filename: file("emulators/dataverse/server.ts"),
      code: 'export { loadConfig } from "../../server/config";',
      errors: [{ messageId: "crossLayer" }],
    },
    {
      filename: file("controls/CoSellPanel/index.ts"),
      code: 'const handlers = await import("../../webresources/opportunity");',
      errors: [{ messageId: "crossLayer" }],
    },
    {
      filename: file("webresources/opportunity/form.ts"),
      code: 'const panel = require("../../controls/CoSellPanel/dealSummary");',
      errors: [{ messageId: "crossLayer" }],
    },
    {
      filename: file("core/mapping/fields.ts"),
      code: 'import { queue } from "../../server/queue";',
      errors: [{ messageId: "crossLayer" }],
    },
    {
      filename: file("core/mapping/fields.ts"),
      code: 'import { z } from "zod";',
      errors: [{ messageId: "packageInCore" }],
    },
    {
      // A path that wanders out and back in is judged by where it lands.
      filename: file("server/index.ts"),
      code: 'import "../server/../emulators/odata";',
      errors: [{ messageId: "crossLayer" }],
    },
  ],
});
