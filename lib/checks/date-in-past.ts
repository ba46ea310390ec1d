import { checkDateSteps } from './support';
import { defineRule, finding } from './types';

const meta = {
  id: 'date-in-past',
  severity: 'error',
  title: 'Specific date is in the past',
  description:
    "A date-specific step's date and time is more than 2 hours past (the reported firing window has closed), in the account time zone. Every contact who reaches it from now on skips it.",
  fix: 'Set a future date on the step, or replace it with a delay counted from the previous step (or a broadcast).',
  pages: ['editor'],
} as const;

export const rule = defineRule(meta, (ctx) =>
  checkDateSteps(ctx, meta, {
    unreadMessage: (step) => `Could not read whether ${step} runs on a date that has passed.`,
    onDate: (ref, at) => {
      const { closes } = ctx.timing.dateStepWindow(at);
      // Within the reported 2-hour window the step still fires (date-specific-step says until when).
      if (!(closes.getTime() < ctx.now.getTime())) return null;
      return finding(
        meta,
        'fail',
        `${ctx.describe(ref)} was set for ${at.replace('T', ' ')} in ${ctx.timing.timeZoneLabel}; its reported firing window (about 2 hours) closed at ${ctx.timing.formatLocal(closes)}, so everyone who reaches it from now on skips it.`,
        [ref],
      );
    },
  }),
);
