import { describe, expect, it } from "vitest";
import { createProgress, progressLine } from "../../../server/cli/progress";
import { recordingIo } from "./cliIo";

describe("progressLine", () => {
  it("shows a bar, the share, the count, the rate and the time left when the total is known", () => {
    expect(progressLine("backfill", 250, 1000, 5000)).toBe(
      "backfill ██████░░░░░░░░░░░░░░░░░░  25% 250/1,000 · 50/s · 15s left",
    );
  });

  it("shows the count and rate only when the total is unknown", () => {
    expect(progressLine("pull", 12_345, null, 10_000)).toBe("pull 12,345 · 1235/s");
  });

  it("does not divide by zero at the start", () => {
    expect(progressLine("push", 0, 10, 0)).toBe("push ░░░░░░░░░░░░░░░░░░░░░░░░   0% 0/10 · 0.0/s · ? left");
  });
});

describe("createProgress", () => {
  it("prints a plain line every 10 % when stderr is not a terminal", () => {
    const io = recordingIo({ isTerminal: false });
    let clock = 0;
    const progress = createProgress(io, "push", () => clock);
    for (let done = 1; done <= 100; done += 1) {
      clock += 10;
      progress.update(done, 100);
    }
    progress.finish();
    expect(io.stderr.length).toBe(12);
    expect(io.stderr.at(-1)).toContain("100% 100/100");
    expect(io.statusLines).toEqual([]);
  });

  it("redraws one status line per update on a terminal", () => {
    const io = recordingIo({ isTerminal: true });
    const progress = createProgress(io, "push", () => 0);
    progress.update(1, 3);
    progress.update(2, 3);
    progress.finish();
    expect(io.statusLines).toHaveLength(3);
    expect(io.stderr).toEqual([""]);
  });
});
