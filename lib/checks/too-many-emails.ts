import { plural, tabsPhrase } from './support';
import { defineRule } from './types';

const meta = {
  id: 'too-many-emails',
  severity: 'info',
  title: 'Many emails in one sequence',
  description:
    'The sequence has more email steps than the configured limit (10 by default). Long sequences are hard to edit safely while people are in them.',
  fix: 'Consider splitting it into several shorter sequences and moving contacts from one to the next.',
  messages: {
    tooMany: 'This sequence has {{emails}}, more than your limit of {{limit}}.',
    countedSoFar: '{{emails}} counted so far (limit {{limit}}); {{tabs}} not opened yet.',
  },
  options: {
    limit: {
      type: 'number',
      label: 'Most email steps in one sequence',
      default: 10,
      min: 1,
      max: 1000,
      unit: ['email step', 'email steps'],
    },
  },
  pages: ['editor'],
} as const;

export const rule = defineRule(meta, (ctx, report, { limit }) => {
  if (!ctx.sequence) return [];
  const count = ctx.graph.steps.filter((s) => s.kind === 'email').length;
  const emails = plural(count, 'email step');
  if (count > limit) return [report('fail', 'tooMany', [], { emails, limit })];
  if (ctx.graph.tabsNotSeen.length > 0) {
    return [report('review', 'countedSoFar', [], { emails, limit, tabs: tabsPhrase(ctx.graph.tabsNotSeen) })];
  }
  return [];
});
