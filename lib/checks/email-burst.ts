import { listNames } from '../describe-step';
import type { Step } from '../model';
import { isMessage, linesNotRead } from './support';
import { defineRule, type Finding, finding } from './types';

const meta = {
  id: 'email-burst',
  severity: 'warning',
  title: 'Messages sent at the same moment',
  description:
    'Two or more emails or SMS reach a contact at the same moment: every step between them, and the later message, runs right after the previous step with no day-and-time window.',
  fix: 'Add a delay (Wait N days/hours) to the later message so they arrive apart.',
  pages: ['editor'],
} as const;

/** Union-find over step references. */
class Groups {
  private readonly parent = new Map<string, string>();
  find(ref: string): string {
    if (!this.parent.has(ref)) this.parent.set(ref, ref);
    let root = ref;
    while (this.parent.get(root) !== root) root = this.parent.get(root) as string;
    for (let r = ref; r !== root; ) {
      const up = this.parent.get(r) as string;
      this.parent.set(r, root);
      r = up;
    }
    return root;
  }
  join(a: string, b: string): void {
    this.parent.set(this.find(a), this.find(b));
  }
  members(): string[][] {
    const byRoot = new Map<string, string[]>();
    for (const ref of this.parent.keys()) {
      const root = this.find(ref);
      const list = byRoot.get(root);
      if (list) list.push(ref);
      else byRoot.set(root, [ref]);
    }
    return [...byRoot.values()].filter((g) => g.length > 1);
  }
}

export const rule = defineRule(meta, (ctx) => {
  if (ctx.graph.connectionsUnread) return linesNotRead(meta, 'which messages follow one another');
  const { graph, timing } = ctx;
  const sends = (step: Step) => step.active && isMessage(step);
  const certain = new Groups();
  const maybe = new Groups();
  for (const first of graph.steps) {
    if (!sends(first) || !graph.mayRun.has(first.ref)) continue;
    // Walk forward through steps that run at once; stop at anything that waits and at the next
    // message (whose own walk takes over). 1 = reached surely, 2 = only through unread timing.
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
        (unsure ? maybe : certain).join(first.ref, ref);
        continue;
      }
      for (const next of graph.successors(ref)) queue.push([next, unsure]);
    }
  }
  const order = (refs: string[]) =>
    [...refs].sort((a, b) => {
      const pa = graph.runIndex(a);
      const pb = graph.runIndex(b);
      return (pa < 0 ? Number.MAX_SAFE_INTEGER : pa) - (pb < 0 ? Number.MAX_SAFE_INTEGER : pb);
    });
  const found: Finding[] = [];
  const sure = certain.members();
  const covered = new Set(sure.flat());
  for (const group of sure) {
    const steps = order(group);
    found.push(
      finding(
        meta,
        'fail',
        `${listNames(steps.map(ctx.describe))} reach the contact at the same moment: nothing between them waits.`,
        steps,
      ),
    );
  }
  for (const group of maybe.members()) {
    if (group.every((r) => covered.has(r))) continue;
    const steps = order(group);
    found.push(
      finding(
        meta,
        'review',
        `${listNames(steps.map(ctx.describe))} may reach the contact at the same moment; the timing of a step between them could not be read.`,
        steps,
      ),
    );
  }
  return found;
});
