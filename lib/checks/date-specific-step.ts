import { checkDateSteps } from './support';
import { defineRule } from './types';

const meta = {
  id: 'date-specific-step',
  severity: 'warning',
  title: 'Step runs on a specific date',
  description:
    'The step is set to "Execute on a specific date". Such steps are reported to fire for about 2 hours after the set time and then be skipped, so contacts who arrive later miss it.',
  fix: 'For a fixed date and time, send a broadcast instead; in a sequence, prefer a delay counted from the previous step.',
  messages: {
    onDate:
      '{{step}} runs on a specific date ({{date}}, {{zone}}): such steps are reported to fire for about 2 hours after that time and then be skipped.',
    windowOpen:
      '{{step}} runs on a specific date ({{date}}, {{zone}}): its reported firing window is open now and closes at about {{closes}}; contacts who reach it after that skip it.',
    timingUnread: 'Could not read when {{step}} runs (its timing line was not read).',
  },
  pages: ['editor'],
} as const;

export const rule = defineRule(meta, (ctx, report) =>
  checkDateSteps(ctx, report, 'timingUnread', (ref, at) => {
    const { opens, closes } = ctx.timing.dateStepWindow(at);
    const now = ctx.now.getTime();
    const data = { step: ctx.describe(ref), date: at.replace('T', ' '), zone: ctx.timing.timeZoneLabel };
    return opens.getTime() <= now && now <= closes.getTime()
      ? report('fail', 'windowOpen', [ref], { ...data, closes: ctx.timing.formatLocal(closes) })
      : report('fail', 'onDate', [ref], data);
  }),
);
