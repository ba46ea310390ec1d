import { defineRule, type Finding, finding } from './types';

const meta = {
  id: 'window-never-opens',
  severity: 'error',
  title: 'Day-and-time window never opens',
  description:
    "The step's day-and-time window has no days ticked, or its end time equals its start. The step waits for an opening that never comes. (An end of 12:00 AM is midnight at the end of the day; a window that ends before it starts, overnight, is for review: Kartra does not document how it runs.)",
  fix: "Open the step's timing and tick at least one day, with an end time after the start time (or allow any day, any time).",
  pages: ['editor'],
} as const;

/** A window's end as findings show it: "24:00" is midnight at the end of the day. */
const endText = (clock: string) => (clock === '24:00' ? '24:00, midnight at the end of the day' : clock);

export const rule = defineRule(meta, (ctx) => {
  const found: Finding[] = [];
  for (const step of ctx.graph.steps) {
    const window = step.window;
    if (window === null) {
      const name = ctx.describe(step.ref);
      found.push(
        finding(meta, 'review', `Could not read the day-and-time window of ${name}.`, [step.ref], {
          cause: ctx.unreadCause(step.ref, 'window-unread'),
        }),
      );
      continue;
    }
    if (window.type === 'any') continue;
    const problem = ctx.timing.windowProblem(window);
    if (problem === null) continue;
    // Named only here: most steps have no finding, and naming all 1,000 cost more than checking them.
    const name = ctx.describe(step.ref);
    const hours = `${window.from} – ${endText(window.to)}`;
    if (problem === 'overnight') {
      found.push(
        finding(
          meta,
          'review',
          `${name} has a day-and-time window that ends before it starts (${hours}). Kartra does not document whether such a window runs overnight or never opens: check that the step runs, or set an end after the start.`,
          [step.ref],
        ),
      );
      continue;
    }
    const why = problem === 'no-days' ? 'has no days' : `ends when it starts (${hours}), so it is never open`;
    found.push(
      finding(meta, 'fail', `${name} has a day-and-time window that ${why}, so the step waits forever.`, [
        step.ref,
      ]),
    );
  }
  return found;
});
