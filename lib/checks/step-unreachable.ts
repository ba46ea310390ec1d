import { listNames } from '../model/describe-step';
import { flowUncertainty, linesNotRead, linesNotReadMessage } from './support';
import { defineRule, type Finding } from './types';

const meta = {
  id: 'step-unreachable',
  severity: 'error',
  title: 'Steps nobody can reach',
  description:
    'These steps have lines (or a Go To) coming in, but no path from Starting Rules reaches them: an island of steps that never runs. A Go To leads somewhere only when it is itself reached and active, so an island closed by a Go To is still an island.',
  fix: "Connect the island's first step into the flow: drag from a step that runs to its node until both turn yellow.",
  messages: {
    unreachable:
      '{{steps}} {{have}} a way in, but no path from Starting Rules reaches {{them}} (a Go To leads on only when it is reached and active), so {{theyNeverRun}}.{{head}}',
    maybeUnreachable: 'No path seen reaches {{steps}} ({{uncertain}}).{{head}}',
    linesNotRead: linesNotReadMessage('whether every step can be reached from Starting Rules'),
  },
  pages: ['editor'],
} as const;

export const rule = defineRule(meta, (ctx, report) => {
  if (ctx.graph.connectionsUnread) return linesNotRead(report, 'linesNotRead', ctx.graph);
  const { graph } = ctx;
  // Steps of a sub-sequence nobody enters are subsequence-never-entered's to report.
  const neverEntered = new Set<string>();
  for (const [letter, refs] of graph.subsequences) {
    if (graph.entriesOf(letter).length === 0) for (const r of refs) neverEntered.add(r);
  }
  const stranded = graph.steps.filter((s) => !graph.entryReachable.has(s.ref) && !neverEntered.has(s.ref));
  // The jump of a stranded Go To joins its island too, even when the Go To is inactive.
  const leadsTo = (ref: string): readonly string[] => {
    const step = graph.step(ref);
    const next = graph.successors(ref);
    return step?.kind === 'goto' && step.goto !== null && !next.includes(step.goto)
      ? [...next, step.goto]
      : next;
  };
  if (stranded.length === 0) return [];

  // Islands: stranded steps joined by lines or jumps, in either direction.
  const parent = new Map<string, string>();
  for (const s of stranded) parent.set(s.ref, s.ref);
  const root = (ref: string): string => {
    let r = ref;
    while (parent.get(r) !== r) {
      const up = parent.get(parent.get(r) as string) as string;
      parent.set(r, up);
      r = up;
    }
    return r;
  };
  for (const s of stranded) {
    for (const next of leadsTo(s.ref)) {
      if (parent.has(next)) parent.set(root(next), root(s.ref));
    }
  }
  const islands = new Map<string, { heads: string[]; members: string[] }>();
  for (const s of stranded) {
    const key = root(s.ref);
    const island = islands.get(key) ?? { heads: [], members: [] };
    // A step nothing points at is step-not-connected's; a Go To's target has a way in, if unused.
    const pointedAt = graph.incomingConnections(s.ref) > 0 || graph.gotoSources(s.ref).length > 0;
    (pointedAt ? island.members : island.heads).push(s.ref);
    islands.set(key, island);
  }

  const uncertain = flowUncertainty(graph);
  const found: Finding[] = [];
  for (const { heads, members } of islands.values()) {
    if (members.length === 0) continue;
    const steps = listNames(members.map(ctx.describe));
    // The head is step-not-connected's to report; named here, it says where to connect the island.
    const head =
      heads.length > 0
        ? ` Its first step, ${listNames(heads.map(ctx.describe))}, has no line coming in.`
        : '';
    if (uncertain) {
      found.push(report('review', 'maybeUnreachable', members, { steps, uncertain, head }));
    } else {
      const one = members.length === 1;
      found.push(
        report('fail', 'unreachable', members, {
          steps,
          head,
          ...(one
            ? { have: 'has', them: 'it', theyNeverRun: 'it never runs' }
            : { have: 'have', them: 'them', theyNeverRun: 'they never run' }),
        }),
      );
    }
  }
  return found;
});
