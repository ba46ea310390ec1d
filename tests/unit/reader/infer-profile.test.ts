import { describe, expect, it } from 'vitest';
import { kartraProfile } from '../../../lib/kartra/profile';
import { kartraProfileSchema } from '../../../lib/kartra/profile-schema';
import type { PageModel } from '../../../lib/model/model';
import { INFERENCE_RETRY_MS, newReadMemory, readPage } from '../../../lib/reader/index';
import { inferProfile } from '../../../lib/reader/infer-profile';
import { buildScene, type GenLayout, type GenStep, TWO_TABS } from './scene-builder';
import { blankTexts, boxContents, EDITOR_URL, newDocument, renameClasses, renderScene } from './scene-dom';

const LAYOUT: GenLayout = { orientation: 'horizontal', zoom: 1, scrollX: 0, scrollY: 0, columns: 3 };
const steps: GenStep[] = [
  { ref: '1', kind: 'email' },
  { ref: '2', kind: 'split' },
  { ref: '3', kind: 'sms' },
  { ref: '4', kind: 'tag' },
  { ref: '5', kind: 'complete' },
];
const lines = [
  { from: 'start', to: '1' },
  { from: '1', to: '2' },
  { from: '2', to: '3', branch: 'yes' as const },
  { from: '2', to: '5', branch: 'no' as const },
  { from: '3', to: '4' },
];

function page(rename: boolean): Document {
  const doc = newDocument();
  renderScene(doc, buildScene(steps, lines, LAYOUT));
  if (rename) renameClasses(doc);
  return doc;
}

/** One tab of TWO_TABS in renamed markup; one `names` map renames both tabs as one build would. */
function renamedTab(tab: keyof typeof TWO_TABS, names: Map<string, string>): Document {
  const doc = newDocument();
  const { steps, lines } = TWO_TABS[tab];
  renderScene(doc, buildScene(steps, lines, LAYOUT, tab === 'main'));
  renameClasses(doc, names);
  return doc;
}

function sequenceOf(model: PageModel) {
  if (model.kind !== 'editor') throw new Error(`not read: ${JSON.stringify(model)}`);
  return model.sequence;
}

describe('profile inference', () => {
  it('cannot read renamed markup with the built-in profile', () => {
    expect(readPage(page(true), EDITOR_URL).kind).toBe('unrecognised');
  });

  it('infers a valid profile from renamed markup, by words, boxes and geometry', () => {
    const inferred = inferProfile(page(true), kartraProfile);
    if (!inferred.profile) throw new Error(inferred.reason);
    expect(() => kartraProfileSchema.parse(inferred.profile)).not.toThrow();
    expect(inferred.profile.card.root).not.toBe(kartraProfile.card.root);
  });

  it('reads renamed markup to the same sequence as the original, and says it used an inferred profile', () => {
    const original = readPage(page(false), EDITOR_URL);
    const memory = newReadMemory();
    const renamed = readPage(page(true), EDITOR_URL, kartraProfile, { memory: memory });
    expect(renamed.kind === 'editor' && renamed.reading?.profile).toBe('inferred');
    expect(renamed.kind === 'editor' && renamed.reading?.fit).toBe(1);
    const a = sequenceOf(original);
    const b = sequenceOf(renamed);
    expect(a.connections.length).toBe(lines.length);
    expect(b.steps).toEqual(a.steps);
    expect(b.connections).toEqual(a.connections);
    expect(b.startingRules).toEqual(a.startingRules);
    expect([b.name, b.publicName, b.status, b.subscribers]).toEqual([
      a.name,
      a.publicName,
      a.status,
      a.subscribers,
    ]);
    expect(memory.profile).not.toBeNull();
  });

  it('reuses the inferred profile on the next read instead of inferring again', () => {
    const doc = page(true);
    const memory = newReadMemory();
    readPage(doc, EDITOR_URL, kartraProfile, { memory: memory, now: 0 });
    const kept = memory.profile;
    const again = readPage(doc, EDITOR_URL, kartraProfile, { memory: memory, now: 10 });
    expect(again.kind === 'editor' && again.reading?.profile).toBe('inferred');
    expect(memory.profile).toBe(kept);
  });

  it('infers again on the main tab when the profile inferred on a sub-sequence tab cannot read its Go To and split', () => {
    // The content script can start while a sub-sequence tab is shown: what it infers there has
    // never seen a Go To line, a split's Yes and No, or the Starting Rules module.
    const names = new Map<string, string>();
    const tabA = renamedTab('a', names);
    const memory = newReadMemory();
    const onA = readPage(tabA, EDITOR_URL, kartraProfile, { memory, now: 0 });
    expect(onA.kind === 'editor' && onA.reading).toMatchObject({ profile: 'inferred', fit: 1 });

    const main = renamedTab('main', names);
    const onMain = sequenceOf(readPage(main, EDITOR_URL, kartraProfile, { memory, now: 5000 }));
    expect(onMain.steps.find((s) => s.ref === '4')?.goto).toBe('1');
    expect(onMain.connections.filter((c) => c.from === '3').map((c) => c.branch)).toEqual(['yes', 'no']);
    expect(onMain.startingRules).not.toBeNull();
  });

  it('infers again at once when another tab is shown, without waiting for the retry', () => {
    // Switching tabs shows another canvas: the report right after the switch is the one a user
    // sees (and tests take), so it must not be a poor read made with the other tab's profile.
    const names = new Map<string, string>();
    const tabA = renamedTab('a', names);
    const memory = newReadMemory();
    readPage(tabA, EDITOR_URL, kartraProfile, { memory, now: 0 });
    const fromA = memory.profile;

    const main = renamedTab('main', names);
    const onMain = readPage(main, EDITOR_URL, kartraProfile, { memory, now: 500 });
    expect(onMain.kind === 'editor' && onMain.reading).toMatchObject({ profile: 'inferred', fit: 1 });
    expect(memory.profile).not.toBe(fromA);
    expect(memory.inferenceDueAt).toBeNull();
    expect(sequenceOf(onMain).steps.find((s) => s.ref === '4')?.goto).toBe('1');

    // The same tab again soon after, still unreadable: that waits for the retry as before.
    const blank = newDocument();
    blank.body.innerHTML = '<div class="app"><h1>Dashboard</h1></div>';
    readPage(blank, EDITOR_URL, kartraProfile, { memory, now: 600 });
    readPage(blank, EDITOR_URL, kartraProfile, { memory, now: 700 });
    expect(memory.lastTriedAt).toBe(600);
  });

  it('infers again at once when the page has grown since inference found nothing', () => {
    // The content script often starts before the app draws the builder: the builder that then
    // appears is read at once, not said unreadable until the retry.
    const doc = newDocument();
    doc.body.innerHTML = '<div class="app"><p>Loading...</p></div>';
    const memory = newReadMemory();
    expect(readPage(doc, EDITOR_URL, kartraProfile, { memory, now: 0 }).kind).toBe('unrecognised');
    renderScene(doc, buildScene(steps, lines, LAYOUT));
    renameClasses(doc);
    const drawn = readPage(doc, EDITOR_URL, kartraProfile, { memory, now: 300 });
    expect(drawn.kind === 'editor' && drawn.reading).toMatchObject({ profile: 'inferred', fit: 1 });
    expect(memory.lastTriedAt).toBe(300);
    expect(memory.inferenceDueAt).toBeNull();
  });

  it('waits for the retry when the page has changed without growing since inference found nothing', () => {
    // Filled-in words add no element: a page that keeps changing its texts (someone typing) on
    // markup nobody can read is not searched again on every change.
    const doc = page(true);
    const restoreTexts = blankTexts(doc);
    const memory = newReadMemory();
    expect(readPage(doc, EDITOR_URL, kartraProfile, { memory, now: 0 }).kind).toBe('unrecognised');
    restoreTexts();
    expect(readPage(doc, EDITOR_URL, kartraProfile, { memory, now: 300 }).kind).toBe('unrecognised');
    expect(memory.inferenceDueAt).toBe(INFERENCE_RETRY_MS);
    const later = readPage(doc, EDITOR_URL, kartraProfile, { memory, now: INFERENCE_RETRY_MS });
    expect(later.kind === 'editor' && later.reading).toMatchObject({ profile: 'inferred', fit: 1 });
  });

  it('reads a page whose one Go To names no step well: no inference on it, and none again two seconds on', () => {
    // A Go To added but not pointed anywhere yet: the card's own misread, not the profile's.
    const withBlankGoto = (rename: boolean) => {
      const doc = newDocument();
      const withGoto = steps.map((step) => (step.ref === '4' ? { ...step, kind: 'goto' as const } : step));
      const scene = buildScene(withGoto, lines, LAYOUT);
      const cards = scene.cards.map((c) =>
        c.fields.goto ? { ...c, fields: { ...c.fields, goto: 'Go to' } } : c,
      );
      renderScene(doc, { ...scene, cards });
      for (const card of Array.from(doc.querySelectorAll('.js_sequence_step'))) boxContents(card);
      if (rename) renameClasses(doc);
      return doc;
    };
    const builtIn = newReadMemory();
    const read = readPage(withBlankGoto(false), EDITOR_URL, kartraProfile, { memory: builtIn, now: 0 });
    expect(read.kind === 'editor' && read.reading).toMatchObject({ profile: 'built-in', fit: 1 });
    expect(builtIn.lastTriedAt).toBe(Number.NEGATIVE_INFINITY);
    expect(builtIn.inferenceDueAt).toBeNull();

    const doc = withBlankGoto(true);
    const memory = newReadMemory();
    const first = readPage(doc, EDITOR_URL, kartraProfile, { memory, now: 0 });
    expect(first.kind === 'editor' && first.reading).toMatchObject({ profile: 'inferred', fit: 1 });
    expect(memory.inferenceDueAt).toBeNull();
    const kept = memory.profile;
    readPage(doc, EDITOR_URL, kartraProfile, { memory, now: INFERENCE_RETRY_MS + 500 });
    expect(memory.lastTriedAt).toBe(0);
    expect(memory.profile).toBe(kept);
  });

  it('on a Main tab of two cards and no line, takes a title worded like a timing for the title, and reads the other card as untitled', () => {
    // "Wait 2 days" as a step's name and a second step with no name: nothing else on the page
    // shows where titles go, yet an unnamed email must still read as one with no subject.
    const two: GenStep[] = [
      { ref: '1', kind: 'complete' },
      { ref: '2', kind: 'email' },
    ];
    const scene = buildScene(two, [], LAYOUT);
    const titles = ['Wait 2 days', ''];
    const cards = scene.cards.map((c, i) => ({ ...c, fields: { ...c.fields, title: titles[i] ?? null } }));
    const doc = newDocument();
    renderScene(doc, { ...scene, cards });
    for (const card of Array.from(doc.querySelectorAll('.js_sequence_step'))) boxContents(card);
    renameClasses(doc);
    const read = readPage(doc, EDITOR_URL, kartraProfile, { memory: newReadMemory() });
    expect(read.kind === 'editor' && read.reading).toMatchObject({ profile: 'inferred', fit: 1 });
    expect(sequenceOf(read).steps.map((s) => [s.ref, s.title])).toEqual([
      ['1', 'Wait 2 days'],
      ['2', ''],
    ]);
  });

  it('takes no arrowhead in an SVG layer for a line, so a tab without lines reads its lines as none', () => {
    const doc = newDocument();
    renderScene(doc, buildScene(steps.slice(0, 2), [], LAYOUT));
    const layer = doc.createElementNS('http://www.w3.org/2000/svg', 'svg');
    layer.innerHTML = '<defs><marker id="arrow"><path d="M 0 0 L 10 5 L 0 10 Z"></path></marker></defs>';
    doc.querySelector('.js_builder_canvas')?.append(layer);
    renameClasses(doc);
    const read = readPage(doc, EDITOR_URL, kartraProfile, { memory: newReadMemory() });
    expect(read.kind === 'editor' && read.reading).toMatchObject({ profile: 'inferred', fit: 1 });
    expect(sequenceOf(read).diagnostics.map((d) => d.code)).not.toContain('line-untraced');
    expect(sequenceOf(read).connections).toEqual([]);
  });

  it('does not infer when the built-in profile reads the page well', () => {
    const memory = newReadMemory();
    const read = readPage(page(false), EDITOR_URL, kartraProfile, { memory: memory });
    expect(read.kind === 'editor' && read.reading).toMatchObject({ profile: 'built-in', fit: 1 });
    expect(memory.lastTriedAt).toBe(Number.NEGATIVE_INFINITY);
  });

  it('says why when nothing on the page looks like a builder, and waits before trying again', () => {
    const doc = newDocument();
    doc.body.innerHTML = '<div class="app"><h1>Dashboard</h1><p>Welcome back</p></div>';
    const memory = newReadMemory();
    const read = readPage(doc, EDITOR_URL, kartraProfile, { memory: memory, now: 1000 });
    expect(read.kind).toBe('unrecognised');
    expect(read.kind === 'unrecognised' && read.diagnostics.map((d) => d.code)).toContain(
      'profile-not-inferred',
    );
    expect(memory.failure).toMatch(/step kind label/);
    readPage(doc, EDITOR_URL, kartraProfile, { memory: memory, now: 1500 });
    expect(memory.lastTriedAt).toBe(1000);
  });
});
