import { listNames } from '../model/describe-step';
import type { Step } from '../model/model';
import { isMessage, linesNotRead, linesNotReadMessage } from './support';
import { defineRule, type Finding } from './types';

const meta = {
  id: 'email-burst',
  severity: 'warning',
  title: 'Messages sent at the same moment',
  description:
    'Two or more emails or SMS reach a contact at the same moment: every step between them, and the later message, runs right after the previous step with no day-and-time window.',
  fix: 'Add a delay (Wait N days/hours) to the later message so they arrive apart.',
  messages: {
    sameMoment: '{{steps}} reach the contact at the same moment: nothing between them waits.',
    maybeSameMoment:
      '{{steps}} may reach the contact at the same moment; the timing of a step between them could not be read.',
    linesNotRead: linesNotReadMessage('which messages follow one another'),
  },
  pages: ['editor'],
} as const;

/** Beyond this many bursts the flow is pathological; the first ones are enough to act on. */
const MAX_BURSTS = 500;

export const rule = defineRule(meta, (ctx, report) => {
  if (ctx.graph.connectionsUnread) return linesNotRead(report, 'linesNotRead', ctx.graph);
  const { graph, timing } = ctx;
  const sends = (step: Step) => step.active && isMessage(step);
  // For each message, the messages that follow it at once: the walk goes through steps that run
  // right away and stops at anything that waits and at the next message. true = surely at once,
  // false = only through unread timing.
  const follows = new Map<string, Map<string, boolean>>();
  const followed = new Set<string>();
  for (const first of graph.steps) {
    if (!sends(first) || !graph.mayRun.has(first.ref)) continue;
    const next = new Map<string, boolean>();
    // 1 = reached surely, 2 = only through unread timing.
    const state = new Map<string, number>();
    const queue: Array<[string, boolean]> = graph.successors(first.ref).map((r) => [r, false]);
    for (let head = 0; head < queue.length; head++) {
      const [ref, doubtful] = queue[head] as [string, boolean];
      const step = graph.step(ref);
      if (!step || ref === first.ref) continue;
      const quick = timing.runsRightAway(step);
      if (quick === false) continue;
      const unsure = doubtful || quick === null;
      const before = state.get(ref);
      if (before === 1 || (before === 2 && unsure)) continue;
      state.set(ref, unsure ? 2 : 1);
      if (sends(step)) {
        next.set(ref, !unsure || next.get(ref) === true);
        continue;
      }
      for (const after of graph.successors(ref)) queue.push([after, unsure]);
    }
    if (next.size === 0) continue;
    follows.set(first.ref, next);
    for (const ref of next.keys()) followed.add(ref);
  }

  // A burst is one contact's run of messages, each at once after the one before. The messages
  // after a split's two branches are separate runs: one contact takes one branch only.
  const bursts: Array<{ steps: string[]; sure: boolean }> = [];
  const extend = (run: string[], sure: boolean) => {
    if (bursts.length >= MAX_BURSTS) return;
    const last = run[run.length - 1] as string;
    const next = [...(follows.get(last) ?? [])].filter(([ref]) => !run.includes(ref));
    if (next.length === 0) {
      if (run.length > 1) bursts.push({ steps: run, sure });
      return;
    }
    for (const [ref, certain] of next) extend([...run, ref], sure && certain);
  };
  // Runs start at a message nothing sends at once before it (or anywhere in a loop of them).
  const starts = [...follows.keys()].filter((ref) => !followed.has(ref));
  for (const ref of starts.length > 0 ? starts : [...follows.keys()].slice(0, 1)) extend([ref], true);

  const key = (steps: readonly string[]) => [...steps].sort().join(' ');
  const covers = (big: readonly string[], small: readonly string[]) => small.every((r) => big.includes(r));
  const sure = bursts.filter((b) => b.sure).map((b) => b.steps);
  const found: Finding[] = [];
  const said = new Set<string>();
  for (const run of sure) {
    if (said.has(key(run))) continue;
    said.add(key(run));
    // A run lists its messages in the order the contact gets them.
    found.push(report('fail', 'sameMoment', run, { steps: listNames(run.map(ctx.describe)) }));
  }
  for (const { steps: run, sure: certain } of bursts) {
    if (certain || said.has(key(run)) || sure.some((s) => covers(s, run))) continue;
    said.add(key(run));
    found.push(report('review', 'maybeSameMoment', run, { steps: listNames(run.map(ctx.describe)) }));
  }
  return found;
});
