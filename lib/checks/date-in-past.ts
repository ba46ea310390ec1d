import { defineRule, type Finding, finding } from './types';

const meta = {
  id: 'date-in-past',
  severity: 'error',
  title: 'Specific date is in the past',
  description:
    "A date-specific step's date and time has already passed (in the account time zone). Every contact who reaches it from now on skips it.",
  fix: 'Set a future date on the step, or replace it with a delay counted from the previous step (or a broadcast).',
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
          `Could not read whether ${ctx.describe(step.ref)} runs on a date that has passed.`,
          [step.ref],
        ),
      );
      continue;
    }
    if (step.delay.type !== 'date') continue;
    const at = ctx.timing.localToInstant(step.delay.at);
    if (!(at.getTime() < ctx.now.getTime())) continue;
    found.push(
      finding(
        meta,
        'fail',
        `${ctx.describe(step.ref)} was set for ${step.delay.at.replace('T', ' ')} (${ctx.timing.timeZone}), which has passed: everyone who reaches it from now on skips it.`,
        [step.ref],
      ),
    );
  }
  return found;
});
