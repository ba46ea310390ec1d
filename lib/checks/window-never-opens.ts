import { defineRule, type Finding } from './types';

const meta = {
  id: 'window-never-opens',
  severity: 'error',
  title: 'Day-and-time window never opens',
  description:
    "The step's day-and-time window has no days ticked, or its end time equals its start. The step waits for an opening that never comes. (An end of 12:00 AM is midnight at the end of the day; a window that ends before it starts, overnight, is for review: Kartra does not document how it runs.)",
  fix: "Open the step's timing and tick at least one day, with an end time after the start time (or allow any day, any time).",
  messages: {
    noDays: '{{step}} has a day-and-time window that has no days, so the step waits forever.',
    endsAtStart:
      '{{step}} has a day-and-time window that ends when it starts ({{hours}}), so it is never open, so the step waits forever.',
    overnight:
      '{{step}} has a day-and-time window that ends before it starts ({{hours}}). Kartra does not document whether such a window runs overnight or never opens: check that the step runs, or set an end after the start.',
    windowUnread: 'Could not read the day-and-time window of {{step}}.',
  },
  pages: ['editor'],
} as const;

/** A window's end as findings show it: "24:00" is midnight at the end of the day. */
const endText = (clock: string) => (clock === '24:00' ? '24:00, midnight at the end of the day' : clock);

export const rule = defineRule(meta, (ctx, report) => {
  const found: Finding[] = [];
  for (const step of ctx.graph.steps) {
    const window = step.window;
    if (window === null) {
      const cause = ctx.unreadCause(step.ref, 'window-unread');
      found.push(report('review', 'windowUnread', [step.ref], { step: ctx.describe(step.ref) }, { cause }));
      continue;
    }
    if (window.type === 'any') continue;
    const problem = ctx.timing.windowProblem(window);
    if (problem === null) continue;
    // Named only here: most steps have no finding, and naming all 1,000 cost more than checking them.
    const data = { step: ctx.describe(step.ref), hours: `${window.from} – ${endText(window.to)}` };
    if (problem === 'overnight') found.push(report('review', 'overnight', [step.ref], data));
    else found.push(report('fail', problem === 'no-days' ? 'noDays' : 'endsAtStart', [step.ref], data));
  }
  return found;
});
