import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildGraph, compareRefs, subsequenceLetter } from '../../../lib/flow/graph';
import type { Connection } from '../../../lib/model/model';
import { chain, complete, email, goto, no, sequence, split, step, tag, yes } from '../checks/model-builder';

describe('flow graph', () => {
  const branching = buildGraph(
    sequence({
      steps: [
        email('1'),
        split('2'),
        email('3'),
        email('4'),
        goto('5', 'A1'),
        email('A1'),
        complete('A2'),
        complete('6'),
      ],
      connections: [
        ...chain('start', '1', '2'),
        no('2', '4'),
        yes('2', '3'),
        ...chain('3', '5'),
        ...chain('4', '6'),
        ...chain('A1', 'A2'),
      ],
    }),
  );

  it('follows Yes before No, then Go To jumps', () => {
    expect(branching.successors('2')).toEqual(['3', '4']);
    expect(branching.successors('5')).toEqual(['A1']);
    expect(branching.successors('start')).toEqual(['1']);
  });

  it('orders steps as a contact meets them: Yes branch first, into the sub-sequence at the Go To', () => {
    expect(branching.runOrder).toEqual(['1', '2', '3', '5', 'A1', 'A2', '4', '6']);
    expect(branching.runIndex('A1')).toBe(4);
  });

  it('shows the real order when numbers were inserted later', () => {
    const g = buildGraph(
      sequence({ steps: [email('1'), email('2'), email('3')], connections: chain('start', '1', '3', '2') }),
    );
    expect(g.runOrder).toEqual(['1', '3', '2']);
  });

  it('tells reachable steps from islands', () => {
    const g = buildGraph(
      sequence({
        steps: [email('1'), complete('2'), email('3'), email('4'), goto('5', 'A1'), email('A1')],
        connections: [...chain('start', '1', '2'), ...chain('3', '4', '5')],
      }),
    );
    expect([...g.reachable].sort(compareRefs)).toEqual(['1', '2']);
    // A stranded Go To leads nobody anywhere: its target is no more reached than the Go To.
    expect([...g.entryReachable].sort(compareRefs)).toEqual(['1', '2']);
    expect(g.entriesOf('A')).toEqual([]);
    expect(g.runIndex('3')).toBe(-1);
  });

  it('an inactive Go To is skipped: its jump is no successor, no entry and no run order', () => {
    const g = buildGraph(
      sequence({
        steps: [email('1'), goto('2', 'A1', { active: false }), email('A1'), complete('A2')],
        connections: [...chain('start', '1', '2'), ...chain('A1', 'A2')],
      }),
    );
    expect(g.successors('2')).toEqual([]);
    expect(g.gotoSources('A1')).toEqual(['2']);
    expect(g.entriesOf('A')).toEqual([]);
    expect(g.runOrder).toEqual(['1', '2']);
  });

  it('while a tab is unopened, an active Go To target may be reached through it', () => {
    const g = buildGraph(
      sequence({
        steps: [email('1'), complete('2'), email('3'), goto('4', 'A1'), email('A1')],
        connections: [...chain('start', '1', '2'), ...chain('3', '4')],
        tabs: { all: ['Main', 'A', 'B'], seen: ['Main', 'A'] },
      }),
    );
    expect([...g.entryReachable].sort(compareRefs)).toEqual(['1', '2', 'A1']);
    // The Go To itself is not known to be reached, so it is not a known way into A.
    expect(g.entriesOf('A')).toEqual([]);
    expect(g.mayRun.has('4')).toBe(true);
  });

  it('reports split branches, including lines whose branch was not told', () => {
    const g = buildGraph(
      sequence({
        steps: [split('1'), email('2'), email('3')],
        connections: [yes('1', '2'), { from: '1', to: '3' }],
      }),
    );
    expect(g.splitBranches('1')).toEqual({ yes: ['2'], no: [], unlabeled: ['3'] });
  });

  it('groups sub-sequences by letter and knows how they are entered', () => {
    expect(branching.subsequences.get('A')).toEqual(['A1', 'A2']);
    expect(branching.entriesOf('A')).toEqual(['A1']);
    expect(branching.subsequenceOf('A2')).toBe('A');
    expect(branching.subsequenceOf('12')).toBeNull();
    expect(subsequenceLetter('B10')).toBe('B');
  });

  it('counts lines in and Go To sources', () => {
    expect(branching.incomingConnections('A1')).toBe(0);
    expect(branching.gotoSources('A1')).toEqual(['5']);
    expect(branching.incomingConnections('4')).toBe(1);
  });

  it('ignores lines to steps that do not exist and keeps the first card of a duplicated number', () => {
    const g = buildGraph(
      sequence({
        steps: [email('1'), tag('1'), email('2')],
        connections: [...chain('start', '1', '2'), { from: '2', to: '9' }],
      }),
    );
    expect(g.duplicateRefs).toEqual(['1']);
    expect(g.step('1')?.kind).toBe('email');
    expect(g.successors('2')).toEqual([]);
  });

  it('knows which tabs were not read', () => {
    const g = buildGraph(
      sequence({ steps: [email('1')], tabs: { all: ['Main', 'A', 'B'], seen: ['Main', 'B'] } }),
    );
    expect(g.tabsNotSeen).toEqual(['A']);
    expect(g.complete).toBe(false);
    expect(buildGraph(sequence({ steps: [email('1')] })).complete).toBe(true);
  });

  it('finds loops, including a step that leads to itself, and nothing in a straight line', () => {
    const g = buildGraph(
      sequence({
        steps: [email('1'), email('2'), goto('3', '1'), email('4'), goto('5', '5')],
        connections: chain('start', '1', '2', '3'),
      }),
    );
    expect(g.cycles(() => true)).toEqual(expect.arrayContaining([['1', '2', '3'], ['5']]));
    expect(g.cycles(() => true)).toHaveLength(2);
    expect(g.cycles((ref) => ref !== '2')).toEqual([['5']]);
    expect(
      buildGraph(sequence({ steps: [email('1'), email('2')], connections: chain('start', '1', '2') })).cycles(
        () => true,
      ),
    ).toEqual([]);
  });

  it('sorts references as the builder numbers them', () => {
    expect(['A2', '10', 'B1', '2', 'start', 'A10'].sort(compareRefs)).toEqual([
      'start',
      '2',
      '10',
      'A2',
      'A10',
      'B1',
    ]);
  });
});

/** Random flows: n steps, random lines, some Go To steps. */
const flowArb = fc
  .integer({ min: 1, max: 25 })
  .chain((n) =>
    fc.record({
      n: fc.constant(n),
      lines: fc.array(fc.tuple(fc.integer({ min: 0, max: n }), fc.integer({ min: 1, max: n })), {
        maxLength: n * 2,
      }),
      jumps: fc.array(fc.tuple(fc.integer({ min: 1, max: n }), fc.integer({ min: 1, max: n })), {
        maxLength: 3,
      }),
    }),
  )
  .map(({ n, lines, jumps }) => {
    const jumpFrom = new Map(jumps.map(([from, to]) => [from, to]));
    const steps = Array.from({ length: n }, (_, i) => {
      const target = jumpFrom.get(i + 1);
      return target ? goto(String(i + 1), String(target)) : step(String(i + 1), 'tag');
    });
    const connections: Connection[] = lines.map(([from, to]) => ({
      from: from === 0 ? 'start' : String(from),
      to: String(to),
    }));
    return sequence({ steps, connections });
  });

function reachesByBfs(seq: ReturnType<typeof sequence>, from: string): Set<string> {
  const next = new Map<string, string[]>();
  for (const c of seq.connections) next.set(c.from, [...(next.get(c.from) ?? []), c.to]);
  for (const s of seq.steps)
    if (s.kind === 'goto' && s.goto) next.set(s.ref, [...(next.get(s.ref) ?? []), s.goto]);
  const seen = new Set<string>();
  const queue = [...(next.get(from) ?? [])];
  while (queue.length) {
    const r = queue.shift() as string;
    if (seen.has(r)) continue;
    seen.add(r);
    queue.push(...(next.get(r) ?? []));
  }
  return seen;
}

describe('flow graph properties', () => {
  it('run order holds every reachable step exactly once, and nothing else', () => {
    fc.assert(
      fc.property(flowArb, (seq) => {
        const g = buildGraph(seq);
        expect(new Set(g.runOrder).size).toBe(g.runOrder.length);
        expect(new Set(g.runOrder)).toEqual(g.reachable);
        expect(g.reachable).toEqual(reachesByBfs(seq, 'start'));
      }),
    );
  });

  it('a step is in a loop exactly when it can come back to itself', () => {
    fc.assert(
      fc.property(flowArb, (seq) => {
        const g = buildGraph(seq);
        const loops = g.cycles(() => true);
        const inLoop = new Map<string, number>();
        loops.forEach((loop, i) => {
          for (const r of loop) inLoop.set(r, i);
        });
        for (const s of seq.steps) {
          const back = reachesByBfs(seq, s.ref);
          expect(inLoop.has(s.ref)).toBe(back.has(s.ref));
          // Steps of one loop reach each other.
          const mine = inLoop.get(s.ref);
          if (mine !== undefined) for (const other of loops[mine] ?? []) expect(back.has(other)).toBe(true);
        }
      }),
    );
  });
});
