import { buildGraph } from '../../lib/flow/graph';
import { createTiming } from '../../lib/time/timing';
import { computeTimeline } from '../../lib/timeline/timeline';
import { specToModel } from '../../tests/support/spec-to-model';
import { generateSpec } from './generate-spec';
import { median } from './stats';

/** What computing one sequence's timeline costs, in Node (the popup and the audit run the same code). */
export interface TimelineCost {
  steps: number;
  /** The whole timeline (what the popup shows): median over the repetitions, after a warm-up. */
  ms: number;
  /** Its quickest paths only, as date-step-reached-late computes it in every audit. */
  quickestMs: number;
  entries: number;
  branches: number;
  cut: boolean;
}

/**
 * The timeline of the benchmark's generated sequence of `steps` steps for a contact entering now,
 * in a zone with clock changes: the whole flow read (every tab), as `date-step-reached-late` and
 * the popup compute it.
 */
export function measureTimeline(steps: number, reps: number): TimelineCost {
  const graph = buildGraph(specToModel(generateSpec(steps)));
  const timing = createTiming('Europe/Berlin', 'setting');
  const now = Date.now();
  const timeline = computeTimeline(graph, timing, now);
  const cost = (quickest: boolean): number => {
    for (let i = 0; i < 5; i++) computeTimeline(graph, timing, now, { quickest });
    const times: number[] = [];
    for (let i = 0; i < reps; i++) {
      const started = performance.now();
      computeTimeline(graph, timing, now, { quickest });
      times.push(performance.now() - started);
    }
    return median(times);
  };
  return {
    steps,
    ms: cost(false),
    quickestMs: cost(true),
    entries: timeline.branches.reduce((n, b) => n + b.entries.length, 0),
    branches: timeline.branches.length,
    cut: timeline.cut,
  };
}
