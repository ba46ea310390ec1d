import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSpec } from '../../replica/spec';
import { editorSpecArb } from '../../support/random-spec';
import { runSeed } from '../../support/run-seed';

describe('editorSpecArb', () => {
  it('gives specs the replica accepts, with every kind, tab A and missing lines among them', () => {
    const specs = fc.sample(editorSpecArb, { numRuns: 300, seed: runSeed() });
    for (const spec of specs) expect(parseSpec(JSON.parse(JSON.stringify(spec)))).toEqual(spec);
    const kinds = new Set(specs.flatMap((spec) => spec.steps.map((step) => step.kind)));
    expect(kinds.size).toBe(9);
    expect(specs.some((spec) => spec.steps.some((step) => step.ref.startsWith('A')))).toBe(true);
    const unlinked = specs.filter((spec) =>
      spec.steps.some((s) => !spec.connections.some((c) => c.to === s.ref)),
    );
    expect(unlinked.length).toBeGreaterThan(0);
  });
});
