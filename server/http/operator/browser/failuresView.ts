/** The failures table: each problem job with its reason, attempts, last error, what to do and a Retry button. */
import type { ProblemJob } from "../../operations/adminViews";
import { html } from "./dom";
import { formatDateTime } from "./format";
import { tableFiller, timeCell, type TableParts } from "./tables";

/** What a Retry button does; it gets the button so that it can disable it while the retry runs. */
export type RetryJob = (job: ProblemJob, button: HTMLButtonElement) => void;

function jobCell(job: ProblemJob): Node {
  return html("div", { className: "job" }, [
    html("span", { text: job.kind }),
    job.dedupeKey === null ? null : html("code", { className: "id", text: job.dedupeKey }),
    html("span", { className: "muted", text: `job ${job.id}` }),
  ]);
}

function retryButton(job: ProblemJob, retry: RetryJob): Node {
  const button = html("button", {
    className: "retry",
    text: "Retry",
    attributes: { type: "button", "aria-label": `Retry ${job.dedupeKey ?? job.kind} (job ${job.id})` },
  });
  button.addEventListener("click", () => {
    retry(job, button);
  });
  return button;
}

export function failuresView(parts: TableParts, retry: RetryJob): (jobs: readonly ProblemJob[]) => void {
  return tableFiller<ProblemJob>(parts, (job) => [
    timeCell(job.failedAt, formatDateTime(job.failedAt)),
    jobCell(job),
    job.reason,
    String(job.attempts),
    html("span", { className: "error-text", text: job.lastError }),
    job.whatToDo,
    retryButton(job, retry),
  ]);
}
