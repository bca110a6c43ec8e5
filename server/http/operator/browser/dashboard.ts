/** Everything the page shows once signed in, drawn from one refresh's data. */
import type { OperationsOverview, ProblemJob, RecentSync } from "../../operations/adminViews";
import { byId } from "./dom";
import { failuresView, type RetryJob } from "./failuresView";
import { drawLatencyChart, latencySentence } from "./latencyChart";
import { showQueue } from "./queueView";
import { syncsView } from "./syncsView";
import type { TableParts } from "./tables";

/** What one refresh reads from the admin API. */
export interface Snapshot {
  readonly overview: OperationsOverview;
  readonly syncs: readonly RecentSync[];
  readonly jobs: readonly ProblemJob[];
}

function tableParts(name: string): TableParts {
  return {
    table: byId(`${name}-table`, HTMLTableElement),
    rows: byId(`${name}-rows`, HTMLTableSectionElement),
    empty: byId(`${name}-empty`, HTMLElement),
  };
}

export class Dashboard {
  readonly #showFailures: (jobs: readonly ProblemJob[]) => void;
  readonly #showSyncs: (syncs: readonly RecentSync[]) => void;
  readonly #chart = byId("latency-chart", HTMLElement);
  readonly #summary = byId("latency-summary", HTMLElement);
  #last: Snapshot | null = null;
  #redrawPending = false;

  constructor(retry: RetryJob) {
    this.#showFailures = failuresView(tableParts("failures"), retry);
    this.#showSyncs = syncsView(tableParts("syncs"));
    // The chart is drawn in CSS pixels of the width it has (legible text on a phone), so a new width redraws it.
    window.addEventListener("resize", () => {
      if (this.#redrawPending) return;
      this.#redrawPending = true;
      requestAnimationFrame(() => {
        this.#redrawPending = false;
        this.#drawChart();
      });
    });
  }

  show(snapshot: Snapshot): void {
    this.#last = snapshot;
    showQueue(snapshot.overview);
    this.#showFailures(snapshot.jobs);
    this.#showSyncs(snapshot.syncs);
    this.#summary.textContent = latencySentence(snapshot.syncs, snapshot.overview.recent.latencyMs);
    this.#drawChart();
  }

  #drawChart(): void {
    if (this.#last === null) return;
    const width = Math.max(300, Math.floor(this.#chart.clientWidth));
    drawLatencyChart(this.#chart, this.#last.syncs, this.#last.overview.recent.latencyMs, width);
  }
}
