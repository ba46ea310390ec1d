import { defineRule, type Finding, finding } from './types';

const meta = {
  id: 'date-specific-step',
  severity: 'warning',
  title: 'Step runs on a specific date',
  description:
    'The step is set to "Execute on a specific date". Such steps are reported to fire for about 2 hours after the set time and then be skipped, so contacts who arrive later miss it.',
  fix: 'For a fixed date and time, send a broadcast instead; in a sequence, prefer a delay counted from the previous step.',
  pages: ['editor'],
} as const;

export const rule = defineRule(meta, (ctx) => {
  const found: Finding[] = [];
  for (const step of ctx.graph.steps) {
    if (step.delay === null) {
      found.push(
        finding(
          meta,
          'review',
          `Could not read when ${ctx.describe(step.ref)} runs (its timing line was not read).`,
          [step.ref],
        ),
      );
    } else if (step.delay.type === 'date') {
      found.push(
        finding(
          meta,
          'fail',
          `${ctx.describe(step.ref)} runs on a specific date (${step.delay.at.replace('T', ' ')}, account time zone): such steps are reported to fire for about 2 hours after that time and then be skipped.`,
          [step.ref],
        ),
      );
    }
  }
  return found;
});
