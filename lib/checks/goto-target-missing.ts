import { tabOfRef } from './support';
import { defineRule, type Finding, finding } from './types';

const meta = {
  id: 'goto-target-missing',
  severity: 'error',
  title: 'Go To names a missing step',
  description:
    'A Go To step jumps to a step number that does not exist (it was deleted or renumbered). Contacts reaching it go nowhere.',
  fix: 'Open the Go To step and choose an existing step to jump to, or delete the Go To.',
  pages: ['editor'],
} as const;

export const rule = defineRule(meta, (ctx) => {
  const { graph, sequence } = ctx;
  if (!sequence) return [];
  const found: Finding[] = [];
  for (const step of graph.steps) {
    if (step.kind !== 'goto') continue;
    const name = ctx.describe(step.ref);
    if (step.goto === null) {
      found.push(
        finding(meta, 'review', `Could not read which step ${name} jumps to.`, [step.ref], {
          cause: ctx.unreadCause(step.ref, 'goto-unread'),
        }),
      );
      continue;
    }
    if (graph.has(step.goto)) continue;
    const tab = tabOfRef(sequence, step.goto);
    if (graph.tabsNotSeen.includes(tab)) {
      found.push(
        finding(
          meta,
          'review',
          `${name} jumps to step ${step.goto}, on tab ${tab}, which has not been opened yet.`,
          [step.ref],
        ),
      );
    } else {
      found.push(
        finding(
          meta,
          'fail',
          `${name} jumps to step ${step.goto}, which does not exist: contacts go nowhere.`,
          [step.ref],
        ),
      );
    }
  }
  return found;
});
