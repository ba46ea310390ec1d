import { checkDateSteps } from './support';
import { defineRule } from './types';

const meta = {
  id: 'date-in-past',
  severity: 'error',
  title: 'Specific date is in the past',
  description:
    "A date-specific step's date and time is more than 2 hours past (the reported firing window has closed), in the account time zone. Every contact who reaches it from now on skips it.",
  fix: 'Set a future date on the step, or replace it with a delay counted from the previous step (or a broadcast).',
  messages: {
    inPast:
      '{{step}} was set for {{date}} in {{zone}}; its reported firing window (about 2 hours) closed at {{closed}}, so everyone who reaches it from now on skips it.',
    timingUnread: 'Could not read whether {{step}} runs on a date that has passed.',
  },
  pages: ['editor'],
} as const;

export const rule = defineRule(meta, (ctx, report) =>
  checkDateSteps(ctx, report, 'timingUnread', (ref, at) => {
    const { closes } = ctx.timing.dateStepWindow(at);
    // Within the reported 2-hour window the step still fires (date-specific-step says until when).
    if (!(closes.getTime() < ctx.now.getTime())) return null;
    return report('fail', 'inPast', [ref], {
      step: ctx.describe(ref),
      date: at.replace('T', ' '),
      zone: ctx.timing.timeZoneLabel,
      closed: ctx.timing.formatLocal(closes),
    });
  }),
);
