import { compareRefs } from '../flow/graph';
import { flowUncertainty, linesNotRead, linesNotReadMessage } from './support';
import { defineRule, type Finding } from './types';

const meta = {
  id: 'step-not-connected',
  severity: 'error',
  title: 'Step is not connected',
  description:
    'No line comes into this step and no Go To points at it, so it never runs. Steps are not connected automatically, not even the first one.',
  fix: "Drag from the previous step's connection node to this step's node until both turn yellow.",
  messages: {
    notConnected: '{{step}} has no line coming into it and no Go To points at it, so it never runs.',
    maybeNotConnected:
      '{{step}} has no line coming into it and no Go To seen points at it; it may never run ({{uncertain}}).',
    linesNotRead: linesNotReadMessage('whether every step has a line coming in'),
  },
  pages: ['editor'],
} as const;

export const rule = defineRule(meta, (ctx, report) => {
  if (ctx.graph.connectionsUnread) return linesNotRead(report, 'linesNotRead', ctx.graph);
  const { graph } = ctx;
  // A sub-sequence nobody enters is judged by subsequence-never-entered; its head is not
  // reported twice.
  const excused = new Set<string>();
  for (const [letter, refs] of graph.subsequences) {
    if (graph.entriesOf(letter).length > 0) continue;
    const head = refs.filter((r) => graph.incomingConnections(r) === 0).sort(compareRefs)[0];
    if (head !== undefined) excused.add(head);
  }
  const uncertain = flowUncertainty(graph);
  const found: Finding[] = [];
  for (const step of graph.steps) {
    if (excused.has(step.ref)) continue;
    if (graph.incomingConnections(step.ref) > 0 || graph.gotoSources(step.ref).length > 0) continue;
    const name = ctx.describe(step.ref);
    if (uncertain) {
      found.push(report('review', 'maybeNotConnected', [step.ref], { step: name, uncertain }));
    } else {
      found.push(report('fail', 'notConnected', [step.ref], { step: name }));
    }
  }
  return found;
});
