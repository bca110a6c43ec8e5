import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.{ts,tsx}"],
    environment: "node",
    // The default reporter for people, plus one plain "N passed, N failed" line that CI reads.
    reporters: ["default", "./test/support/summary-reporter.ts"],
  },
});
