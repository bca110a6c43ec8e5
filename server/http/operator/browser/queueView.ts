/** The queue's depth as four big numbers, and a line on the service and the window the figures cover. */
import { SYNC_OUTCOMES, type OperationsOverview } from "../../operations/adminViews";
import { byId } from "./dom";
import { count, formatDateTime } from "./format";

function setNumber(id: string, value: number): void {
  byId(id, HTMLElement).textContent = String(value);
}

function outcomesLine(overview: OperationsOverview): string {
  const { recent } = overview;
  if (recent.count === 0) return "No syncs have finished yet.";
  const parts = SYNC_OUTCOMES.filter((outcome) => recent.outcomes[outcome] > 0).map(
    (outcome) => `${recent.outcomes[outcome]} ${outcome}`,
  );
  const since = recent.oldestAt === null ? "" : ` (since ${formatDateTime(recent.oldestAt)})`;
  return `Newest ${count(recent.count, "sync")}${since}: ${parts.join(", ")}.`;
}

export function showQueue(overview: OperationsOverview): void {
  const { queue } = overview;
  setNumber("depth-queued", queue.queued);
  setNumber("depth-running", queue.running);
  setNumber("depth-retrying", queue.retrying);
  setNumber("depth-failed", queue.failed);
  byId("depth-failed", HTMLElement).classList.toggle("alarm", queue.failed > 0);
  const waiting =
    queue.oldestQueuedAt === null
      ? "Nothing is waiting."
      : `The oldest waiting job was queued at ${formatDateTime(queue.oldestQueuedAt)}.`;
  byId("queue-notes", HTMLElement).textContent =
    `${waiting} ${outcomesLine(overview)} This replica started at ${formatDateTime(overview.startedAt)}.`;
  const retryAll = byId("retry-all", HTMLButtonElement);
  retryAll.disabled = queue.failed === 0;
  retryAll.title =
    queue.failed === 0 ? "No job is parked." : `Puts ${count(queue.failed, "parked job")} back in the queue.`;
}
