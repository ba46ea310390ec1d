import { defineRule, type Finding, finding } from './types';

const meta = {
  id: 'window-never-opens',
  severity: 'error',
  title: 'Day-and-time window never opens',
  description:
    "The step's day-and-time window has no days ticked, or its end time is not after its start. The step waits for an opening that never comes.",
  fix: "Open the step's timing and tick at least one day, with an end time after the start time (or allow any day, any time).",
  pages: ['editor'],
} as const;

export const rule = defineRule(meta, (ctx) => {
  const found: Finding[] = [];
  for (const step of ctx.graph.steps) {
    const window = step.window;
    if (window === null) {
      found.push(
        finding(meta, 'review', `Could not read the day-and-time window of ${ctx.describe(step.ref)}.`, [
          step.ref,
        ]),
      );
      continue;
    }
    if (window.type === 'any' || !ctx.timing.windowNeverOpens(window)) continue;
    const why =
      window.days.length === 0
        ? 'has no days'
        : `ends (${window.to}) no later than it starts (${window.from})`;
    found.push(
      finding(
        meta,
        'fail',
        `${ctx.describe(step.ref)} has a day-and-time window that ${why}, so the step waits forever.`,
        [step.ref],
      ),
    );
  }
  return found;
});
