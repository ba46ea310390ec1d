import { buildGraph } from '../../lib/graph';
import type { SequenceModel } from '../../lib/model';
import { computeTimeline, type Timeline } from '../../lib/timeline';
import { createTiming } from '../../lib/timing';

/** The timeline of a contact entering at `entered` (wall clock in `zone`). */
export function timelineOf(seq: SequenceModel, entered: string, zone = 'UTC', maxEntries?: number): Timeline {
  const timing = createTiming(zone, 'setting');
  return computeTimeline(
    buildGraph(seq),
    timing,
    timing.localToInstant(entered).getTime(),
    maxEntries === undefined ? {} : { maxEntries },
  );
}
