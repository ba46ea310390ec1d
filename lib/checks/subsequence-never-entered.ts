import { flowUncertainty, linesNotRead, linesNotReadMessage } from './support';
import { type CheckContext, defineRule, type Finding } from './types';

const meta = {
  id: 'subsequence-never-entered',
  severity: 'warning',
  title: 'Sub-sequence nobody enters',
  description:
    'No line from a step that can run, and no active Go To that is reached, leads into this sub-sequence. Sub-sequences need no starting rule, but without a way in that contacts take, nobody ever enters them.',
  fix: "Add a Go To step (or a split branch) in the main flow that leads to the sub-sequence's first step.",
  messages: {
    neverEntered:
      'No way in that contacts take leads into sub-sequence {{letter}}{{unused}}, so nobody ever enters its {{steps}}.',
    maybeNeverEntered:
      'No Go To seen that contacts take leads into sub-sequence {{letter}}{{unused}}; {{uncertain}}.',
    linesNotRead: linesNotReadMessage('whether each sub-sequence is entered'),
  },
  pages: ['editor'],
} as const;

/**
 * ": the Go To in step 4 is inactive" and the like: the ways in that were seen but lead nobody
 * in, so the owner knows which one to fix. "" when there are none.
 */
function unusedWaysIn(ctx: CheckContext, letter: string): string {
  const { graph } = ctx;
  const reasons: string[] = [];
  for (const step of graph.steps) {
    if (graph.subsequenceOf(step.ref) === letter) continue;
    const lineIn = graph.connectionsFrom(step.ref).some((c) => graph.subsequenceOf(c.to) === letter);
    const jumpIn = step.kind === 'goto' && step.goto !== null && graph.subsequenceOf(step.goto) === letter;
    if (!lineIn && !jumpIn) continue;
    const name = ctx.describe(step.ref);
    if (jumpIn && !step.active) reasons.push(`${name} is inactive`);
    else if (!graph.entryReachable.has(step.ref)) reasons.push(`nobody reaches ${name}`);
  }
  return reasons.length > 0 ? ` (${reasons.join('; ')})` : '';
}

export const rule = defineRule(meta, (ctx, report) => {
  if (ctx.graph.connectionsUnread) return linesNotRead(report, 'linesNotRead', ctx.graph);
  const { graph } = ctx;
  const found: Finding[] = [];
  for (const [letter, refs] of graph.subsequences) {
    if (graph.entriesOf(letter).length > 0) continue;
    const unused = unusedWaysIn(ctx, letter);
    // A Go To on a tab not yet read, or one whose target was not read, could be the way in;
    // and without Starting Rules or every line, whether a Go To is reached is not known.
    const uncertain = flowUncertainty(graph, [letter]);
    if (uncertain) {
      found.push(report('review', 'maybeNeverEntered', refs, { letter, unused, uncertain }));
    } else {
      const steps = refs.length === 1 ? 'step' : `${refs.length} steps`;
      found.push(report('fail', 'neverEntered', refs, { letter, unused, steps }));
    }
  }
  return found;
});
