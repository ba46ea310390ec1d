import { START } from '../flow/graph';
import { flowUncertainty, STARTING_RULES_NOT_SEEN } from './support';
import { defineRule } from './types';

const meta = {
  id: 'start-not-connected',
  severity: 'error',
  title: 'Starting Rules not connected',
  description:
    'No line leaves the Starting Rules module, so nobody who meets a starting rule ever reaches the first step. The first step must be connected to Starting Rules by hand.',
  fix: "Drag from the Starting Rules module's connection node to the first step's node until both turn yellow.",
  messages: {
    notConnected: 'Starting Rules has no line to a step, so nobody ever reaches step 1.',
    maybeNotConnected:
      'No line from Starting Rules was traced, but the lines were not all read ({{uncertain}}).',
    startNotSeen: `${STARTING_RULES_NOT_SEEN}, so its line could not be checked.`,
  },
  pages: ['editor'],
} as const;

export const rule = defineRule(meta, (ctx, report) => {
  const { graph } = ctx;
  if (graph.steps.length === 0) return [];
  if (!graph.startSeen) return [report('review', 'startNotSeen', [START])];
  if (graph.connectionsFrom(START).length > 0) return [];
  const uncertain = graph.linesUncertain ? flowUncertainty(graph) : null;
  if (uncertain) return [report('review', 'maybeNotConnected', [START], { uncertain })];
  return [report('fail', 'notConnected', [START])];
});
