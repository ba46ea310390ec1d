import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Page } from '@playwright/test';
import { dragMouse, readLines, readNodes, type SeenCard, type SeenNode } from '../harness/replica-dom';
import { actionText, KIND_DISPLAY, recipientsText, timingText, windowText } from '../replica/app/texts';
import { replicaHtml } from '../replica/page';
import { type EditorSpec, parseSpec, TERMINAL_KINDS, tabOfRef } from '../replica/spec';
import { toggleFromMenu } from '../support/replica-edits';
import { expect, test } from '../support/replica-test';

/**
 * The replica of Kartra's builder, checked in a real Chromium without the extension: it shows
 * what the spec says, keeps the spec out of the page, and behaves like an app.
 */

test.describe.configure({ mode: 'parallel' });

const repo = join(import.meta.dirname, '..', '..');
const examplesDir = join(repo, 'tests', 'replica', 'examples');
const fixturesDir = join(repo, 'tests', 'fixtures', 'sequences');

function jsonFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.json') && !f.endsWith('.expected.json'))
      .map((f) => join(dir, f));
  } catch {
    return [];
  }
}

const load = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
const example = (name: string) => load(join(examplesDir, `${name}.json`));

/** Every editor spec: the replica's examples and the project's fixtures. */
const editorSpecs = [...jsonFiles(examplesDir), ...jsonFiles(fixturesDir)]
  .map((file) => ({ file, raw: load(file) }))
  .filter(({ raw }) => (raw as { page?: string }).page !== 'list');

/** What each card of a tab must show: node layout and which nodes are linked. */
function expectedNodes(spec: EditorSpec, tab: string): SeenCard[] {
  const lines = spec.connections.filter((c) => tabOfRef(c.from === 'start' ? c.to : c.from) === tab);
  const cards: SeenCard[] = [];
  const node = (edge: 'left' | 'right', along: number, connected: boolean) => ({
    edge,
    along,
    connected,
    x: 0,
    y: 0,
  });
  if (tab === 'Main')
    cards.push({
      ref: 'start',
      nodes: [
        node(
          'right',
          0.5,
          lines.some((c) => c.from === 'start'),
        ),
      ],
    });
  for (const step of spec.steps.filter((s) => tabOfRef(s.ref) === tab)) {
    const nodes = [
      node(
        'left',
        0.5,
        lines.some((c) => c.to === step.ref),
      ),
    ];
    const out = (branch?: string) => lines.some((c) => c.from === step.ref && c.branch === branch);
    if (step.kind === 'split') nodes.push(node('right', 0.3, out('yes')), node('right', 0.7, out('no')));
    else if (!TERMINAL_KINDS.includes(step.kind)) nodes.push(node('right', 0.5, out(undefined)));
    cards.push({ ref: step.ref, nodes });
  }
  return cards;
}

/** Compares node layout with a little slack on positions; ignores screen coordinates. */
function comparable(cards: SeenCard[]) {
  return cards
    .map((card) => ({
      ref: card.ref,
      nodes: card.nodes
        .map((n) => ({ edge: n.edge, along: Math.round(n.along * 10) / 10, connected: n.connected }))
        .sort((a, b) => a.edge.localeCompare(b.edge) || a.along - b.along),
    }))
    .sort((a, b) => a.ref.localeCompare(b.ref));
}

async function cardTexts(page: Page, ref: string) {
  const card = page.locator('.js_sequence_step').filter({
    has: page.locator('.step_number', { hasText: new RegExp(`^${ref}$`) }),
  });
  await expect(card).toHaveCount(1);
  return card;
}

/** What one card shows, as a person reads it. */
interface CardShown {
  ref: string;
  kind: string;
  kindIcons: number;
  title: string;
  timing: string;
  window: string;
  inactive: boolean;
  inactiveLabels: number;
  recipients: string | null;
  versions: string[];
  goto: string | null;
  action: string | null;
  splitLabels: string[];
}

function expectedCard(step: EditorSpec['steps'][number]): CardShown {
  return {
    ref: step.ref,
    kind: KIND_DISPLAY[step.kind].label,
    kindIcons: 1,
    title: step.title,
    timing: timingText(step.delay),
    window: windowText(step.window),
    inactive: !step.active,
    inactiveLabels: step.active ? 0 : 1,
    recipients: step.recipients ? recipientsText(step.recipients) : null,
    versions: (step.kind === 'email' ? (step.versions ?? []) : []).map((v) => `${v.name}: ${v.percent}%`),
    goto: step.kind === 'goto' ? `Go to ${step.goto}` : null,
    action: step.action ? actionText(step) : null,
    splitLabels: step.kind === 'split' ? ['Yes', 'No'] : [],
  };
}

/** Every card of the tab shown, read in one go (one round trip, not one per field). */
function cardsShown(page: Page, icons: Record<string, string>): Promise<CardShown[]> {
  return page.locator('.js_sequence_step').evaluateAll((cards, icons) => {
    const text = (element: Element | null) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
    const texts = (card: Element, selector: string) => [...card.querySelectorAll(selector)].map(text);
    const optional = (card: Element, selector: string) => {
      const found = card.querySelector(selector);
      return found ? text(found) : null;
    };
    return cards.map((card) => {
      const ref = text(card.querySelector('.step_number'));
      return {
        ref,
        kind: text(card.querySelector('.step_kind_label')),
        kindIcons: card.querySelectorAll(`.step_kind_icon.fa.${icons[ref] ?? 'missing'}`).length,
        title: text(card.querySelector('.step_title')),
        timing: text(card.querySelector('.step_timing')),
        window: text(card.querySelector('.step_window')),
        inactive: card.classList.contains('step_inactive'),
        inactiveLabels: card.querySelectorAll('.step_inactive_label').length,
        recipients: optional(card, '.step_recipients'),
        versions: texts(card, '.step_version'),
        goto: optional(card, '.step_goto'),
        action: optional(card, '.step_action'),
        splitLabels: texts(card, '.split_output_label'),
      };
    });
  }, icons);
}

async function checkTab(page: Page, spec: EditorSpec, tab: string) {
  const steps = spec.steps.filter((s) => tabOfRef(s.ref) === tab);
  const lines = spec.connections.filter((c) => tabOfRef(c.from === 'start' ? c.to : c.from) === tab);
  await expect(page.locator('.js_subsequence_tab.active')).toHaveText(tab);
  await expect(page.locator('.js_sequence_step')).toHaveCount(steps.length);
  await expect(page.locator('.js_starting_rules')).toHaveCount(tab === 'Main' ? 1 : 0);
  await expect(page.locator('svg.jtk-connector')).toHaveCount(lines.length);
  const icons = Object.fromEntries(steps.map((step) => [step.ref, KIND_DISPLAY[step.kind].icon]));
  const byRef = (a: { ref: string }, b: { ref: string }) =>
    a.ref.localeCompare(b.ref, 'en', { numeric: true });
  expect((await cardsShown(page, icons)).sort(byRef)).toEqual(steps.map(expectedCard).sort(byRef));
  const seen = await readNodes(page);
  expect(comparable(seen)).toEqual(comparable(expectedNodes(spec, tab)));
  // Each line starts at an output node and ends at an input node: the joins follow from geometry.
  const expectedLines = lines.map((c) => `${c.from}${c.branch ? `:${c.branch}` : ''} -> ${c.to}`).sort();
  expect((await readLines(page)).map((line) => lineBetween(seen, line.start, line.end)).sort()).toEqual(
    expectedLines,
  );
}

/** Names the nodes nearest to a line's ends, as a person reading the canvas would. */
function lineBetween(
  cards: SeenCard[],
  start: { x: number; y: number },
  end: { x: number; y: number },
): string {
  const nearest = (point: { x: number; y: number }) => {
    let best: { card: SeenCard; node: SeenNode; distance: number } | null = null;
    for (const card of cards) {
      for (const node of card.nodes) {
        const distance = Math.hypot(node.x - point.x, node.y - point.y);
        if (!best || distance < best.distance) best = { card, node, distance };
      }
    }
    if (!best || best.distance > 20) return '?';
    const { card, node } = best;
    if (node.edge === 'left' || node.edge === 'top') return card.ref;
    const outputs = card.nodes.filter((n) => n.edge === node.edge);
    if (outputs.length === 1) return card.ref;
    return `${card.ref}:${node === outputs[0] ? 'yes' : 'no'}`;
  };
  return `${nearest(start)} -> ${nearest(end)}`;
}

test.describe('renders every editor spec as the builder shows it', () => {
  for (const { file, raw } of editorSpecs) {
    test(basename(file), async ({ kartra, tab }) => {
      const spec = parseSpec(raw) as EditorSpec;
      const page = await kartra.openSpec(raw, { inApp: true }, tab);
      await expect(page.locator('.js_sequence_name')).toHaveText(spec.name);
      await expect(page.locator('.js_sequence_public_name')).toHaveText(
        `Public name: ${spec.publicName === '' ? 'Not set' : spec.publicName}`,
      );
      await expect(page.locator('.js_sequence_subscribers')).toHaveText(
        spec.subscribers === 1 ? '1 contact' : `${spec.subscribers} contacts`,
      );
      const statusIcon = page.locator('.js_sequence_status i');
      // The live editor may show no status at all; the spec says so.
      if (spec.statusControl === false) await expect(page.locator('.js_sequence_status')).toHaveCount(0);
      else if (spec.status === 'active') await expect(statusIcon).toHaveClass('fa fa-pause');
      else await expect(statusIcon).toHaveClass('fa fa-play text-success');
      await expect(page.getByRole('button', { name: 'Save Progress' })).toBeVisible();
      await expect(page.locator('.js_save_state')).toHaveText('All changes saved');
      const tabs = ['Main', ...new Set(spec.steps.map((s) => tabOfRef(s.ref)).filter((t) => t !== 'Main'))];
      await expect(page.locator('.js_subsequence_tab')).toHaveText(['Main', ...tabs.slice(1).sort()]);
      await expect(page.locator('.js_add_subsequence')).toHaveText('+ Add');
      await checkTab(page, spec, 'Main');
      for (const tab of tabs.slice(1)) {
        await page.locator('.js_subsequence_tab', { hasText: new RegExp(`^${tab}$`) }).click();
        await checkTab(page, spec, tab);
      }
      const rules = page.locator('.js_starting_rules .starting_rule');
      if (tabs.length > 1) await page.locator('.js_subsequence_tab', { hasText: /^Main$/ }).click();
      await expect(rules).toHaveCount(spec.startingRules.length);
    });
  }
});

test('shows the example texts in Kartra words', async ({ kartra }) => {
  const page = await kartra.openSpec(example('full'));
  const card2 = await cardTexts(page, '2');
  await expect(card2.locator('.step_timing')).toHaveText('Wait 2 days 3 hours');
  await expect(card2.locator('.step_window')).toHaveText('Mon–Fri, 9:00 AM – 5:00 PM');
  await expect(card2.locator('.step_recipients')).toHaveText('Filtered: only contacts matching filters');
  await expect(card2.locator('.step_version')).toHaveText(['A: 50%', 'B: 50%']);
  const card6 = await cardTexts(page, '6');
  await expect(card6.locator('.step_timing')).toHaveText('On Dec 24, 2030 at 10:00 AM');
  await expect(card6.locator('.step_window')).toHaveText('Mon, Wed, Fri, 8:00 AM – 12:00 PM');
  await expect(card6.locator('.step_inactive_label')).toHaveText('Inactive');
  await expect((await cardTexts(page, '5')).locator('.step_goto')).toHaveText('Go to A1');
  await expect((await cardTexts(page, '4')).locator('.step_action')).toHaveText('Add tag: Engaged');
  await expect(page.locator('.starting_rule_label')).toHaveText([
    'Tag applied: Downloaded recipes',
    'Product purchased: Recipe book',
  ]);
  await expect(page.locator('.js_sequence_public_name')).toHaveText('Public name: Free recipe pack');
  const small = await kartra.openSpec(example('missing-line'));
  await expect(small.locator('.js_sequence_public_name')).toHaveText('Public name: Not set');
  await expect(small.locator('.starting_rule_empty')).toHaveText('No starting rules yet');
  await expect(small.locator('.js_sequence_subscribers')).toHaveText('0 contacts');
});

test('leaves the spec nowhere in the page', async ({ kartra }) => {
  const raw = example('full') as EditorSpec;
  const page = await kartra.openSpec(raw);
  // Strings only the spec's JSON holds (the app's code names the fields, but never with values).
  const needles = [
    '"connections":[',
    '"startingRules":[',
    '"ref":"A1"',
    '"branch":"yes"',
    `"name":"${raw.name}"`,
    JSON.stringify(raw.steps[0]),
  ];
  const html = await page.evaluate(() => document.documentElement.outerHTML);
  for (const needle of needles) expect(html).not.toContain(needle);
  await expect(page.locator('script')).toHaveCount(1);
  expect(await page.locator('script').textContent()).not.toContain(raw.name);
  const found = await page.evaluate(
    (search) => {
      const hits: string[] = [];
      const seen = new WeakSet<object>();
      const visit = (value: unknown, path: string, depth: number) => {
        if (depth > 4 || value === null || value === undefined) return;
        if (typeof value === 'string') {
          if (search.some((s) => value.includes(s))) hits.push(path);
          return;
        }
        if (typeof value !== 'object' && typeof value !== 'function') return;
        if (value instanceof Node || seen.has(value as object)) return;
        seen.add(value as object);
        let keys: string[] = [];
        try {
          keys = Object.getOwnPropertyNames(value);
        } catch {
          return;
        }
        for (const key of keys) {
          if (search.some((s) => key.includes(s))) hits.push(`${path}.${key}`);
          let child: unknown;
          try {
            child = (value as Record<string, unknown>)[key];
          } catch {
            continue;
          }
          visit(child, `${path}.${key}`, depth + 1);
        }
      };
      const builtIns = new Set(Object.getOwnPropertyNames(Object.getPrototypeOf(window)));
      for (const key of Object.getOwnPropertyNames(window)) {
        if (builtIns.has(key) || key === 'window' || key === 'self' || key === 'document') continue;
        let value: unknown;
        try {
          value = (window as unknown as Record<string, unknown>)[key];
        } catch {
          continue;
        }
        visit(value, key, 0);
      }
      return hits;
    },
    needles.concat([raw.steps[1]?.title ?? 'no title', raw.publicName]),
  );
  expect(found).toEqual([]);
});

test('switches tabs: only the selected tab is in the page, and drawn lines are kept', async ({ kartra }) => {
  const page = await kartra.openSpec(example('full'));
  await expect(page.locator('.js_sequence_step')).toHaveCount(7);
  await page.locator('.js_subsequence_tab', { hasText: /^A$/ }).click();
  await expect(page.locator('.js_subsequence_tab.active')).toHaveText('A');
  await expect(page.locator('.js_sequence_step .step_number')).toHaveText(['A1', 'A2', 'A3']);
  await expect(page.locator('.js_starting_rules')).toHaveCount(0);
  await expect(page.locator('svg.jtk-connector')).toHaveCount(2);
  await expect(page.locator('svg.jtk-endpoint')).toHaveCount(5);
  // Remove A2 -> A3 by dragging its end off A3's input node.
  const a3In = (await readNodes(page)).find((c) => c.ref === 'A3')?.nodes.find((n) => n.edge === 'left');
  if (!a3In) throw new Error('A3 has no input node');
  await dragMouse(page, a3In, { x: a3In.x, y: a3In.y + 250 });
  await expect(page.locator('svg.jtk-connector')).toHaveCount(1);
  await page.locator('.js_subsequence_tab', { hasText: /^Main$/ }).click();
  await expect(page.locator('.js_sequence_step')).toHaveCount(7);
  await expect(page.locator('svg.jtk-connector')).toHaveCount(6);
  // A card moved on Main stays where the user put it after a round trip through tab A.
  const card1 = await cardTexts(page, '1');
  const box = await card1.boundingBox();
  if (!box) throw new Error('card 1 not visible');
  await dragMouse(page, { x: box.x + 120, y: box.y + 60 }, { x: box.x + 120, y: box.y + 260 });
  const moved = await card1.boundingBox();
  expect(moved?.y).toBeGreaterThan(box.y + 150);
  await page.locator('.js_subsequence_tab', { hasText: /^A$/ }).click();
  await page.locator('.js_subsequence_tab', { hasText: /^Main$/ }).click();
  expect(await (await cardTexts(page, '1')).boundingBox()).toEqual(moved);
  await page.locator('.js_subsequence_tab', { hasText: /^A$/ }).click();
  await expect(page.locator('svg.jtk-connector')).toHaveCount(1);
  // "+ Add" opens a new, empty tab.
  await page.locator('.js_add_subsequence').click();
  await expect(page.locator('.js_subsequence_tab')).toHaveText(['Main', 'A', 'B']);
  await expect(page.locator('.js_subsequence_tab.active')).toHaveText('B');
  await expect(page.locator('.js_sequence_step')).toHaveCount(0);
});

test('activates and deactivates a step from its ⋮ menu', async ({ kartra }) => {
  const page = await kartra.openSpec(example('full'));
  const card = await cardTexts(page, '6');
  await expect(card).toHaveClass(/step_inactive/);
  await card.getByRole('button', { name: 'Step options' }).click();
  await card.getByRole('menuitem', { name: 'Activate' }).click();
  await expect(card).not.toHaveClass(/step_inactive/);
  await expect(card.locator('.step_inactive_label')).toHaveCount(0);
  await expect(page.getByRole('menu')).toHaveCount(0);
  await card.getByRole('button', { name: 'Step options' }).click();
  await card.getByRole('menuitem', { name: 'Deactivate' }).click();
  await expect(card).toHaveClass(/step_inactive/);
  await expect(card.locator('.step_inactive_label')).toHaveText('Inactive');
});

test('draws a line by dragging from an output node to an input node, and removes it', async ({ kartra }) => {
  const page = await kartra.openSpec(example('missing-line'));
  await expect(page.locator('svg.jtk-connector')).toHaveCount(3);
  const before = await readNodes(page);
  const out2 = before.find((c) => c.ref === '2')?.nodes.find((n) => n.edge === 'right');
  const in3 = before.find((c) => c.ref === '3')?.nodes.find((n) => n.edge === 'left');
  if (!out2 || !in3) throw new Error('nodes not found');
  expect([out2.connected, in3.connected]).toEqual([false, false]);
  const fill = (point: { x: number; y: number }) =>
    page.evaluate(({ x, y }) => {
      const svg = document.elementsFromPoint(x, y).find((e) => e.matches('svg.jtk-endpoint'));
      const circle = svg?.querySelector('circle');
      return circle ? getComputedStyle(circle).fill : null;
    }, point);
  const grey = 'rgb(201, 206, 214)';
  const yellow = 'rgb(245, 197, 24)';
  expect([await fill(out2), await fill(in3)]).toEqual([grey, grey]);
  await dragMouse(page, out2, in3);
  await expect(page.locator('svg.jtk-connector')).toHaveCount(4);
  expect([await fill(out2), await fill(in3)]).toEqual([yellow, yellow]);
  const after = await readNodes(page);
  expect(after.find((c) => c.ref === '2')?.nodes.find((n) => n.edge === 'right')?.connected).toBe(true);
  expect(after.find((c) => c.ref === '3')?.nodes.find((n) => n.edge === 'left')?.connected).toBe(true);
  // Drag the line's end off step 3's input node into empty canvas: the line goes, both nodes grey.
  await dragMouse(page, in3, { x: in3.x - 120, y: in3.y + 300 });
  await expect(page.locator('svg.jtk-connector')).toHaveCount(3);
  const removed = await readNodes(page);
  expect(removed.find((c) => c.ref === '2')?.nodes.find((n) => n.edge === 'right')?.connected).toBe(false);
  expect(removed.find((c) => c.ref === '3')?.nodes.find((n) => n.edge === 'left')?.connected).toBe(false);
});

test('drags a card and its lines follow', async ({ kartra }) => {
  const page = await kartra.openSpec(example('small'));
  const card = await cardTexts(page, '2');
  const box = await card.boundingBox();
  if (!box) throw new Error('card not visible');
  const lineBefore = await page.locator('svg.jtk-connector').nth(1).boundingBox();
  await dragMouse(
    page,
    { x: box.x + box.width / 2, y: box.y + 60 },
    { x: box.x + box.width / 2, y: box.y + 260 },
  );
  const moved = await card.boundingBox();
  expect(moved?.y).toBeGreaterThan(box.y + 150);
  const nodes = (await readNodes(page)).find((c) => c.ref === '2')?.nodes ?? [];
  expect(nodes.map((n) => n.edge).sort()).toEqual(['left', 'right']);
  expect(nodes.every((n) => n.connected)).toBe(true);
  const lineAfter = await page.locator('svg.jtk-connector').nth(1).boundingBox();
  expect(lineAfter).not.toEqual(lineBefore);
});

test('pauses and resumes with the inverted icons', async ({ kartra }) => {
  const page = await kartra.openSpec(example('full'));
  const button = page.locator('.js_sequence_status');
  await expect(button.locator('i')).toHaveClass('fa fa-play text-success');
  await expect(button).toHaveAttribute('title', 'Activate sequence');
  await button.click();
  await expect(button.locator('i')).toHaveClass('fa fa-pause');
  await expect(button).toHaveAttribute('title', 'Pause sequence');
  await button.click();
  await expect(button.locator('i')).toHaveClass('fa fa-play text-success');
});

test('zooms the canvas and switches layout without a reload', async ({ kartra }) => {
  const page = await kartra.openSpec(example('small'));
  await page.evaluate(() => {
    (window as unknown as { __sameDocument: boolean }).__sameDocument = true;
  });
  const canvas = page.locator('.js_builder_canvas');
  await page.locator('.js_zoom_out').click();
  await expect(canvas).toHaveCSS('transform', 'matrix(0.9, 0, 0, 0.9, 0, 0)');
  await expect(page.locator('.js_zoom_level')).toHaveText('90%');
  await page.locator('.js_zoom_in').click();
  await page.locator('.js_zoom_in').click();
  await expect(canvas).toHaveCSS('transform', 'matrix(1.1, 0, 0, 1.1, 0, 0)');
  // Nodes stay on their cards' edges when zoomed.
  const zoomed = comparable(await readNodes(page));
  expect(zoomed.find((c) => c.ref === '2')?.nodes.map((n) => n.edge)).toEqual(['left', 'right']);
  await page.locator('.js_layout_vertical').click();
  const vertical = await readNodes(page);
  expect(
    vertical
      .find((c) => c.ref === '2')
      ?.nodes.map((n) => n.edge)
      .sort(),
  ).toEqual(['bottom', 'top']);
  expect(vertical.find((c) => c.ref === 'start')?.nodes.map((n) => n.edge)).toEqual(['bottom']);
  await expect(page.locator('svg.jtk-connector')).toHaveCount(3);
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(
    true,
  );
});

test("puts a split's Yes above its No, and left of it in vertical layout", async ({ kartra }) => {
  const page = await kartra.openSpec(example('full'));
  const split = (await readNodes(page)).find((c) => c.ref === '3');
  expect(split?.nodes.filter((n) => n.edge === 'right').map((n) => n.along)).toEqual([0.3, 0.7]);
  const card = await cardTexts(page, '3');
  const [yes, no] = await card.locator('.split_output_label').all();
  const yesBox = await yes?.boundingBox();
  const noBox = await no?.boundingBox();
  expect(yesBox && noBox && yesBox.y < noBox.y).toBe(true);
  await page.locator('.js_layout_vertical').click();
  const vertical = (await readNodes(page)).find((c) => c.ref === '3');
  expect(vertical?.nodes.filter((n) => n.edge === 'bottom').map((n) => n.along)).toEqual([0.3, 0.7]);
});

test('an invalid spec shows its problems in an alert, and serving it throws', async ({ kartra }) => {
  const page = await kartra.context.newPage();
  const spec = example('small') as EditorSpec;
  const broken = {
    ...spec,
    steps: spec.steps.map((s, i) => (i === 1 ? { ...s, delay: { type: 'wait', days: -1, hours: 0 } } : s)),
    connections: [...spec.connections, { from: '2', to: '9' }],
  };
  await page.setContent(await replicaHtml(broken));
  const alert = page.getByRole('alert');
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('steps[1].delay.days: expected a whole number >= 0 (got -1)');
  await expect(page.locator('.js_sequence_builder')).toHaveCount(0);
  expect(() => kartra.serve(broken)).toThrow(/steps\[1\]\.delay\.days/);
  const crossField = { ...spec, connections: [...spec.connections, { from: '2', to: '9' }] };
  await page.setContent(await replicaHtml(crossField));
  await expect(page.getByRole('alert')).toContainText('connections[3].to: no step "9" in this sequence');
});

test('renders the sequence list with the inverted icons', async ({ kartra }) => {
  const list = example('list') as { sequences: { id: string; name: string; status: string }[] };
  const page = await kartra.openSpec(list);
  const rows = page.locator('.js_sequence_row');
  await expect(rows).toHaveCount(list.sequences.length);
  for (const [i, row] of list.sequences.entries()) {
    const tr = rows.nth(i);
    await expect(tr.locator('.sequence_name a')).toHaveText(row.name);
    await expect(tr.locator('.sequence_name a')).toHaveAttribute(
      'href',
      `/marketing/sequences/edit/${row.id}`,
    );
    await expect(tr.locator('.js_sequence_status i')).toHaveClass(
      row.status === 'active' ? 'fa fa-pause' : 'fa fa-play text-success',
    );
  }
  await expect(rows.nth(0).locator('.sequence_subscribed')).toHaveText('42');
  await expect(rows.nth(0).locator('.sequence_completed')).toHaveText('7');
  await rows.nth(0).locator('.js_sequence_status').click();
  await expect(rows.nth(0).locator('.js_sequence_status i')).toHaveClass('fa fa-pause');
});

test('routes Kartra URLs and aborts everything else', async ({ kartra }) => {
  const page = await kartra.context.newPage();
  await page.goto('https://app.kartra.com/dashboard');
  await expect(page.locator('.kartra_topbar')).toBeVisible();
  await expect(page.locator('.js_sequence_builder')).toHaveCount(0);
  const missing = await page.goto('https://app.kartra.com/marketing/sequences/edit/does-not-exist');
  expect(missing?.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText('Sequence not found');
  await expect(page.goto('https://example.com/')).rejects.toThrow();
  const aborted = kartra.requests.find((r) => r.url === 'https://example.com/');
  expect(aborted?.outcome).toBe('aborted');
  expect(aborted?.by).toBe('page');
  expect(kartra.requests.find((r) => r.url === 'https://app.kartra.com/dashboard')?.outcome).toBe('served');
});

test('adds a new step from the palette: inactive and unconnected, as in Kartra', async ({ kartra }) => {
  const page = await kartra.openSpec(example('small'));
  await page.locator('.js_palette_item', { hasText: 'Send email' }).click();
  const card = await cardTexts(page, '4');
  await expect(card).toHaveClass(/step_inactive/);
  await expect(card.locator('.step_kind_label')).toHaveText('Send email');
  await expect(card.locator('.step_title')).toHaveText('');
  await expect(page.locator('svg.jtk-connector')).toHaveCount(3);
  const nodes = (await readNodes(page)).find((c) => c.ref === '4')?.nodes ?? [];
  expect(nodes.map((n) => [n.edge, n.connected])).toEqual([
    ['left', false],
    ['right', false],
  ]);
});

test('Save Progress: canvas changes are unsaved until it is clicked, and a change undone by hand is none', async ({
  kartra,
}) => {
  const page = await kartra.openSpec(example('small'));
  const state = page.locator('.js_save_state');
  const save = page.getByRole('button', { name: 'Save Progress' });
  await expect(state).toHaveText('All changes saved');
  await toggleFromMenu(page, '2', 'deactivate');
  await expect(state).toHaveText('Unsaved changes');
  await expect(save).toHaveClass(/btn_save_unsaved/);
  await toggleFromMenu(page, '2', 'activate');
  await expect(state).toHaveText('All changes saved');
  await page.locator('.js_palette_item', { hasText: 'Send email' }).click();
  await expect(state).toHaveText('Unsaved changes');
  await save.click();
  await expect(state).toHaveText('Progress saved');
  await expect(save).not.toHaveClass(/btn_save_unsaved/);
  // Changing the layout is not a change to save.
  await page.locator('.js_layout_vertical').click();
  await expect(state).toHaveText('Progress saved');
});
