import type { Reporter, TestModule } from "vitest/node";

/**
 * Prints one closing line, "tests: N passed, N failed[, N skipped]", that CI recognises in any language: Vitest's own
 * summary is shaped differently, and a run with no executed test must not look like a pass.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: readonly TestModule[]): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const testModule of testModules) {
      for (const testCase of testModule.children.allTests()) {
        const state = testCase.result().state;
        if (state === "passed") counts.passed += 1;
        else if (state === "failed") counts.failed += 1;
        else counts.skipped += 1;
      }
    }
    const skipped = counts.skipped > 0 ? `, ${counts.skipped} skipped` : "";
    console.log(`\ntests: ${counts.passed} passed, ${counts.failed} failed${skipped}`);
  }
}
