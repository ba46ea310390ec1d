import { listNames } from '../model/describe-step';
import type { Step } from '../model/model';
import { delayLengthMs } from '../time/timing';
import { isMessage, linesNotRead, linesNotReadMessage } from './support';
import { defineRule, type Finding, optionValueWords } from './types';

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
    tooClose: '{{steps}} reach the contact less than {{gap}} apart; your house rule asks for at least that.',
    maybeTooClose:
      '{{steps}} may reach the contact less than {{gap}} apart (your house rule); the timing of a step between them could not be read.',
    linesNotRead: linesNotReadMessage('which messages follow one another'),
  },
  fixes: {
    gap: 'Add a delay (Wait N days/hours) to the later message so they arrive at least {{gap}} apart.',
  },
  options: {
    minGapMinutes: {
      type: 'number',
      label: 'Least time between two messages',
      default: 0,
      min: 0,
      max: 7 * 24 * 60,
      unit: ['minute', 'minutes'],
      special: { 0: 'none: only messages at the same moment' },
    },
  },
  pages: ['editor'],
} as const;

/**
 * How long a step holds a contact before it runs (ms), and whether that was read in full; null
 * when it holds them until a date or a day-and-time window, which spreads messages apart anyway.
 */
function pauseOf(step: Step): { ms: number; sure: boolean } | null {
  if (!step.active) return { ms: 0, sure: true };
  if (step.delay?.type === 'date' || step.window?.type === 'hours') return null;
  return {
    ms: (step.delay ? delayLengthMs(step.delay) : null) ?? 0,
    sure: step.delay !== null && step.window !== null,
  };
}

/** Beyond this many bursts the flow is pathological; the first ones are enough to act on. */
const MAX_BURSTS = 500;

export const rule = defineRule(meta, (ctx, report, { minGapMinutes }) => {
  if (ctx.graph.connectionsUnread) return linesNotRead(report, 'linesNotRead', ctx.graph);
  const { graph } = ctx;
  const sends = (step: Step) => step.active && isMessage(step);
  const gapMs = minGapMinutes * 60_000;
  // With no gap set, only messages at the very same moment are too close.
  const tooClose = (elapsed: number) => (gapMs === 0 ? elapsed === 0 : elapsed < gapMs);
  // For each message, the messages that follow it too closely: the walk adds up what each step
  // holds a contact and stops once that is enough, at a date or a window, and at the next message.
  // true = surely too close, false = only through unread timing.
  const follows = new Map<string, Map<string, boolean>>();
  const followed = new Set<string>();
  for (const first of graph.steps) {
    if (!sends(first) || !graph.mayRun.has(first.ref)) continue;
    const next = new Map<string, boolean>();
    // The least time each step was reached after `first`: surely, and through unread timing.
    const soonestSure = new Map<string, number>();
    const soonest = new Map<string, number>();
    const queue: Array<[string, number, boolean]> = graph.successors(first.ref).map((r) => [r, 0, false]);
    for (let head = 0; head < queue.length; head++) {
      const [ref, before, doubtful] = queue[head] as [string, number, boolean];
      const step = graph.step(ref);
      if (!step || ref === first.ref) continue;
      const pause = pauseOf(step);
      if (pause === null) continue;
      const elapsed = before + pause.ms;
      if (!tooClose(elapsed)) continue;
      const unsure = doubtful || !pause.sure;
      if ((soonestSure.get(ref) ?? Number.POSITIVE_INFINITY) <= elapsed) continue;
      if (unsure && (soonest.get(ref) ?? Number.POSITIVE_INFINITY) <= elapsed) continue;
      (unsure ? soonest : soonestSure).set(ref, elapsed);
      if (sends(step)) {
        next.set(ref, !unsure || next.get(ref) === true);
        continue;
      }
      for (const after of graph.successors(ref)) queue.push([after, elapsed, unsure]);
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
  const gap = optionValueWords(meta.options.minGapMinutes, minGapMinutes);
  const say = (kind: Finding['kind'], run: readonly string[]) => {
    const steps = listNames(run.map(ctx.describe));
    if (gapMs === 0) return report(kind, kind === 'fail' ? 'sameMoment' : 'maybeSameMoment', run, { steps });
    return report(kind, kind === 'fail' ? 'tooClose' : 'maybeTooClose', run, { steps, gap }, { fix: 'gap' });
  };
  const found: Finding[] = [];
  const said = new Set<string>();
  for (const run of sure) {
    if (said.has(key(run))) continue;
    said.add(key(run));
    // A run lists its messages in the order the contact gets them.
    found.push(say('fail', run));
  }
  for (const { steps: run, sure: certain } of bursts) {
    if (certain || said.has(key(run)) || sure.some((s) => covers(s, run))) continue;
    said.add(key(run));
    found.push(say('review', run));
  }
  return found;
});
