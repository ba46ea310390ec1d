import { listNames } from '../model/describe-step';
import { flowUncertainty, linesNotRead } from './support';
import { defineRule, type Finding, finding } from './types';

const meta = {
  id: 'step-unreachable',
  severity: 'error',
  title: 'Steps nobody can reach',
  description:
    'These steps have lines (or a Go To) coming in, but no path from Starting Rules reaches them: an island of steps that never runs. A Go To leads somewhere only when it is itself reached and active, so an island closed by a Go To is still an island.',
  fix: "Connect the island's first step into the flow: drag from a step that runs to its node until both turn yellow.",
  pages: ['editor'],
} as const;

export const rule = defineRule(meta, (ctx) => {
  if (ctx.graph.connectionsUnread)
    return linesNotRead(meta, 'whether every step can be reached from Starting Rules', ctx.graph);
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
    const names = listNames(members.map(ctx.describe));
    const via =
      heads.length > 0
        ? ` Its first step, ${listNames(heads.map(ctx.describe))}, has no line coming in.`
        : '';
    if (uncertain) {
      found.push(finding(meta, 'review', `No path seen reaches ${names} (${uncertain}).${via}`, members));
    } else {
      found.push(
        finding(
          meta,
          'fail',
          `${names} ${members.length === 1 ? 'has' : 'have'} a way in, but no path from Starting Rules reaches ${members.length === 1 ? 'it' : 'them'} (a Go To leads on only when it is reached and active), so ${members.length === 1 ? 'it never runs' : 'they never run'}.${via}`,
          members,
        ),
      );
    }
  }
  return found;
});
