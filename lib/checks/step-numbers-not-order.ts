import { subsequenceLetter } from '../flow/graph';
import { flowUncertainty, linesNotRead, linesNotReadMessage } from './support';
import { defineRule } from './types';

const meta = {
  id: 'step-numbers-not-order',
  severity: 'info',
  title: 'Step numbers are not the send order',
  description:
    'The number bubbles on the cards are reference numbers (the API and Zapier address steps by them), not the order steps run in. Here a step runs before a lower-numbered one; the finding lists the steps in the order they really run.',
  fix: 'Read the flow by its lines, not by the numbers: the real order is shown here.',
  messages: {
    numbersNotOrder:
      'The step numbers are reference numbers, not the send order: contacts meet the steps in the order {{order}}.',
    maybeNumbersNotOrder:
      'The step numbers may not be the send order: as read, contacts meet the steps in the order {{order}}, but {{uncertain}}.',
    linesNotRead: linesNotReadMessage('the order contacts meet the steps in'),
  },
  fixes: { realOrder: 'Read the flow by its lines: the real order is {{order}}.' },
  pages: ['editor'],
} as const;

function numberOf(ref: string): number {
  return Number(/(\d+)$/.exec(ref)?.[1] ?? Number.NaN);
}

export const rule = defineRule(meta, (ctx, report) => {
  const { graph } = ctx;
  if (graph.connectionsUnread) return linesNotRead(report, 'linesNotRead', graph);
  if (!graph.startSeen || graph.runOrder.length < 2) return [];
  // A line from a higher number to a lower one in the same numbering (main, A, B...) means
  // the bubbles mislead. Loops always go back somewhere, so lines inside a loop do not count.
  const backwards: Array<[string, string]> = [];
  for (const from of graph.runOrder) {
    for (const line of graph.connectionsFrom(from)) {
      const to = line.to;
      if (!graph.reachable.has(to) || subsequenceLetter(from) !== subsequenceLetter(to)) continue;
      if (numberOf(to) < numberOf(from)) backwards.push([from, to]);
    }
  }
  if (backwards.length === 0) return [];
  const loopOf = new Map<string, number>();
  graph
    .cycles(() => true)
    .forEach((component, i) => {
      for (const ref of component) loopOf.set(ref, i);
    });
  const involved = new Set<string>();
  for (const [from, to] of backwards) {
    const loop = loopOf.get(from);
    if (loop !== undefined && loop === loopOf.get(to)) continue;
    involved.add(from);
    involved.add(to);
  }
  if (involved.size === 0) return [];
  const order = graph.runOrder.join(' → ');
  // An order read from lines some of which were not traced may not be the real one.
  const uncertain = graph.linesUncertain ? flowUncertainty(graph) : null;
  if (uncertain) return [report('review', 'maybeNumbersNotOrder', graph.runOrder, { order, uncertain })];
  return [report('fail', 'numbersNotOrder', graph.runOrder, { order }, { fix: 'realOrder' })];
});
