// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { audit } from '../../../lib/audit/audit';
import { kartraProfile } from '../../../lib/kartra/profile';
import type { PageModel, Step } from '../../../lib/model/model';
import { newReadMemory, readPage } from '../../../lib/reader/index';
import { inferProfile } from '../../../lib/reader/infer-profile';
import { loadEditorSpec } from '../../fixtures/sequences/fixtures';
import type { SkinName } from '../../replica/skin';
import type { EditorSpec } from '../../replica/spec';
import { specToModel } from '../../support/spec-to-model';
import { oddTitleArb, renderReplica, replicaUrl, retitled } from './odd-cards';
import { buildScene, type GenLayout } from './scene-builder';
import { boxContents, EDITOR_URL, newDocument, renameClasses, renderScene } from './scene-dom';

/**
 * Card discovery on markup no profile describes: the step cards are the repeated box, found by a
 * vote that an odd card (a kind's word twice, a second number, no title, a long or emoji title,
 * a class or wrapper of its own) does not sink. happy-dom lays nothing out, so these read cards
 * and their texts; the lines are the end-to-end tests' (tests/e2e/fixtures.spec.ts).
 */

const ODD = loadEditorSpec('path-without-ending.odd-titles.passes');

/** What the builder's Main tab shows of `spec`, step by step. */
function mainSteps(spec: EditorSpec): Step[] {
  return specToModel(spec, { tabsSeen: ['Main'] }).steps;
}

function stepsOf(page: PageModel): Step[] {
  if (page.kind !== 'editor') throw new Error(`not read: ${JSON.stringify(page)}`);
  return page.sequence.steps;
}

/** The page read the way the content script reads it, from the built-in profile on. */
function readAsTheExtension(doc: Document, spec: EditorSpec): PageModel {
  return readPage(doc, replicaUrl(spec), kartraProfile, { memory: newReadMemory() });
}

/** The default markup read as if the built-in profile were not there: inferred, then read with that. */
function readWithProfileWithheld(doc: Document, spec: EditorSpec): PageModel {
  const inferred = inferProfile(doc, kartraProfile);
  if (!inferred.profile) throw new Error(`no profile inferred: ${inferred.reason}`);
  return readPage(doc, replicaUrl(spec), inferred.profile, { source: 'inferred' });
}

describe('card discovery with odd cards', () => {
  it('reads every card of the odd-titles fixture on the renamed skin, titles included', () => {
    const page = readAsTheExtension(renderReplica(ODD, 'renamed'), ODD);
    expect(page.kind === 'editor' && page.reading?.profile).toBe('inferred');
    expect(stepsOf(page)).toEqual(mainSteps(ODD));
  });

  it('reads them on the default markup with the built-in profile withheld', () => {
    expect(stepsOf(readWithProfileWithheld(renderReplica(ODD, 'default'), ODD))).toEqual(mainSteps(ODD));
  });

  for (const [kind, title] of [
    ['complete', 'Complete'],
    ['unsubscribe', 'Unsubscribe from this sequence'],
  ] as const) {
    it(`finds every card when a ${kind} step's title repeats its kind's word`, () => {
      const spec = loadEditorSpec('path-without-ending.passes');
      const ending = spec.steps.map((step) => (step.kind === 'complete' ? { ...step, kind, title } : step));
      const odd = { ...spec, steps: ending };
      for (const skin of ['renamed', 'foreign'] as const satisfies SkinName[]) {
        const page = readAsTheExtension(renderReplica(odd, skin), odd);
        expect(stepsOf(page), skin).toEqual(mainSteps(odd));
      }
      expect(stepsOf(readWithProfileWithheld(renderReplica(odd, 'default'), odd))).toEqual(mainSteps(odd));
    });
  }

  it('finds every card whatever people title their steps (generated titles, renamed skin)', () => {
    const skeleton = loadEditorSpec('path-without-ending.odd-titles.passes');
    const main = skeleton.steps.filter((step) => /^\d/.test(step.ref)).length;
    fc.assert(
      fc.property(fc.array(oddTitleArb, { minLength: main, maxLength: main }), (titles) => {
        const spec = retitled(skeleton, titles);
        const page = readAsTheExtension(renderReplica(spec, 'renamed'), spec);
        const read = stepsOf(page);
        const shown = mainSteps(spec);
        expect(read.map((step) => step.ref)).toEqual(shown.map((step) => step.ref));
        // Every fact as the card shows it. A title may be left unread (when every title on the
        // page looks like a number or a kind's word, nothing says where titles sit), never misread.
        expect(read.map((step, i) => ({ ...step, title: step.title ?? shown[i]?.title }))).toEqual(shown);
      }),
      { numRuns: 25 },
    );
  });
});

const LAYOUT: GenLayout = { orientation: 'horizontal', zoom: 1, scrollX: 0, scrollY: 0, columns: 3 };
const FLOW = {
  steps: [
    { ref: '1', kind: 'email' as const },
    { ref: '2', kind: 'tag' as const },
    { ref: '3', kind: 'email' as const },
    { ref: '4', kind: 'complete' as const },
  ],
  lines: [
    { from: 'start', to: '1' },
    { from: '1', to: '2' },
    { from: '2', to: '3' },
    { from: '3', to: '4' },
  ],
};

/** The flow drawn with layout, every class renamed after `change` reshaped some cards. */
function renamedFlow(change: (cards: HTMLElement[], doc: Document) => void): Document {
  const doc = newDocument();
  renderScene(doc, buildScene(FLOW.steps, FLOW.lines, LAYOUT));
  change(Array.from(doc.querySelectorAll<HTMLElement>('.js_sequence_step')), doc);
  renameClasses(doc);
  return doc;
}

function readFlow(doc: Document): PageModel {
  return readPage(doc, EDITOR_URL, kartraProfile, { memory: newReadMemory() });
}

describe('card discovery with cards of their own markup', () => {
  it('finds a kind whose cards carry classes of their own, and a card wrapped deeper than the rest', () => {
    const doc = renamedFlow((cards, doc) => {
      cards[3]?.classList.add('ending_step', 'step_kind_complete');
      const wrapper = doc.createElement('div');
      wrapper.className = 'step_drag_handle';
      cards[1]?.replaceWith(wrapper);
      if (cards[1]) wrapper.append(cards[1]);
    });
    const page = readFlow(doc);
    expect(page.kind === 'editor' && page.reading).toMatchObject({ profile: 'inferred', fit: 1 });
    expect(stepsOf(page).map((step) => `${step.ref} ${step.kind}`)).toEqual([
      '1 email',
      '2 tag',
      '3 email',
      '4 complete',
    ]);
  });

  it('names a card in markup of its own in the coverage, and does not call the flow around it broken', () => {
    const doc = renamedFlow((cards) => {
      // Step 3 drawn by another component: no class it shares with the other cards.
      const card = cards[2] as HTMLElement;
      card.setAttribute('class', 'legacy_card');
      boxContents(card);
    });
    const page = readFlow(doc);
    expect(page.kind === 'editor' && page.reading?.profile).toBe('inferred');
    expect(stepsOf(page).map((step) => step.ref)).toEqual(['1', '2', '4']);
    const report = audit(page, { now: new Date('2026-11-27T12:00:00Z'), tool: { name: 't', version: '0' } });
    expect(report.coverage.notes.join('\n')).toMatch(/step 3: .*"Send email" numbered 3.*not read as a step/);
    // Step 2 leads to the card not read: whether its path ends is not known, not "no ending".
    const endings = report.findings.filter((f) => f.ruleId === 'path-without-ending');
    expect(endings.length).toBeGreaterThan(0);
    expect(
      endings.every((f) => f.kind === 'review' && f.message.includes('the card of step 3 not read')),
    ).toBe(true);
    expect(report.findings.filter((f) => f.ruleId === 'step-not-connected' && f.kind === 'fail')).toEqual([]);
  });

  it("takes the cards' own class over a library's wrapper around every card and the Starting Rules module alike", () => {
    // Vue Flow and Drawflow wrap each box they place, the module too, in a node of their own.
    const steps = Array.from({ length: 12 }, (_, i) => ({ ref: String(i + 1), kind: 'email' as const }));
    const lines = steps.map((step, i) => ({ from: i === 0 ? 'start' : String(i), to: step.ref }));
    const doc = newDocument();
    renderScene(doc, buildScene(steps, lines, LAYOUT));
    const boxes = doc.querySelectorAll('.js_sequence_step, .js_starting_rules');
    for (const box of Array.from(boxes)) {
      const wrapper = doc.createElement('div');
      wrapper.className = 'flow_node flow_node_default';
      box.replaceWith(wrapper);
      wrapper.append(box);
    }
    renameClasses(doc);
    const page = readFlow(doc);
    expect(page.kind === 'editor' && page.reading).toMatchObject({ profile: 'inferred', fit: 1 });
    expect(stepsOf(page).map((step) => step.ref)).toEqual(steps.map((step) => step.ref));
    expect(page.kind === 'editor' && page.sequence.startingRules).not.toBeNull();
  });

  it('names nothing when every card shares the markup', () => {
    const page = readFlow(renamedFlow(() => {}));
    expect(page.kind === 'editor' && page.sequence.diagnostics.map((d) => d.code)).not.toContain(
      'card-left-out',
    );
  });
});
