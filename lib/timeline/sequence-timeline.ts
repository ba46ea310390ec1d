import { flowUncertainty } from '../checks/support';
import { buildGraph } from '../flow/graph';
import type { SequenceModel } from '../model/model';
import type { Timing } from '../time/timing';
import { computeTimeline } from './timeline';
import type { ReportTimeline } from './timeline-schema';

/**
 * When each step reaches a contact entering the sequence at `enteredAt`, on every path, with why
 * its lines may be incomplete (null when every line was read): the report's timeline, and the
 * popup's for another moment. Pure.
 */
export function sequenceTimeline(sequence: SequenceModel, timing: Timing, enteredAt: number): ReportTimeline {
  const graph = buildGraph(sequence);
  return { ...computeTimeline(graph, timing, enteredAt), uncertain: flowUncertainty(graph) };
}
