import { START } from '../flow/graph';
import { flowUncertainty } from './support';
import { defineRule, finding } from './types';

const meta = {
  id: 'start-not-connected',
  severity: 'error',
  title: 'Starting Rules not connected',
  description:
    'No line leaves the Starting Rules module, so nobody who meets a starting rule ever reaches the first step. The first step must be connected to Starting Rules by hand.',
  fix: "Drag from the Starting Rules module's connection node to the first step's node until both turn yellow.",
  pages: ['editor'],
} as const;

export const rule = defineRule(meta, (ctx) => {
  const { graph } = ctx;
  if (graph.steps.length === 0) return [];
  if (!graph.startSeen) {
    return [
      finding(
        meta,
        'review',
        'The Starting Rules module was not seen (it is on the main tab), so its line could not be checked.',
        [START],
      ),
    ];
  }
  if (graph.connectionsFrom(START).length > 0) return [];
  if (graph.linesUncertain) {
    return [
      finding(
        meta,
        'review',
        `No line from Starting Rules was traced, but the lines were not all read (${flowUncertainty(graph)}).`,
        [START],
      ),
    ];
  }
  return [
    finding(meta, 'fail', 'Starting Rules has no line to a step, so nobody ever reaches step 1.', [START]),
  ];
});
