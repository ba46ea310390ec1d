import { describe, expect, it } from 'vitest';
import { findCycles } from '../../../lib/flow/cycles';

const sorted = (parts: number[][]) =>
  parts.map((p) => [...p].sort((a, b) => a - b)).sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));

describe('findCycles', () => {
  it('finds each loop once, a node looping on itself included, and no loop in a chain', () => {
    // 0 → 1 → 2 → 0, 3 → 4, 5 → 5
    const succ = [[1], [2], [0], [4], [], [5]];
    expect(sorted(findCycles(succ, 6, () => true))).toEqual([[0, 1, 2], [5]]);
  });

  it('leaves out what is not included, and nodes beyond n (the Starting Rules module)', () => {
    const succ = [[1], [0, 2], [1], [0]];
    expect(sorted(findCycles(succ, 3, (i) => i !== 0))).toEqual([[1, 2]]);
    expect(findCycles(succ, 3, (i) => i === 0)).toEqual([]);
  });

  it('walks a loop of 100,000 nodes without overflowing the stack', () => {
    const n = 100_000;
    const succ = Array.from({ length: n }, (_, i) => [(i + 1) % n]);
    expect(findCycles(succ, n, () => true)[0]).toHaveLength(n);
  });
});
