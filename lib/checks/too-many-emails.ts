import { plural, tabsPhrase } from './support';
import { defineRule, finding } from './types';

const meta = {
  id: 'too-many-emails',
  severity: 'info',
  title: 'Many emails in one sequence',
  description:
    'The sequence has more email steps than the configured limit (10 by default). Long sequences are hard to edit safely while people are in them.',
  fix: 'Consider splitting it into several shorter sequences and moving contacts from one to the next.',
  pages: ['editor'],
} as const;

export const rule = defineRule(meta, (ctx) => {
  if (!ctx.sequence) return [];
  const limit = ctx.settings.tooManyEmailsLimit;
  const emails = ctx.graph.steps.filter((s) => s.kind === 'email').length;
  if (emails > limit) {
    return [
      finding(
        meta,
        'fail',
        `This sequence has ${plural(emails, 'email step')}, more than your limit of ${limit}.`,
        [],
      ),
    ];
  }
  if (ctx.graph.tabsNotSeen.length > 0) {
    return [
      finding(
        meta,
        'review',
        `${plural(emails, 'email step')} counted so far (limit ${limit}); ${tabsPhrase(ctx.graph.tabsNotSeen)} not opened yet.`,
        [],
      ),
    ];
  }
  return [];
});
