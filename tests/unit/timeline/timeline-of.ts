import { buildGraph } from '../../../lib/flow/graph';
import type { SequenceModel } from '../../../lib/model/model';
import { createTiming } from '../../../lib/time/timing';
import { computeTimeline, type Timeline } from '../../../lib/timeline/timeline';

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
