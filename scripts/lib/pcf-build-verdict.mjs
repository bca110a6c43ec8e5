/**
 * Decides whether a pcf-scripts build really succeeded. pcf-scripts exits 0 on most failures, so the verdict needs
 * the exit code, the printed output and the modification times of the bundles it should have written.
 *
 * @param {{ exitCode: number | null, output: string, startedAt: number,
 *           bundles: ReadonlyArray<{ name: string, modifiedAt: number | undefined }> }} build
 * @returns {{ ok: true } | { ok: false, reason: string }}
 */
export function judgePcfBuild({ exitCode, output, startedAt, bundles }) {
  if (exitCode !== 0) return { ok: false, reason: `pcf-scripts exited with code ${String(exitCode)}` };
  const failureLine = output.split(/\r?\n/).find((line) => /\[build\]\s+Failed|\[Error\]|\bpcf-\d{4}\b/.test(line));
  if (failureLine !== undefined) return { ok: false, reason: `pcf-scripts reported: ${failureLine.trim()}` };
  if (!/\[build\]\s+Succeeded/.test(output)) {
    return { ok: false, reason: "pcf-scripts never printed '[build] Succeeded'" };
  }
  const stale = bundles.filter((bundle) => bundle.modifiedAt === undefined || bundle.modifiedAt < startedAt);
  if (stale.length > 0) {
    return { ok: false, reason: `no fresh bundle.js for ${stale.map((bundle) => bundle.name).join(", ")}` };
  }
  return { ok: true };
}
