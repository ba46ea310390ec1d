import type { FlowGraph } from '../flow/graph';
import { listNames } from '../model/describe-step';
import { linesNotRead, linesNotReadMessage } from './support';
import { defineRule, type Finding } from './types';

const meta = {
  id: 'instant-loop',
  severity: 'error',
  title: 'Loop without a pause',
  description:
    'Lines or Go To jumps form a loop in which no step waits (no delay, no day-and-time window). Contacts go round it with no pause.',
  fix: 'Add a delay (Wait N days/hours) to a step in the loop, or break the loop.',
  messages: {
    instantLoop: '{{steps}} form a loop in which no step waits: contacts go round it with no pause.',
    timingUnread:
      '{{steps}} form a loop; the timing of {{unread}} could not be read to tell whether anything in it waits.',
    linesNotRead: linesNotReadMessage('whether a loop runs with no wait'),
  },
  pages: ['editor'],
} as const;

function byRunOrder(graph: FlowGraph, refs: string[]): string[] {
  const pos = (r: string) => {
    const i = graph.runIndex(r);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  return [...refs].sort((a, b) => pos(a) - pos(b));
}

export const rule = defineRule(meta, (ctx, report) => {
  if (ctx.graph.connectionsUnread) return linesNotRead(report, 'linesNotRead', ctx.graph);
  const { graph, timing } = ctx;
  const instant = (ref: string): boolean | null => {
    const step = graph.step(ref);
    return step ? timing.runsRightAway(step) : null;
  };
  const found: Finding[] = [];
  const reported = new Set<string>();
  for (const loop of graph.cycles((ref) => instant(ref) === true)) {
    if (!loop.some((r) => graph.mayRun.has(r))) continue;
    const steps = byRunOrder(graph, loop);
    for (const r of steps) reported.add(r);
    found.push(report('fail', 'instantLoop', steps, { steps: listNames(steps.map(ctx.describe)) }));
  }
  for (const loop of graph.cycles((ref) => instant(ref) !== false)) {
    if (!loop.some((r) => graph.mayRun.has(r))) continue;
    const unread = loop.filter((r) => instant(r) === null);
    if (unread.length === 0 || loop.every((r) => reported.has(r))) continue;
    const steps = byRunOrder(graph, loop);
    found.push(
      report('review', 'timingUnread', steps, {
        steps: listNames(steps.map(ctx.describe)),
        unread: listNames(unread.map(ctx.describe)),
      }),
    );
  }
  return found;
});
