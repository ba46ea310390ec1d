import { checkDateSteps } from './support';
import { defineRule, finding } from './types';

const meta = {
  id: 'date-specific-step',
  severity: 'warning',
  title: 'Step runs on a specific date',
  description:
    'The step is set to "Execute on a specific date". Such steps are reported to fire for about 2 hours after the set time and then be skipped, so contacts who arrive later miss it.',
  fix: 'For a fixed date and time, send a broadcast instead; in a sequence, prefer a delay counted from the previous step.',
  pages: ['editor'],
} as const;

export const rule = defineRule(meta, (ctx) =>
  checkDateSteps(ctx, meta, {
    unreadMessage: (step) => `Could not read when ${step} runs (its timing line was not read).`,
    onDate: (ref, at) => {
      const { opens, closes } = ctx.timing.dateStepWindow(at);
      const now = ctx.now.getTime();
      const when = `${at.replace('T', ' ')}, ${ctx.timing.timeZoneLabel}`;
      const open = opens.getTime() <= now && now <= closes.getTime();
      const message = open
        ? `${ctx.describe(ref)} runs on a specific date (${when}): its reported firing window is open now and closes at about ${ctx.timing.formatLocal(closes)}; contacts who reach it after that skip it.`
        : `${ctx.describe(ref)} runs on a specific date (${when}): such steps are reported to fire for about 2 hours after that time and then be skipped.`;
      return finding(meta, 'fail', message, [ref]);
    },
  }),
);
