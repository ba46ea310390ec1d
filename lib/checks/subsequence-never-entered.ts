import { linesNotRead, tabsPhrase } from './support';
import { defineRule, type Finding, finding } from './types';

const meta = {
  id: 'subsequence-never-entered',
  severity: 'warning',
  title: 'Sub-sequence nobody enters',
  description:
    'No Go To (or line) leads into this sub-sequence. Sub-sequences need no starting rule, but without a way in nobody ever enters them.',
  fix: "Add a Go To step (or a split branch) in the main flow that leads to the sub-sequence's first step.",
  pages: ['editor'],
} as const;

export const rule = defineRule(meta, (ctx) => {
  if (ctx.graph.connectionsUnread) return linesNotRead(meta, 'whether each sub-sequence is entered');
  const { graph } = ctx;
  const found: Finding[] = [];
  for (const [letter, refs] of graph.subsequences) {
    if (graph.entriesOf(letter).length > 0) continue;
    // A Go To on a tab not yet read could be the way in.
    const elsewhere = graph.tabsNotSeen.filter((t) => t !== letter);
    if (elsewhere.length > 0) {
      found.push(
        finding(
          meta,
          'review',
          `No Go To seen leads into sub-sequence ${letter}; ${tabsPhrase(elsewhere)} not opened yet.`,
          refs,
        ),
      );
    } else {
      found.push(
        finding(
          meta,
          'fail',
          `No Go To or line leads into sub-sequence ${letter}, so nobody ever enters its ${refs.length === 1 ? 'step' : `${refs.length} steps`}.`,
          refs,
        ),
      );
    }
  }
  return found;
});
