import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { kartraProfile } from '../../../lib/kartra/profile';
import { type Connection, STEP_KINDS, sequenceModelSchema } from '../../../lib/model/model';
import { GridIndex } from '../../../lib/reader/geometry';
import { interpretScene } from '../../../lib/reader/interpret';
import { buildScene, type GenLayout, type GenStep, TERMINAL } from './scene-builder';

const URL = 'https://app.kartra.com/marketing/sequences/edit/77';

/** A random sequence: kinds, and for every output node at most one line to some step's input. */
const sequenceArb = fc
  .array(fc.constantFrom(...STEP_KINDS), { minLength: 1, maxLength: 40 })
  .chain((kinds) => {
    const steps: GenStep[] = kinds.map((kind, i) => ({ ref: String(i + 1), kind }));
    const outputs: { from: string; branch?: 'yes' | 'no' }[] = [{ from: 'start' }];
    for (const s of steps) {
      if (s.kind === 'split') outputs.push({ from: s.ref, branch: 'yes' }, { from: s.ref, branch: 'no' });
      else if (!TERMINAL.has(s.kind)) outputs.push({ from: s.ref });
    }
    const target = fc.option(fc.integer({ min: 0, max: steps.length - 1 }), { nil: undefined, freq: 3 });
    return fc.tuple(fc.constant(steps), fc.tuple(...outputs.map(() => target))).map(([steps, targets]) => {
      const connections: Connection[] = [];
      outputs.forEach((out, i) => {
        const t = targets[i];
        if (t === undefined) return;
        const to = steps[t]?.ref as string;
        connections.push(out.branch ? { from: out.from, to, branch: out.branch } : { from: out.from, to });
      });
      return { steps, connections };
    });
  });

const layoutArb: fc.Arbitrary<GenLayout> = fc.record({
  orientation: fc.constantFrom('horizontal' as const, 'vertical' as const),
  zoom: fc.double({ min: 0.3, max: 2, noNaN: true }),
  scrollX: fc.integer({ min: -5000, max: 5000 }),
  scrollY: fc.integer({ min: -5000, max: 5000 }),
  columns: fc.integer({ min: 1, max: 8 }),
  ports: fc.constantFrom('standard' as const, 'mirrored' as const, 'split-sides' as const),
});

const drawingArb = fc.record({
  reversedSeed: fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }),
  jitter: fc.array(fc.double({ min: -0.4, max: 0.4, noNaN: true }), { minLength: 64, maxLength: 64 }),
});

const key = (c: Connection) => `${c.from}>${c.to}:${c.branch ?? ''}`;

describe('interpretScene on random sequences and layouts', () => {
  it('finds exactly the drawn connections, whatever the layout, zoom, scroll and drawing direction', () => {
    fc.assert(
      fc.property(sequenceArb, layoutArb, drawingArb, ({ steps, connections }, layout, drawing) => {
        const scene = buildScene(steps, connections, {
          ...layout,
          reversed: (i) => drawing.reversedSeed[i % 64] as boolean,
          endJitter: (i, end) => ({
            x: drawing.jitter[(2 * i + end) % 64] as number,
            y: drawing.jitter[(2 * i + end + 7) % 64] as number,
          }),
        });
        const page = interpretScene(scene, kartraProfile, URL);
        if (page.kind !== 'editor') throw new Error(page.kind);
        const seq = sequenceModelSchema.parse(page.sequence);
        expect(seq.connections.map(key).sort()).toEqual(connections.map(key).sort());
        expect(seq.steps.map((s) => s.ref)).toEqual(steps.map((s) => s.ref));
        expect(seq.diagnostics).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps converging lines apart: many lines, crossing other cards, ending on one input node', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 30 }), layoutArb, (n, layout) => {
        // Every step feeds the last one, so all those lines converge on one input node.
        const steps: GenStep[] = Array.from({ length: n }, (_, i) => ({
          ref: String(i + 1),
          kind: 'email' as const,
        }));
        const last = String(n);
        const connections: Connection[] = [
          { from: 'start', to: '1' },
          ...steps.slice(0, -1).map((s) => ({ from: s.ref, to: last })),
        ];
        const scene = buildScene(steps, connections, { ...layout, reversed: (i) => i % 3 === 0 });
        const page = interpretScene(scene, kartraProfile, URL);
        if (page.kind !== 'editor') throw new Error(page.kind);
        expect(page.sequence.connections.map(key).sort()).toEqual(connections.map(key).sort());
      }),
      { numRuns: 100 },
    );
  });

  it('stays exact when nodes sit a little off the edge and jsPlumb stops lines short of the centre', () => {
    fc.assert(
      fc.property(
        sequenceArb,
        layoutArb,
        fc.double({ min: -0.45, max: 0.45, noNaN: true }),
        (gen, layout, off) => {
          const scene = buildScene(gen.steps, gen.connections, {
            ...layout,
            endJitter: () => ({ x: off, y: -off }),
          });
          for (const node of scene.nodes) {
            node.rect = {
              ...node.rect,
              x: node.rect.x + off * node.rect.width,
              y: node.rect.y - off * node.rect.height,
            };
          }
          const page = interpretScene(scene, kartraProfile, URL);
          if (page.kind !== 'editor') throw new Error(page.kind);
          expect(page.sequence.connections.map(key).sort()).toEqual(gen.connections.map(key).sort());
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('interpretScene at scale', () => {
  it('reads 2,000 steps looking only at nearby candidates, never all pairs', () => {
    const steps: GenStep[] = Array.from({ length: 2000 }, (_, i) => ({
      ref: String(i + 1),
      kind: i % 10 === 9 ? ('split' as const) : ('email' as const),
    }));
    const connections: Connection[] = [{ from: 'start', to: '1' }];
    for (let i = 0; i < steps.length - 1; i++) {
      const s = steps[i] as GenStep;
      if (s.kind === 'split') {
        connections.push({ from: s.ref, to: String(i + 2), branch: 'yes' });
        connections.push({ from: s.ref, to: String(Math.max(1, i - 5)), branch: 'no' });
      } else connections.push({ from: s.ref, to: String(i + 2) });
    }
    const scene = buildScene(steps, connections, {
      orientation: 'horizontal',
      zoom: 0.5,
      scrollX: 100,
      scrollY: 0,
      columns: 40,
    });
    // Count every candidate the spatial index hands out: all-pairs matching would need millions.
    const near = GridIndex.prototype.near;
    let candidates = 0;
    const spy = vi.spyOn(GridIndex.prototype, 'near').mockImplementation(function (
      this: GridIndex<unknown>,
      p,
      r,
    ) {
      const found = near.call(this, p, r);
      candidates += found.length;
      return found;
    });
    let page: ReturnType<typeof interpretScene> | null = null;
    try {
      page = interpretScene(scene, kartraProfile, URL);
      const perRun = candidates;
      expect(perRun).toBeGreaterThan(scene.nodes.length);
      expect(perRun).toBeLessThan(10 * (scene.nodes.length + 2 * scene.lines.length));
    } finally {
      spy.mockRestore();
    }
    if (page?.kind !== 'editor') throw new Error(page?.kind);
    expect(page.sequence.connections).toHaveLength(connections.length);
    expect(page.sequence.diagnostics).toEqual([]);
    // The candidate count above holds the cost; how long it takes is the benchmark's to say.
  });
});
