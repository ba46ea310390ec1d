import { flowUncertainty, linesNotRead } from './support';
import { defineRule, type Finding, finding } from './types';

const meta = {
  id: 'split-branch-open',
  severity: 'error',
  title: 'Split branch leads nowhere',
  description:
    'One branch (Yes or No) of a split has no line leaving it. Contacts who take that branch stop at the split.',
  fix: "Drag from the split's open Yes or No node to the next step's node (a Complete step if that branch should end).",
  pages: ['editor'],
} as const;

export const rule = defineRule(meta, (ctx) => {
  if (ctx.graph.connectionsUnread)
    return linesNotRead(meta, "whether each split's branches lead on", ctx.graph);
  const { graph } = ctx;
  const untraced = graph.linesUncertain ? flowUncertainty(graph) : null;
  const found: Finding[] = [];
  for (const step of graph.steps) {
    if (step.kind !== 'split' || !graph.mayRun.has(step.ref)) continue;
    const branches = graph.splitBranches(step.ref);
    const open = [...(branches.yes.length === 0 ? ['Yes'] : []), ...(branches.no.length === 0 ? ['No'] : [])];
    if (open.length === 0) continue;
    const name = ctx.describe(step.ref);
    const which = open.length === 2 ? 'Yes and No branches have' : `${open[0]} branch has`;
    if (branches.unlabeled.length >= open.length) {
      found.push(
        finding(meta, 'review', `A line leaves ${name}, but could not be told Yes or No.`, [step.ref], {
          cause: ctx.unreadCause(step.ref, 'split-label-unknown'),
        }),
      );
    } else if (untraced) {
      found.push(finding(meta, 'review', `${name}: its ${which} no line seen (${untraced}).`, [step.ref]));
    } else {
      found.push(
        finding(meta, 'fail', `${name}: its ${which} no line, so contacts on it stop at the split.`, [
          step.ref,
        ]),
      );
    }
  }
  return found;
});
