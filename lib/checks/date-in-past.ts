import { checkDateSteps } from './support';
import { defineRule, finding } from './types';

const meta = {
  id: 'date-in-past',
  severity: 'error',
  title: 'Specific date is in the past',
  description:
    "A date-specific step's date and time has already passed (in the account time zone). Every contact who reaches it from now on skips it.",
  fix: 'Set a future date on the step, or replace it with a delay counted from the previous step (or a broadcast).',
  pages: ['editor'],
} as const;

export const rule = defineRule(meta, (ctx) =>
  checkDateSteps(ctx, meta, {
    unreadMessage: (step) => `Could not read whether ${step} runs on a date that has passed.`,
    onDate: (ref, at) => {
      const instant = ctx.timing.localToInstant(at);
      if (!(instant.getTime() < ctx.now.getTime())) return null;
      return finding(
        meta,
        'fail',
        `${ctx.describe(ref)} was set for ${at.replace('T', ' ')} (${ctx.timing.timeZone}), which has passed: everyone who reaches it from now on skips it.`,
        [ref],
      );
    },
  }),
);
