import { describe, expect, it } from 'vitest';
import { audit } from '../../../lib/audit/audit';
import { fitShortfallSentences } from '../../../lib/export/report-view';
import { kartraProfile } from '../../../lib/kartra/profile';
import type { PageModel } from '../../../lib/model/model';
import { emptyReadStats, profileFit } from '../../../lib/reader/fit';
import { interpretScene } from '../../../lib/reader/interpret';
import { fieldsOf, readStep } from '../../../lib/reader/read-step';
import type { Scene, SceneCard } from '../../../lib/reader/scene';
import { buildScene, type GenLayout, type GenStep } from './scene-builder';

const URL = 'https://app.kartra.com/marketing/sequences/edit/2231';
const FLAT: GenLayout = { orientation: 'horizontal', zoom: 1, scrollX: 0, scrollY: 0, columns: 4 };
const steps: GenStep[] = [
  { ref: '1', kind: 'email' },
  { ref: '2', kind: 'tag' },
  { ref: '3', kind: 'complete' },
];
const lines = [
  { from: 'start', to: '1' },
  { from: '1', to: '2' },
  { from: '2', to: '3' },
];
const TOOL = { name: 'test', version: '0' };
const NOW = new Date('2026-11-27T12:00:00Z');

function editor(scene: Scene): Extract<PageModel, { kind: 'editor' }> {
  const page = interpretScene(scene, kartraProfile, URL);
  if (page.kind !== 'editor') throw new Error('not read');
  return page;
}

/** A card whose fields no selector found, showing only its texts. */
function bare(pieces: string[]): SceneCard {
  return {
    rect: { x: 0, y: 0, width: 250, height: 190 },
    classes: [],
    kindIconClasses: null,
    fields: {
      number: null,
      kindLabel: null,
      title: null,
      timing: null,
      window: null,
      recipients: null,
      goto: null,
      action: null,
      inactiveLabel: null,
      versions: [],
    },
    outputLabels: [],
    pieces,
  };
}

describe('the fit of a profile to the page', () => {
  it('is full on a page the profile reads entirely', () => {
    const page = editor(buildScene(steps, lines, FLAT));
    expect(page.reading?.fit).toBe(1);
    expect(page.reading?.checks.every((c) => c.passed === c.total)).toBe(true);
  });

  it('is the weakest invariant: unknown kinds on most cards pull it down whatever else fits', () => {
    const scene = buildScene(steps, lines, FLAT);
    const cards = scene.cards.map((c, i) =>
      i === 0 ? c : { ...c, kindIconClasses: ['mystery'], fields: { ...c.fields, kindLabel: 'Mystery' } },
    );
    const page = editor({ ...scene, cards });
    expect(page.reading?.checks.find((c) => c.id === 'kinds-known')).toEqual({
      id: 'kinds-known',
      passed: 1,
      total: 3,
    });
    expect(page.reading?.fit).toBeCloseTo(1 / 3);
  });

  it("takes one card that alone says its timing in words of its own for that card's misread, not the profile's", () => {
    const scene = buildScene(
      [...steps.slice(0, 2), { ref: '4', kind: 'email' }, steps[2] as GenStep],
      lines,
      FLAT,
    );
    const cards = scene.cards.map((c, i) =>
      i === 1 ? { ...c, fields: { ...c.fields, timing: 'Wait a fortnight' } } : c,
    );
    const page = editor({ ...scene, cards });
    expect(page.reading?.checks.find((c) => c.id === 'timings-read')).toEqual({
      id: 'timings-read',
      passed: 3,
      total: 4,
      oddCards: ['step 2'],
    });
    expect(page.reading?.fit).toBe(1);
    // The card's own facts are still not claimed: its timing is a review.
    expect(page.sequence.steps.find((s) => s.ref === '2')?.delay).toBeNull();
    const report = audit(page, { now: NOW, tool: TOOL, timeZone: 'UTC' });
    expect(report.findings.filter((f) => f.kind === 'review').flatMap((f) => f.steps)).toContain('2');
  });

  it('takes a Go To whose line names no step for that card alone, even as the only Go To', () => {
    const withGoto: GenStep[] = [...steps.slice(0, 2), { ref: '3', kind: 'goto' }];
    const scene = buildScene(withGoto, lines, FLAT);
    const cards = scene.cards.map((c) =>
      c.fields.goto ? { ...c, fields: { ...c.fields, goto: 'Go to' } } : c,
    );
    const page = editor({ ...scene, cards });
    expect(page.reading?.checks.find((c) => c.id === 'gotos-read')).toEqual({
      id: 'gotos-read',
      passed: 0,
      total: 1,
      oddCards: ['step 3'],
    });
    expect(page.reading?.fit).toBe(1);
    expect(page.sequence.diagnostics.map((d) => d.code)).toContain('goto-target-not-shown');
    const report = audit(page, { now: NOW, tool: TOOL, timeZone: 'UTC' });
    expect(report.findings.find((f) => f.ruleId === 'goto-target-missing')).toMatchObject({
      kind: 'review',
      steps: ['3'],
    });
    expect(report.coverage.reading && fitShortfallSentences(report.coverage.reading)).toEqual([
      '0 of 1 Go To cards name the step they jump to (step 3: that card alone, its findings need review; the fit does not count it)',
    ]);
  });

  it('still holds against the profile a Go To line it does not find, and lines it misreads every which way', () => {
    const withGoto: GenStep[] = [...steps.slice(0, 2), { ref: '3', kind: 'goto' }];
    const scene = buildScene(withGoto, lines, FLAT);
    const noLine = scene.cards.map((c) =>
      c.fields.goto ? { ...c, fields: { ...c.fields, goto: null } } : c,
    );
    expect(editor({ ...scene, cards: noLine }).reading?.fit).toBe(0);
    // Lines that open every which way: the timing selector finds some other field.
    const other = ['Welcome aboard', 'Any day, any time', 'Top 10 tips'];
    const unread = scene.cards.map((c, i) => ({ ...c, fields: { ...c.fields, timing: other[i] ?? '' } }));
    const page = editor({ ...scene, cards: unread });
    expect(page.reading?.checks.find((c) => c.id === 'timings-read')?.oddCards).toBeUndefined();
    expect(page.reading?.fit).toBe(0);
  });

  it('does not hold one wording it does not know against the profile: the words are to teach', () => {
    const scene = buildScene(steps, lines, FLAT);
    const worded = scene.cards.map((c, i) => ({
      ...c,
      fields: { ...c.fields, timing: `Delay of ${i + 1} days` },
    }));
    const page = editor({ ...scene, cards: worded });
    expect(page.reading?.checks.find((c) => c.id === 'timings-read')).toMatchObject({ passed: 0 });
    expect(page.reading?.fit).toBe(1);
    expect(
      page.kind === 'editor' && page.sequence.diagnostics.filter((d) => d.code === 'timing-unread'),
    ).toHaveLength(scene.cards.length);
  });

  it('counts nothing it has nothing to count, and fits nothing when nothing was counted', () => {
    expect(profileFit(emptyReadStats()).fit).toBe(0);
    const stats = {
      ...emptyReadStats(),
      cards: 2,
      numbered: 2,
      uniqueNumbers: 2,
      kindsKnown: 2,
      timingsRead: 2,
    };
    expect(profileFit(stats).fit).toBe(1);
  });
});

describe('content-first fields', () => {
  it('recognises each field of a card by what it says, whatever the markup', () => {
    const pieces = [
      '3',
      'Send email',
      'Welcome to the course',
      'Wait 2 days',
      'Any day, any time',
      'Anyone reaching this step',
      'A: 60%',
      'B: 40%',
      '⋮',
    ];
    const fields = fieldsOf(bare(pieces), kartraProfile);
    expect(fields).toMatchObject({
      number: '3',
      kindLabel: 'Send email',
      title: 'Welcome to the course',
      timing: 'Wait 2 days',
      window: 'Any day, any time',
      recipients: 'Anyone reaching this step',
      versions: ['A: 60%', 'B: 40%'],
      inactiveLabel: null,
    });
    const step = readStep(bare(pieces), 0, 'Main', kartraProfile, []);
    expect(step).toMatchObject({ ref: '3', kind: 'email', active: true, delay: { type: 'wait', days: 2 } });
  });

  it('leaves the title unread when two texts could be it, rather than guess', () => {
    const diagnostics: Parameters<typeof readStep>[4] = [];
    const step = readStep(
      bare(['4', 'Send email', 'Hello', 'Second line', 'Wait 1 day', 'Every day, 9:00 AM – 5:00 PM']),
      0,
      'Main',
      kartraProfile,
      diagnostics,
    );
    expect(step?.title).toBeNull();
    expect(diagnostics.map((d) => d.code)).toContain('title-missing');
  });

  it('takes the selector first and looks among the texts only for what it missed', () => {
    const card = bare(['5', 'Tag', 'Wait 1 day', 'Any day, any time', 'Add tag: Buyers']);
    card.fields.number = '7';
    expect(fieldsOf(card, kartraProfile).number).toBe('7');
  });

  it('reads recipients wording it does not know as unread, not as a filter', () => {
    const diagnostics: Parameters<typeof readStep>[4] = [];
    const step = readStep(
      bare(['2', 'Send SMS', 'Reminder', 'Wait 1 day', 'Any day, any time', 'Só contatos VIP']),
      0,
      'Main',
      kartraProfile,
      diagnostics,
    );
    expect(step?.recipients).toBeNull();
    expect(diagnostics.map((d) => d.code)).toContain('recipients-unread');
  });
});

describe('a canvas whose lines were not read', () => {
  it('makes the connection rules say "needs review" once for the sequence, never "not connected"', () => {
    const scene = buildScene(steps, lines, FLAT);
    const page = editor({ ...scene, nodes: [], lines: [] });
    expect(page.sequence.diagnostics.map((d) => d.code)).toContain('connections-not-found');
    expect(page.reading?.checks.find((c) => c.id === 'nodes-found')).toEqual({
      id: 'nodes-found',
      passed: 0,
      total: 1,
    });
    const report = audit(page, { now: NOW, tool: TOOL, timeZone: 'UTC' });
    const connectionRules = [
      'step-not-connected',
      'step-unreachable',
      'start-not-connected',
      'path-without-ending',
    ];
    const about = report.findings.filter((f) => connectionRules.includes(f.ruleId));
    expect(about.length).toBeGreaterThan(0);
    expect(about.every((f) => f.kind === 'review')).toBe(true);
    expect(report.findings.filter((f) => f.ruleId === 'step-not-connected')).toHaveLength(1);
    expect(report.findings.find((f) => f.ruleId === 'step-not-connected')?.steps).toEqual([]);
  });

  it('still reads "not connected" where nodes were read and a step has no line in', () => {
    const scene = buildScene(steps, lines.slice(0, 2), FLAT);
    const mainOnly = { ...scene, tabs: scene.tabs.filter((t) => t.label !== 'A') };
    const report = audit(editor(mainOnly), { now: NOW, tool: TOOL, timeZone: 'UTC' });
    expect(report.findings.find((f) => f.ruleId === 'step-not-connected')).toMatchObject({
      kind: 'fail',
      steps: ['3'],
    });
  });
});

describe('lines the page shows but no element holds', () => {
  /** Every rule that follows the lines (tests/support/hidden-facts.ts lists them). */
  const flowRules = [
    'step-not-connected',
    'step-unreachable',
    'path-without-ending',
    'step-numbers-not-order',
  ];
  const mainOnly = (scene: Scene): Scene => ({ ...scene, tabs: scene.tabs.filter((t) => t.label !== 'A') });
  // Steps 1 to 3 with one line missing from the flow: a "not connected" on step 3 if lines were trusted.
  const twoLines = lines.slice(0, 2);

  it('a <canvas> over the cards and no line read: the flow rules review with the reason, none fails', () => {
    const scene = mainOnly(buildScene(steps, twoLines, FLAT));
    const page = editor({ ...scene, lines: [], unreadDrawings: [{ kind: 'canvas' }] });
    const report = audit(page, { now: NOW, tool: TOOL, timeZone: 'UTC' });
    const about = report.findings.filter((f) => flowRules.includes(f.ruleId));
    expect(about.map((f) => f.ruleId).sort()).toEqual([
      'path-without-ending',
      'step-not-connected',
      'step-numbers-not-order',
      'step-unreachable',
    ]);
    for (const f of about) {
      expect(f.kind).toBe('review');
      expect(f.message).toContain('painted on a <canvas>');
    }
  });

  it('an SVG layer over the cards whose shapes are no line read: review, saying so', () => {
    const scene = mainOnly(buildScene(steps, twoLines, FLAT));
    const report = audit(editor({ ...scene, lines: [], unreadDrawings: [{ kind: 'svg' }] }), {
      now: NOW,
      tool: TOOL,
      timeZone: 'UTC',
    });
    expect(report.findings.find((f) => f.ruleId === 'step-not-connected')).toMatchObject({
      kind: 'review',
      steps: [],
      message: expect.stringMatching(/SVG layer whose shapes are not lines/),
    });
  });

  it('nodes shown as linked with no line ending on any: review, not "not connected"', () => {
    const scene = mainOnly(buildScene(steps, twoLines, FLAT));
    const page = editor({ ...scene, lines: [] });
    expect(page.sequence.diagnostics.map((d) => d.code)).toContain('lines-unreadable');
    // One diagnostic for the canvas, not one per node.
    expect(page.sequence.diagnostics.filter((d) => d.code === 'linked-node-without-line')).toEqual([]);
    const report = audit(page, { now: NOW, tool: TOOL, timeZone: 'UTC' });
    const notConnected = report.findings.filter((f) => f.ruleId === 'step-not-connected');
    expect(notConnected).toMatchObject([{ kind: 'review', steps: [] }]);
    expect(notConnected[0]?.message).toMatch(/shown as linked but no line/);
  });

  it('a drawing layer beside lines that were read changes nothing (a background grid)', () => {
    const scene = mainOnly(buildScene(steps, twoLines, FLAT));
    const report = audit(editor({ ...scene, unreadDrawings: [{ kind: 'canvas' }] }), {
      now: NOW,
      tool: TOOL,
      timeZone: 'UTC',
    });
    expect(report.findings.find((f) => f.ruleId === 'step-not-connected')).toMatchObject({
      kind: 'fail',
      steps: ['3'],
    });
  });
});
