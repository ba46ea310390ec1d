import { flowUncertainty, linesNotRead, linesNotReadMessage } from './support';
import { defineRule, type Finding } from './types';

const meta = {
  id: 'split-branch-open',
  severity: 'error',
  title: 'Split branch leads nowhere',
  description:
    'One branch (Yes or No) of a split has no line leaving it. Contacts who take that branch stop at the split.',
  fix: "Drag from the split's open Yes or No node to the next step's node (a Complete step if that branch should end).",
  messages: {
    branchOpen: '{{step}}: its {{branches}} {{have}} no line, so contacts on it stop at the split.',
    maybeBranchOpen: '{{step}}: its {{branches}} {{have}} no line seen ({{uncertain}}).',
    branchUnread: 'A line leaves {{step}}, but could not be told Yes or No.',
    linesNotRead: linesNotReadMessage("whether each split's branches lead on"),
  },
  pages: ['editor'],
} as const;

export const rule = defineRule(meta, (ctx, report) => {
  if (ctx.graph.connectionsUnread) return linesNotRead(report, 'linesNotRead', ctx.graph);
  const { graph } = ctx;
  const untraced = graph.linesUncertain ? flowUncertainty(graph) : null;
  const found: Finding[] = [];
  for (const step of graph.steps) {
    if (step.kind !== 'split' || !graph.mayRun.has(step.ref)) continue;
    const branches = graph.splitBranches(step.ref);
    const open = [...(branches.yes.length === 0 ? ['Yes'] : []), ...(branches.no.length === 0 ? ['No'] : [])];
    if (open.length === 0) continue;
    const name = ctx.describe(step.ref);
    if (branches.unlabeled.length >= open.length) {
      const cause = ctx.unreadCause(step.ref, 'split-label-unknown');
      found.push(report('review', 'branchUnread', [step.ref], { step: name }, { cause }));
      continue;
    }
    const which =
      open.length === 2
        ? { step: name, branches: 'Yes and No branches', have: 'have' }
        : { step: name, branches: `${open[0]} branch`, have: 'has' };
    if (untraced) {
      found.push(report('review', 'maybeBranchOpen', [step.ref], { ...which, uncertain: untraced }));
    } else {
      found.push(report('fail', 'branchOpen', [step.ref], which));
    }
  }
  return found;
});
