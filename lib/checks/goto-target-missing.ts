import { tabOfRef } from './support';
import { defineRule, type Finding } from './types';

const meta = {
  id: 'goto-target-missing',
  severity: 'error',
  title: 'Go To names a missing step',
  description:
    'A Go To step jumps to a step number that does not exist (it was deleted or renumbered). Contacts reaching it go nowhere.',
  fix: 'Open the Go To step and choose an existing step to jump to, or delete the Go To.',
  messages: {
    targetMissing: '{{step}} jumps to step {{target}}, which does not exist: contacts go nowhere.',
    targetNotOpened: '{{step}} jumps to step {{target}}, on tab {{tab}}, which has not been opened yet.',
    targetUnread: 'Could not read which step {{step}} jumps to.',
  },
  pages: ['editor'],
} as const;

export const rule = defineRule(meta, (ctx, report) => {
  const { graph, sequence } = ctx;
  if (!sequence) return [];
  const found: Finding[] = [];
  for (const step of graph.steps) {
    if (step.kind !== 'goto') continue;
    const name = ctx.describe(step.ref);
    if (step.goto === null) {
      const cause = ctx.unreadCause(step.ref, 'goto-unread');
      found.push(report('review', 'targetUnread', [step.ref], { step: name }, { cause }));
      continue;
    }
    if (graph.has(step.goto)) continue;
    const tab = tabOfRef(sequence, step.goto);
    if (graph.tabsNotSeen.includes(tab)) {
      found.push(report('review', 'targetNotOpened', [step.ref], { step: name, target: step.goto, tab }));
    } else {
      found.push(report('fail', 'targetMissing', [step.ref], { step: name, target: step.goto }));
    }
  }
  return found;
});
