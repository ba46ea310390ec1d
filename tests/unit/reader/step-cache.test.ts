import { describe, expect, it } from 'vitest';
import { kartraProfile } from '../../../lib/kartra/profile';
import type { Diagnostic } from '../../../lib/model/model';
import { interpretScene } from '../../../lib/reader';
import { readStep } from '../../../lib/reader/read-step';
import type { Scene } from '../../../lib/reader/scene';
import { StepCache } from '../../../lib/reader/step-cache';
import { buildScene, cardFor } from './scene-builder';
import { EDITOR_URL } from './scene-dom';

const steps = [
  { ref: '1', kind: 'email' as const },
  { ref: '2', kind: 'tag' as const },
  { ref: '3', kind: 'email' as const },
  { ref: '4', kind: 'complete' as const },
];
const lines = [
  { from: 'start', to: '1' },
  { from: '1', to: '2' },
  { from: '2', to: '3' },
  { from: '3', to: '4' },
];
const layout = { orientation: 'horizontal' as const, zoom: 1, scrollX: 0, scrollY: 0, columns: 4 };

function withCard(scene: Scene, index: number, change: (card: Scene['cards'][number]) => void): Scene {
  const copy = structuredClone(scene);
  const card = copy.cards[index];
  if (card) change(card);
  return copy;
}

const editor = (scene: Scene) => {
  const page = interpretScene(scene, kartraProfile, EDITOR_URL);
  if (page.kind !== 'editor') throw new Error('expected an editor page');
  return page.sequence;
};

describe('reading a page again after one card changed', () => {
  it('sees the change on that card and the same steps elsewhere', () => {
    const scene = buildScene(steps, lines, layout);
    const before = editor(scene);
    expect(before.steps.find((s) => s.ref === '3')?.active).toBe(true);

    const deactivated = withCard(scene, 2, (card) => {
      card.fields.inactiveLabel = 'Inactive';
    });
    const after = editor(deactivated);
    expect(after.steps.find((s) => s.ref === '3')?.active).toBe(false);
    // Untouched cards read the same as before.
    expect(after.steps.filter((s) => s.ref !== '3')).toEqual(before.steps.filter((s) => s.ref !== '3'));

    const reactivated = editor(scene);
    expect(reactivated.steps.find((s) => s.ref === '3')?.active).toBe(true);
  });

  it('keeps reporting what a card could not show, every time it is read', () => {
    const unreadable = withCard(buildScene(steps, lines, layout), 0, (card) => {
      card.fields.timing = 'Sometime soonish';
    });
    const first = editor(unreadable).diagnostics.filter((d) => d.step === '1');
    const second = editor(unreadable).diagnostics.filter((d) => d.step === '1');
    expect(first.length).toBeGreaterThan(0);
    expect(second).toEqual(first);
  });
});

describe('StepCache', () => {
  it('gives what readStep gives, for cards seen before and new ones', () => {
    const cache = new StepCache(kartraProfile);
    const cards = [
      cardFor({ ref: '1', kind: 'email' }, { x: 0, y: 0, width: 250, height: 190 }),
      cardFor({ ref: '2', kind: 'goto' }, { x: 300, y: 0, width: 250, height: 190 }),
    ];
    for (let round = 0; round < 3; round++) {
      cache.startRead();
      cards.forEach((card, i) => {
        const direct: Diagnostic[] = [];
        const fromCache = cache.read(card, i, 'Main');
        expect(fromCache.step).toEqual(readStep(card, i, 'Main', kartraProfile, direct));
        expect(fromCache.diagnostics).toEqual(direct);
      });
    }
  });

  it('does not confuse the same card on two tabs', () => {
    const cache = new StepCache(kartraProfile);
    const card = cardFor({ ref: '1', kind: 'email' }, { x: 0, y: 0, width: 250, height: 190 });
    cache.startRead();
    expect(cache.read(card, 0, 'Main').step?.tab).toBe('Main');
    expect(cache.read(card, 0, 'A').step?.tab).toBe('A');
  });
});
