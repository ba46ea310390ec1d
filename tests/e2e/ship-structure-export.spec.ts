import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kartraProfile } from '../../lib/kartra/profile';
import type { PageStructure, StructureElement } from '../../lib/structure/export';
import { serveSavedPage } from '../../scripts/lib/saved-page';
import { renderStructurePage, structureUrl } from '../../scripts/lib/structure-page';
import { HOSTILE_STRINGS } from '../fixtures/hostile/strings';
import { fixtureNames, loadFixture } from '../fixtures/sequences/fixtures';
import type { EditorSpec } from '../replica/spec';
import { inAppOrder } from '../support/audit-fixture';
import { aboutPage } from '../support/extension-report';
import { RENAME_EVERY_CLASS } from '../support/rename-classes';
import { exportOf, findingsOf, unexplainedDifferences } from '../support/structure-round-trip';
import { expect, test } from './extension-fixture';

test.describe.configure({ mode: 'parallel' });

/** The kinds' labels: the interface shows them on every card, whatever the owner typed. */
const KIND_LABELS = new Set(kartraProfile.card.kindLabels.map((kind) => kind.label));

/**
 * What the owner typed into the sequence, which must not survive: the names, labels, titles,
 * targets and version names, and step references and the id, when they hold a letter and are
 * longer than 2 characters. Shorter strings and pure numbers are left out: "1" or "2026" can
 * stand in geometry or a date by chance without coming from the typed text. So is a text equal
 * to a kind's label (a Complete step titled "Complete"): the card shows that label anyway, and
 * the interface-words test below counts those instead.
 */
function typedStrings(spec: EditorSpec): string[] {
  const strings = [
    spec.name,
    spec.publicName,
    ...spec.startingRules.map((rule) => rule.label),
    ...spec.steps.flatMap((step) => [
      step.title,
      step.target ?? '',
      ...(step.versions ?? []).map((version) => version.name),
    ]),
  ].map((text) => text.replace(/\s+/g, ' ').trim());
  const identifiers = [spec.id, ...spec.steps.flatMap((step) => [step.ref, step.goto ?? ''])].filter((ref) =>
    /[A-Za-z]/.test(ref),
  );
  return [...new Set([...strings, ...identifiers])].filter(
    (text) => Array.from(text).length > 2 && !/^[\d\s.,:/-]+$/.test(text) && !KIND_LABELS.has(text),
  );
}

function leaks(structure: PageStructure, strings: readonly string[]): string[] {
  const json = JSON.stringify(structure);
  return strings.filter((text) => json.includes(text) || json.includes(JSON.stringify(text).slice(1, -1)));
}

function elements(node: StructureElement): StructureElement[] {
  const children = (node.children ?? []).filter((child): child is StructureElement => 'tag' in child);
  return [node, ...children.flatMap(elements)];
}

// The app opens each in place after the first (no two of one sequence id in a row).
const editorFixtures = inAppOrder(fixtureNames().map(loadFixture))
  .filter((fixture) => fixture.page === 'editor')
  .map((fixture) => fixture.name);

// In chunks, so that Playwright's workers share the fixtures. Each fixture is loaded and exported
// once for both checks.
const CHUNKS = 3;
for (let chunk = 0; chunk < CHUNKS; chunk++) {
  const names = editorFixtures.filter((_, index) => index % CHUNKS === chunk);
  test(`no text typed into the fixtures survives in their structure export, the geometry does, and the export rendered back as a page is audited to the same findings (part ${chunk + 1} of ${CHUNKS})`, async ({
    kartra,
    reports,
  }) => {
    test.setTimeout(200_000);
    const dir = mkdtempSync(join(tmpdir(), 'kartra-structure-'));
    // One tab for the pages and one for their rendered exports, for all fixtures: opening a tab
    // per fixture doubles the time, and loading each fixture's page, as opposed to opening it in
    // place, adds half again.
    const page = await kartra.context.newPage();
    const rendered = await kartra.context.newPage();
    const differences: string[] = [];
    let checked = 0;
    let reproduced = 0;
    try {
      for (const name of names) {
        const fixture = loadFixture(name);
        if (fixture.page !== 'editor') continue;
        await kartra.openSpec(fixture.spec, { inApp: true }, page);
        const { report: live } = await reports.waitFor(page, aboutPage(page));
        const structure = await exportOf(reports, page);

        const strings = typedStrings(fixture.spec);
        expect(leaks(structure, strings), name).toEqual([]);
        checked += strings.length;
        expect(structure.root.found, name).toBe('profile-root');
        const all = elements(structure.tree);
        const cards = all.filter((e) => e.classes?.includes('js_sequence_step'));
        expect(cards.length, name).toBe(await page.locator('.js_sequence_step').count());
        expect(structure.selectorMatches['card.root'], name).toBe(cards.length);
        for (const card of cards)
          expect(card.rect[2] * card.rect[3], `${name}: a card has an area`).toBeGreaterThan(0);
        const lines = all.filter((e) => e.tag === 'path' && e.d !== undefined);
        expect(lines.length, name).toBe(await page.locator('svg.jtk-connector path').count());
        for (const line of lines) expect(line.d, name).toMatch(/^M [-\d. MLCQZmlcqz]+$/);

        const url = structureUrl(structure, `rendered-${name.replace(/\W/g, '-')}`);
        const htmlPath = join(dir, `${name}.html`);
        writeFileSync(htmlPath, renderStructurePage(structure, url));
        const stopServing = await serveSavedPage(kartra.context, htmlPath, url);
        try {
          await rendered.bringToFront();
          await rendered.goto(url);
          const { report } = await reports.waitFor(rendered);
          expect(report.page.kind, name).toBe('editor');
          const problems = unexplainedDifferences(live, report);
          if (problems.length > 0) differences.push(`${name}: ${problems.join('; ')}`);
          reproduced += findingsOf(report).filter((f) => findingsOf(live).includes(f)).length;
        } finally {
          await stopServing();
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(checked).toBeGreaterThan(30);
    expect(differences).toEqual([]);
    expect(reproduced).toBeGreaterThan(names.length);
  });
}

test('hostile and marked texts in every field a user types into do not survive', async ({
  kartra,
  reports,
}) => {
  // Every typed field carries "Qz7" and a field tag, so any leak shows up whatever its form.
  const hostile = [...HOSTILE_STRINGS];
  const spec: EditorSpec = {
    page: 'editor',
    id: 'qz7seq42',
    name: 'Qz7name Jane Doe welcome',
    publicName: 'Qz7public Tips from jane@example.com',
    status: 'active',
    subscribers: 3,
    startingRules: [
      { type: 'tag', label: `Qz7rule ${hostile[0]}` },
      { type: 'optin', label: `Qz7form ${hostile[5]}` },
    ],
    steps: hostile.slice(0, 8).map((text, index) => ({
      ref: String(index + 1),
      kind: index === 7 ? 'complete' : index % 3 === 2 ? 'tag' : 'email',
      active: true,
      title: `Qz7title${index} ${text}`,
      delay: { type: 'wait', days: 1, hours: 0 },
      window: null,
      ...(index % 3 === 2 && index !== 7
        ? { action: 'add' as const, target: `Qz7tag${index} ${hostile[index + 8] ?? 'VIP'}` }
        : {}),
    })),
    connections: [
      { from: 'start', to: '1' },
      ...Array.from({ length: 7 }, (_, index) => ({ from: String(index + 1), to: String(index + 2) })),
    ],
  };
  const page = await kartra.openSpec(spec);
  await expect(page.locator('.js_sequence_step')).toHaveCount(8);
  const structure = await exportOf(reports, page);
  const json = JSON.stringify(structure);
  expect(json.toLowerCase()).not.toContain('qz7');
  expect(leaks(structure, [...typedStrings(spec), ...HOSTILE_STRINGS])).toEqual([]);
  for (const word of ['Jane', 'jane', 'example.com', 'pwned', 'Supercalifragilistic', 'HYPERLINK']) {
    expect(json, word).not.toContain(word);
  }
  // The interface's own words stay, so that the profile's words can be corrected from an export.
  for (const text of ['"Wait 1 day"', '"Send email"', '"Add tag: ', '"Tag applied: ', '"Main"'])
    expect(json, text).toContain(text);
  expect(structure.page.path).toBe('/marketing/sequences/edit/{id}');
  expect(structure.counts.texts).toBeGreaterThan(20);
});

/**
 * A sequence whose every typed field holds the interface's own words: names, starting-rule labels,
 * targets and version names; `titles` says what the steps are called. Ten steps, so that a profile
 * inferred from renamed markup still finds its cards where a title equals a kind label.
 */
function interfaceWordsSpec(titles: 'kind labels' | 'other interface words'): EditorSpec {
  const kindTitles = titles === 'kind labels';
  const step = (ref: string, kind: EditorSpec['steps'][number]['kind'], title: string, extra = {}) => ({
    ref,
    kind,
    active: true,
    title,
    delay: { type: 'wait' as const, days: 1, hours: 0 },
    window: null,
    ...extra,
  });
  return {
    page: 'editor',
    id: '5120',
    name: 'Send email',
    publicName: 'Main list',
    status: 'active',
    subscribers: 3,
    startingRules: [
      { type: 'list', label: 'Main list' },
      { type: 'tag', label: 'Complete' },
    ],
    steps: [
      step('1', 'email', kindTitles ? 'Send email' : 'Main list', {
        versions: [
          { name: 'A', percent: 50 },
          { name: 'Main', percent: 50 },
        ],
      }),
      step('2', 'tag', 'Welcome tag', { action: 'add', target: 'Main list' }),
      step('3', 'email', 'Your first lesson'),
      step('4', 'list', 'Join the list', { action: 'subscribe', target: 'Complete' }),
      step('5', 'email', 'Wait'),
      step('6', 'email', 'Your second lesson'),
      step('7', 'sequence', 'Next course', { action: 'subscribe', target: 'Send email' }),
      step('8', 'email', 'Your third lesson'),
      step('9', 'email', 'Last call'),
      step('10', 'complete', kindTitles ? 'Complete' : 'Finish'),
    ],
    connections: [
      { from: 'start', to: '1' },
      ...Array.from({ length: 9 }, (_, index) => ({ from: String(index + 1), to: String(index + 2) })),
    ],
  };
}

/** Each interface phrase a typed field above holds, and how often the interface itself shows it. */
function interfaceUses(spec: EditorSpec): Record<string, number> {
  // A kind's label on each of its cards, and in the palette of steps to add.
  const kinds = (kind: string) => spec.steps.filter((step) => step.kind === kind).length + 1;
  return {
    'Send email': kinds('email'),
    Complete: kinds('complete'),
    Wait: 0,
    Main: 1, // the main tab
    'Main list': 0,
    'a version named Main': 0,
  };
}

function typedFieldsShown(structure: PageStructure): Record<string, number> {
  const texts = (node: StructureElement): string[] =>
    (node.children ?? []).flatMap((child) => ('tag' in child ? texts(child) : [child.text]));
  const all = texts(structure.tree);
  const exactly = (text: string) => all.filter((t) => t === text).length;
  return {
    'Send email': exactly('Send email'),
    Complete: exactly('Complete'),
    Wait: exactly('Wait'),
    Main: exactly('Main'),
    'Main list': all.filter((t) => t.includes('Main list')).length,
    'a version named Main': all.filter((t) => t.startsWith('Main:')).length,
  };
}

test("the account's texts made of the interface's words are masked, on known markup and on markup read with an inferred profile", async ({
  kartra,
  reports,
}) => {
  const known = interfaceWordsSpec('kind labels');
  const page = await kartra.openSpec(known);
  const { report: live } = await reports.waitFor(page);
  const structure = await exportOf(reports, page);
  expect(typedFieldsShown(structure)).toEqual(interfaceUses(known));
  // The interface's words around them stay: kind labels, timing lines, prefixes.
  const json = JSON.stringify(structure);
  for (const text of ['"Wait 1 day"', '"Tag"', '"List"', '"Sequence"', '"Subscribed to list: ', '"Add tag: '])
    expect(json, text).toContain(text);
  // And the export still reads as the sequence it came from (the version's share among it).
  const dir = mkdtempSync(join(tmpdir(), 'kartra-structure-'));
  const url = structureUrl(structure, 'rendered-interface-words');
  try {
    const htmlPath = join(dir, 'interface-words.html');
    writeFileSync(htmlPath, renderStructurePage(structure, url));
    const stopServing = await serveSavedPage(kartra.context, htmlPath, url);
    try {
      const rendered = await kartra.context.newPage();
      await rendered.goto(url);
      const { report } = await reports.waitFor(rendered);
      expect(unexplainedDifferences(live, report)).toEqual([]);
      await rendered.close();
    } finally {
      await stopServing();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // Another build of the app: no class the built-in profile knows. The labels and targets are
  // found by their prefixes, the titles and names where the profile inferred from the page reads them.
  const renamed = interfaceWordsSpec('other interface words');
  await page.goto(kartra.serve(renamed));
  await reports.waitFor(page);
  await page.evaluate(RENAME_EVERY_CLASS);
  await reports.waitFor(page, (report) => report.coverage.reading?.profile === 'inferred');
  const inferred = await exportOf(reports, page);
  expect(inferred.selectorMatches['card.root']).toBe(0);
  expect(typedFieldsShown(inferred)).toEqual(interfaceUses(renamed));
  const inferredJson = JSON.stringify(inferred);
  for (const text of ['"Wait 1 day"', '"Send email"', '"Subscribed to list: ', '"Add tag: '])
    expect(inferredJson, text).toContain(text);
});

test('the popup offers the export on a partly read builder and downloads it as kartra-structure-<date>.json', async ({
  kartra,
  reports,
}) => {
  const fixture = loadFixture('launch-sequence');
  if (fixture.page !== 'editor') throw new Error('launch-sequence is an editor fixture');
  const page = await kartra.openSpec(fixture.spec);
  const { report } = await reports.waitFor(page);
  expect(report.counts.review).toBeGreaterThan(0);
  const popup = await reports.openPopupFor(page);
  const button = popup.getByRole('button', { name: 'Export page structure' });
  await expect(button).toBeVisible();
  const [download] = await Promise.all([popup.waitForEvent('download'), button.click()]);
  expect(download.suggestedFilename()).toMatch(/^kartra-structure-\d{4}-\d{2}-\d{2}\.json$/);
  const structure = JSON.parse(readFileSync(await download.path(), 'utf8')) as PageStructure;
  expect(structure.format).toBe('kartra-auditor-structure');
  expect(structure.tool.version).toBe(report.tool.version);
  expect(leaks(structure, typedStrings(fixture.spec))).toEqual([]);
  await expect(popup.getByRole('status').filter({ hasText: 'Saved kartra-structure-' })).toBeVisible();
});

test('the popup does not offer the export when the builder was read completely', async ({
  kartra,
  reports,
}) => {
  const page = await kartra.openSpec(loadFixture('step-inactive.fires').spec);
  const { report, page: model } = await reports.waitFor(page);
  expect(report.counts.review).toBe(0);
  expect(model.kind === 'editor' && model.sequence.diagnostics).toEqual([]);
  const popup = await reports.openPopupFor(page);
  await expect(popup.locator('.count--error')).toBeVisible();
  await expect(popup.getByRole('button', { name: 'Export page structure' })).toHaveCount(0);
});
