import { describe, expect, it } from 'vitest';
import { kartraProfile } from '../../../lib/kartra/profile';
import { pageModelSchema, type SequenceModel } from '../../../lib/model/model';
import { interpretScene } from '../../../lib/reader/interpret';
import type { Scene } from '../../../lib/reader/scene';
import { buildScene, type GenLayout, type GenStep } from './scene-builder';

const URL = 'https://app.kartra.com/marketing/sequences/edit/2231';
const FLAT: GenLayout = { orientation: 'horizontal', zoom: 1, scrollX: 0, scrollY: 0, columns: 4 };

function sequenceOf(scene: Scene): SequenceModel {
  const page = pageModelSchema.parse(interpretScene(scene, kartraProfile, URL));
  if (page.kind !== 'editor') throw new Error(`expected an editor page, got ${JSON.stringify(page)}`);
  return page.sequence;
}

const steps: GenStep[] = [
  { ref: '1', kind: 'email' },
  { ref: '2', kind: 'split' },
  { ref: '3', kind: 'tag' },
  { ref: '4', kind: 'complete' },
];
const lines = [
  { from: 'start', to: '1' },
  { from: '1', to: '2' },
  { from: '2', to: '3', branch: 'yes' as const },
  { from: '2', to: '4', branch: 'no' as const },
  { from: '3', to: '4' },
];

describe('interpretScene', () => {
  it('reads the toolbar, tabs, starting rules and every step', () => {
    const seq = sequenceOf(buildScene(steps, lines, FLAT));
    expect(seq).toMatchObject({
      id: '2231',
      name: 'Lead magnet follow-up',
      publicName: 'Free recipe pack',
      status: 'active',
      subscribers: 42,
      startingRules: [{ type: 'tag', label: 'Downloaded' }],
      tabs: { all: ['Main', 'A'], seen: ['Main'] },
    });
    expect(seq.steps.map((s) => [s.ref, s.kind, s.tab])).toEqual([
      ['1', 'email', 'Main'],
      ['2', 'split', 'Main'],
      ['3', 'tag', 'Main'],
      ['4', 'complete', 'Main'],
    ]);
    expect(seq.steps[0]).toMatchObject({ delay: { type: 'wait', days: 1, hours: 0 }, recipients: 'anyone' });
    expect(seq.steps[2]).toMatchObject({ action: 'add', target: 'Buyers' });
    expect(seq.diagnostics).toEqual([]);
  });

  it('joins lines to steps, with split branches and direction from output to input', () => {
    const scene = buildScene(steps, lines, { ...FLAT, reversed: (i) => i % 2 === 0 });
    expect(sequenceOf(scene).connections).toEqual(lines);
  });

  it('reads the same graph in vertical layout, zoomed and scrolled', () => {
    for (const zoom of [0.3, 0.5, 1.5, 2]) {
      const scene = buildScene(steps, lines, {
        orientation: 'vertical',
        zoom,
        scrollX: 731,
        scrollY: -260,
        columns: 2,
      });
      expect(sequenceOf(scene).connections).toEqual(lines);
    }
  });

  // A node's role comes from the lines and the card, not only from its edge.
  it('reads outputs on any edge: a flow drawn with inputs on the right and outputs on the left', () => {
    for (const orientation of ['horizontal', 'vertical'] as const) {
      const scene = buildScene(steps, lines, {
        ...FLAT,
        orientation,
        ports: 'mirrored',
        reversed: (i) => i % 2 === 1,
      });
      const seq = sequenceOf(scene);
      expect(seq.connections, orientation).toEqual(lines);
      expect(seq.diagnostics, orientation).toEqual([]);
    }
  });

  it('reads a split whose Yes and No leave from its side edges, in a vertical layout', () => {
    const scene = buildScene(steps, lines, {
      ...FLAT,
      orientation: 'vertical',
      columns: 2,
      ports: 'split-sides',
    });
    const seq = sequenceOf(scene);
    expect(seq.connections).toEqual(lines);
    expect(seq.diagnostics).toEqual([]);
  });

  it('keeps the edge rule for a node nothing else tells about (an unconnected card)', () => {
    const scene = buildScene([...steps, { ref: '5', kind: 'email' }], lines, FLAT);
    const seq = sequenceOf(scene);
    expect(seq.connections).toEqual(lines);
    expect(seq.diagnostics).toEqual([]);
  });

  it('reports a card with no timing line instead of guessing, and keeps the step', () => {
    const scene = buildScene(steps, lines, FLAT);
    const card = scene.cards[0];
    if (!card) throw new Error('no card');
    card.fields.timing = null;
    card.fields.window = 'Sometimes';
    const seq = sequenceOf(scene);
    expect(seq.steps[0]?.delay).toBeNull();
    expect(seq.steps[0]?.window).toBeNull();
    expect(seq.diagnostics).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ where: 'step 1', step: '1', expected: expect.stringMatching(/timing/) }),
        expect.objectContaining({ where: 'step 1', step: '1', found: '"Sometimes"' }),
      ]),
    );
  });

  it('reports a line end near no node and a node on no card, and drops that line', () => {
    const scene = buildScene(steps, lines, FLAT);
    const line = scene.lines[1];
    if (!line?.end) throw new Error('no line');
    line.end = { x: line.end.x + 300, y: line.end.y + 500 };
    scene.nodes.push({ rect: { x: 5000, y: 5000, width: 20, height: 20 }, linked: false });
    const seq = sequenceOf(scene);
    expect(seq.connections).toEqual(lines.filter((_, i) => i !== 1));
    expect(seq.diagnostics).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ where: 'line 2', found: expect.stringMatching(/near no node/) }),
        expect.objectContaining({ where: 'canvas', found: expect.stringMatching(/on no card/) }),
        // Step 2's input is yellow but no line reaches it any more.
        expect.objectContaining({ where: 'step 2', step: '2', expected: expect.stringMatching(/linked/) }),
      ]),
    );
  });

  it('reports a line whose path has no geometry', () => {
    const scene = buildScene(steps, lines, FLAT);
    scene.lines.push({ start: null, end: null });
    const seq = sequenceOf(scene);
    expect(seq.connections).toEqual(lines);
    expect(seq.diagnostics).toEqual([
      expect.objectContaining({ where: 'line 6', found: 'a line with no drawn path' }),
    ]);
  });

  it('does not invent a branch when the split shows no labels', () => {
    const scene = buildScene(steps, lines, FLAT);
    const split = scene.cards[1];
    if (!split) throw new Error('no split');
    split.outputLabels = [];
    const seq = sequenceOf(scene);
    expect(seq.connections.filter((c) => c.from === '2')).toEqual([
      { from: '2', to: '3' },
      { from: '2', to: '4' },
    ]);
    expect(seq.diagnostics.filter((d) => d.step === '2')).toHaveLength(2);
  });

  it("reads each starting rule by its icon and keeps the subject after the profile's prefix", () => {
    const scene = buildScene(steps, lines, FLAT);
    if (!scene.startingRules) throw new Error('no module');
    scene.startingRules.rules = [
      {
        iconClasses: ['starting_rule', 'fa', 'fa-shopping-cart'],
        label: 'Product purchased: Course: Level 1',
      },
      { iconClasses: ['starting_rule', 'fa', 'fa-globe'], label: 'Visited the pricing page' },
      { iconClasses: ['starting_rule', 'fa', 'fa-bolt'], label: 'Webhook: Zap 3' },
    ];
    const seq = sequenceOf(scene);
    expect(seq.startingRules).toEqual([
      { type: 'order', label: 'Course: Level 1' },
      { type: 'page', label: 'Visited the pricing page' },
      // An unknown rule's sentence has no known prefix: it is kept whole.
      { type: 'unknown', label: 'Webhook: Zap 3' },
    ]);
    expect(seq.diagnostics).toEqual([
      expect.objectContaining({ where: 'Starting Rules', found: expect.stringMatching(/fa-bolt/) }),
    ]);
  });

  it('reads a paused sequence from the play icon and an unset public name as empty', () => {
    const scene = buildScene(steps, lines, FLAT);
    scene.toolbar.statusIconClasses = ['sequence_status_btn', 'fa', 'fa-play', 'text-success'];
    scene.toolbar.publicName = 'Public name: Not set';
    const seq = sequenceOf(scene);
    expect(seq.status).toBe('paused');
    expect(seq.publicName).toBe('');
  });

  it('reads an inactive step from its label and an unknown icon and label as an unknown kind', () => {
    const scene = buildScene(steps, lines, FLAT);
    const [first, second] = scene.cards;
    if (!first || !second) throw new Error('no cards');
    first.fields.inactiveLabel = 'Inactive';
    second.kindIconClasses = ['fa', 'fa-question'];
    second.fields.kindLabel = 'Send fax';
    const seq = sequenceOf(scene);
    expect(seq.steps[0]?.active).toBe(false);
    expect(seq.steps[1]?.active).toBe(true);
    expect(seq.steps[1]?.kind).toBe('unknown');
    expect(seq.diagnostics).toEqual([
      expect.objectContaining({ step: '2', found: expect.stringMatching(/fa-question/) }),
    ]);
  });

  it('reads a card whose icon it does not know by its kind label', () => {
    const scene = buildScene(steps, lines, FLAT);
    const second = scene.cards[1];
    if (!second) throw new Error('no cards');
    second.kindIconClasses = ['fa', 'fa-envelope-o'];
    second.fields.kindLabel = 'Send SMS';
    const seq = sequenceOf(scene);
    expect(seq.steps[1]?.kind).toBe('sms');
  });

  it('reads a sub-sequence tab: its steps carry the tab and starting rules are not seen', () => {
    const sub: GenStep[] = [
      { ref: 'A1', kind: 'email' },
      { ref: 'A2', kind: 'goto' },
    ];
    const seq = sequenceOf(buildScene(sub, [{ from: 'A1', to: 'A2' }], FLAT, false));
    expect(seq.startingRules).toBeNull();
    expect(seq.tabs).toEqual({ all: ['Main', 'A'], seen: ['A'] });
    expect(seq.steps.map((s) => s.tab)).toEqual(['A', 'A']);
    expect(seq.steps[1]?.goto).toBe('1');
    expect(seq.connections).toEqual([{ from: 'A1', to: 'A2' }]);
  });

  it('says the page is unrecognised, in plain words, when the canvas or cards are missing', () => {
    const scene = buildScene(steps, lines, FLAT);
    expect(
      interpretScene({ ...scene, found: { ...scene.found, canvas: false } }, kartraProfile, URL),
    ).toEqual({
      kind: 'unrecognised',
      url: URL,
      diagnostics: [
        { code: 'canvas-not-found', where: 'page', expected: 'the builder canvas (.js_builder_canvas)' },
      ],
    });
    const bare = interpretScene({ ...scene, cards: [], startingRules: null }, kartraProfile, URL);
    expect(bare.kind === 'unrecognised' && bare.diagnostics.map((d) => d.code)).toEqual(['cards-not-found']);
    const noRoot = interpretScene(
      { ...scene, found: { root: false, canvas: false, tabs: false } },
      kartraProfile,
      URL,
    );
    expect(noRoot.kind).toBe('unrecognised');
  });

  it('reports a canvas with no layout rather than reading every step as unconnected silently', () => {
    const scene = buildScene(steps, lines, FLAT);
    const zero = { x: 0, y: 0, width: 0, height: 0 };
    for (const c of scene.cards) c.rect = zero;
    for (const n of scene.nodes) n.rect = zero;
    if (scene.startingRules) scene.startingRules.rect = zero;
    scene.lines = scene.lines.map(() => ({ start: { x: 0, y: 0 }, end: { x: 0, y: 0 } }));
    const seq = sequenceOf(scene);
    expect(seq.connections).toEqual([]);
    expect(seq.diagnostics).toEqual([
      expect.objectContaining({ where: 'canvas', found: expect.stringMatching(/no layout/) }),
    ]);
    expect(seq.steps).toHaveLength(4);
  });

  it('flags two cards showing the same number', () => {
    const scene = buildScene(steps, lines, FLAT);
    const third = scene.cards[2];
    if (!third) throw new Error('no card');
    third.fields.number = '1';
    const seq = sequenceOf(scene);
    expect(seq.diagnostics).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ where: 'step 1', expected: 'each number bubble once' }),
      ]),
    );
  });

  it('skips a card without a number bubble, with a diagnostic, and does not join lines to it', () => {
    const scene = buildScene(steps, lines, FLAT);
    const third = scene.cards[2];
    if (!third) throw new Error('no card');
    third.fields.number = null;
    const seq = sequenceOf(scene);
    expect(seq.steps.map((s) => s.ref)).toEqual(['1', '2', '4']);
    expect(seq.connections).toEqual([
      { from: 'start', to: '1' },
      { from: '1', to: '2' },
      { from: '2', to: '4', branch: 'no' },
    ]);
    expect(seq.diagnostics.map((d) => d.where)).toEqual(['card 3', 'line 3', 'line 5']);
  });
});
