import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kartraProfile } from '../../../lib/kartra/profile';
import { pageModelSchema, STEP_KINDS } from '../../../lib/model/model';
import { collectScene } from '../../../lib/reader/collect';
import { readPage } from '../../../lib/reader/index';
import { interpretScene } from '../../../lib/reader/interpret';
import type { Scene } from '../../../lib/reader/scene';
import { buildScene, type GenLayout, type GenStep } from './scene-builder';
import { EDITOR_URL, newDocument, renderScene } from './scene-dom';

const LIST_URL = 'https://app.kartra.com/marketing/sequences';
const LAYOUT: GenLayout = { orientation: 'horizontal', zoom: 0.8, scrollX: 120, scrollY: 40, columns: 3 };
const steps: GenStep[] = [
  { ref: '1', kind: 'email' },
  { ref: '2', kind: 'split' },
  { ref: '3', kind: 'sms' },
  { ref: '4', kind: 'goto' },
  { ref: '5', kind: 'complete' },
];
const lines = [
  { from: 'start', to: '1' },
  { from: '1', to: '2' },
  { from: '2', to: '3', branch: 'yes' as const },
  { from: '2', to: '5', branch: 'no' as const },
  { from: '3', to: '4' },
];

function normalised(scene: Scene): Scene {
  return {
    ...scene,
    tabs: scene.tabs.filter((t) => t.label !== '+ Add'),
    toolbar: { ...scene.toolbar, statusIconClasses: [...(scene.toolbar.statusIconClasses ?? [])].sort() },
    startingRules: scene.startingRules && {
      ...scene.startingRules,
      // The label's own class comes along with the icon's; only the icon matters.
      rules: scene.startingRules.rules.map((r) => ({
        ...r,
        iconClasses: r.iconClasses.filter((c) => c !== 'starting_rule_label').sort(),
      })),
    },
  };
}

describe('collectScene', () => {
  it('reads back every text, class and position the page shows', () => {
    const scene = buildScene(steps, lines, LAYOUT);
    scene.cards[0]?.fields.versions.push('A: 60%', 'B: 40%');
    const doc = newDocument();
    renderScene(doc, scene);
    expect(normalised(collectScene(doc, kartraProfile))).toEqual(normalised(scene));
  });

  it('gives readPage the same model as interpreting the scene directly', () => {
    const scene = buildScene(steps, lines, {
      ...LAYOUT,
      orientation: 'vertical',
      reversed: (i) => i % 2 === 1,
    });
    const doc = newDocument();
    renderScene(doc, scene);
    const page = readPage(doc, EDITOR_URL);
    expect(page).toEqual(interpretScene(scene, kartraProfile, EDITOR_URL));
    expect(page.kind === 'editor' && page.sequence.connections).toEqual(lines);
  });

  it('still reads the texts when the page has no layout, and says the lines could not be placed', () => {
    const doc = newDocument();
    renderScene(doc, buildScene(steps, lines, LAYOUT), false);
    const page = pageModelSchema.parse(readPage(doc, EDITOR_URL));
    if (page.kind !== 'editor') throw new Error(page.kind);
    expect(page.sequence.steps.map((s) => [s.ref, s.kind])).toEqual(steps.map((s) => [s.ref, s.kind]));
    expect(page.sequence.status).toBe('active');
    expect(page.sequence.connections).toEqual([]);
    expect(page.sequence.diagnostics).toEqual([
      expect.objectContaining({ where: 'canvas', found: expect.stringMatching(/no layout/) }),
    ]);
  });
});

describe('readPage page kinds', () => {
  it('is "other" away from the sequence pages', () => {
    expect(readPage(newDocument(), 'https://app.kartra.com/dashboard')).toEqual({
      kind: 'other',
      url: 'https://app.kartra.com/dashboard',
    });
    expect(readPage(newDocument(), 'not a url')).toEqual({ kind: 'other', url: 'not a url' });
  });

  it('is "unrecognised" on an editor URL without the builder, naming what is missing', () => {
    const doc = newDocument();
    doc.body.innerHTML = '<div class="kartra_app"><h1>Something else</h1></div>';
    const page = readPage(doc, EDITOR_URL);
    expect(page).toEqual({
      kind: 'unrecognised',
      url: EDITOR_URL,
      diagnostics: [
        { code: 'builder-not-found', where: 'page', expected: 'the sequence builder (.js_sequence_builder)' },
      ],
    });

    const noCanvas = newDocument();
    const scene = buildScene(steps, lines, LAYOUT);
    renderScene(noCanvas, { ...scene, found: { ...scene.found, canvas: false } });
    expect(readPage(noCanvas, EDITOR_URL)).toMatchObject({
      kind: 'unrecognised',
      diagnostics: [
        { code: 'canvas-not-found', where: 'page', expected: 'the builder canvas (.js_builder_canvas)' },
      ],
    });
  });

  it('reads the list page rows with the inverted status icons', () => {
    const doc = newDocument();
    doc.body.innerHTML = `
      <main class="sequence_list_page js_sequence_list"><h1>Sequences</h1>
      <table class="sequences_table"><tbody>
        <tr class="js_sequence_row"><td class="sequence_name"><a href="/marketing/sequences/edit/2231">Lead magnet
          follow-up</a></td><td class="sequence_subscribed">42</td><td class="sequence_completed">7</td>
          <td class="sequence_actions"><button class="js_sequence_status"><i class="fa fa-pause"></i></button></td></tr>
        <tr class="js_sequence_row"><td class="sequence_name"><a href="https://app.kartra.com/marketing/sequences/edit/abc-9">Old</a></td>
          <td class="sequence_subscribed">1,024</td><td class="sequence_completed">0</td>
          <td class="sequence_actions"><button class="js_sequence_status"><i class="fa fa-play text-success"></i></button></td></tr>
        <tr class="js_sequence_row"><td class="sequence_name"><a href="/help">Broken</a></td></tr>
      </tbody></table></main>`;
    expect(readPage(doc, LIST_URL)).toEqual({
      kind: 'list',
      url: LIST_URL,
      rows: [
        { id: '2231', name: 'Lead magnet follow-up', status: 'active', subscribers: 42, completed: 7 },
        { id: 'abc-9', name: 'Old', status: 'paused', subscribers: 1024, completed: 0 },
      ],
      diagnostics: [
        {
          code: 'list-row-unlinked',
          where: 'row 3',
          expected: "a link to the sequence's editor",
          found: '/help',
        },
      ],
    });
  });

  it('says so when the list URL shows no list', () => {
    const page = readPage(newDocument(), LIST_URL);
    expect(page).toEqual({
      kind: 'list',
      url: LIST_URL,
      rows: [],
      diagnostics: [
        { code: 'list-not-found', where: 'page', expected: 'the sequence list (.js_sequence_list)' },
      ],
    });
  });
});

/** Random damage to a rendered page: what a half-loaded, re-rendering or changed builder may show. */
const damageArb = fc.array(
  fc.record({
    op: fc.constantFrom('remove', 'duplicate', 'text', 'classes', 'move', 'attr'),
    pick: fc.nat(),
    other: fc.nat(),
    text: fc.string({ maxLength: 12 }),
  }),
  { maxLength: 25 },
);

type Damage = { op: string; pick: number; other: number; text: string };

function damage(doc: Document, ops: readonly Damage[]): void {
  for (const { op, pick, other, text } of ops) {
    const all = Array.from(doc.body.querySelectorAll('*'));
    if (all.length === 0) return;
    const el = all[pick % all.length] as Element;
    const target = all[other % all.length] as Element;
    try {
      if (op === 'remove') el.remove();
      else if (op === 'duplicate') el.parentNode?.insertBefore(el.cloneNode(true), el);
      else if (op === 'text') el.textContent = text;
      else if (op === 'classes') el.setAttribute('class', `${text} ${target.getAttribute('class') ?? ''}`);
      else if (op === 'move' && !el.contains(target)) target.append(el);
      else if (op === 'attr') el.setAttribute(text.replace(/[^a-z]/g, '') || 'd', text);
    } catch {
      // Some moves are illegal in the DOM itself; the page simply stays as it was.
    }
  }
}

describe('readPage on damaged pages', () => {
  const sceneArb = fc
    .record({
      kinds: fc.array(fc.constantFrom(...STEP_KINDS), { minLength: 0, maxLength: 8 }),
      orientation: fc.constantFrom('horizontal' as const, 'vertical' as const),
      zoom: fc.double({ min: 0.3, max: 2, noNaN: true }),
      geometry: fc.boolean(),
    })
    .map(({ kinds, orientation, zoom, geometry }) => {
      const gen = kinds.map((kind, i) => ({ ref: String(i + 1), kind }));
      const connections = gen.length > 0 ? [{ from: 'start', to: '1' }] : [];
      return {
        scene: buildScene(gen, connections, { orientation, zoom, scrollX: 0, scrollY: 0, columns: 3 }),
        geometry,
      };
    });

  it('never throws and always returns a valid model', () => {
    fc.assert(
      fc.property(sceneArb, damageArb, ({ scene, geometry }, ops) => {
        const doc = newDocument();
        renderScene(doc, scene, geometry);
        damage(doc, ops);
        const page = readPage(doc, EDITOR_URL);
        expect(() => pageModelSchema.parse(page)).not.toThrow();
        expect(['editor', 'unrecognised']).toContain(page.kind);
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it('never throws on the list page or on arbitrary markup', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), damageArb, (html, ops) => {
        for (const url of [EDITOR_URL, LIST_URL]) {
          const doc = newDocument();
          doc.body.innerHTML = `<main class="js_sequence_builder js_sequence_list"><div class="js_builder_canvas">${html}</div>
            <tr class="js_sequence_row"><td class="sequence_name"><a href="${html.slice(0, 20)}">${html}</a></td></tr></main>`;
          damage(doc, ops);
          expect(() => pageModelSchema.parse(readPage(doc, url))).not.toThrow();
        }
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
