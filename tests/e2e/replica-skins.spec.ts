import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import fc from 'fast-check';
import type { KartraSession } from '../harness';
import {
  dragMouse,
  FREE_COLOUR,
  LINKED_COLOUR,
  lineSelector,
  nodeColourAt,
  readLines,
  readNodes,
  type SeenCard,
  type SeenNode,
  skinned,
} from '../harness/replica-dom';
import {
  DEFAULT_SKIN,
  describeSkin,
  NAMED_SKINS,
  resolveSkin,
  SKIN_NAMES,
  type Skin,
  type SkinName,
  skinVariation,
} from '../replica/skin';
import { type EditorSpec, parseSpec, tabOfRef } from '../replica/spec';
import { editorSpecArb } from '../support/random-spec';
import { expect, test } from '../support/replica-test';
import { runSeed } from '../support/run-seed';

/**
 * Skins are the same page to a person: each renders a spec with other markup (class names,
 * wrappers, data-v attributes, lines drawn without jsPlumb), and this suite proves, in a real
 * Chromium without the extension, that what shows (texts, card boxes, lines, node colours) and
 * what a hand can do (drag, draw and remove lines, ⋮ Activate, tabs, pause) are the default
 * skin's. The tests know the skin they asked for, so they may use its class names; the extension
 * may not.
 */

test.describe.configure({ mode: 'parallel' });

const examplesDir = join(import.meta.dirname, '..', 'replica', 'examples');
const example = (name: string): EditorSpec =>
  parseSpec(JSON.parse(readFileSync(join(examplesDir, `${name}.json`), 'utf8'))) as EditorSpec;

const OTHER_SKINS = SKIN_NAMES.filter((name) => name !== 'default');

/** The default markup in the same view (zoom, layout) as `skin`: what it must look like. */
const sameViewDefault = (skin: Skin): Skin => ({
  ...DEFAULT_SKIN,
  zoom: skin.zoom,
  pan: skin.pan,
  orientation: skin.orientation,
});

interface Look {
  text: string;
  cards: { ref: string; text: string; box: { x: number; y: number; width: number; height: number } }[];
  lines: { x: number; y: number }[][];
  nodes: SeenCard[];
}

/** What a person sees of the shown tab: the page's text, each card's text and box, lines and nodes. */
async function lookOf(page: Page, skin: Skin): Promise<Look> {
  const { text, cards } = await page.evaluate(
    ({ card, start, number }) => ({
      // biome-ignore lint/performance/useDomNodeTextContent: the text as rendered (hidden parts left out) is what a person reads.
      text: document.body.innerText,
      cards: [...document.querySelectorAll<HTMLElement>(card)].map((el) => {
        const r = el.getBoundingClientRect();
        return {
          ref: el.matches(start) ? 'start' : (el.querySelector(number)?.textContent ?? '?'),
          // biome-ignore lint/performance/useDomNodeTextContent: as above, the rendered text.
          text: el.innerText,
          box: { x: r.x, y: r.y, width: r.width, height: r.height },
        };
      }),
    }),
    {
      card: skinned(skin, '.js_sequence_step, .js_starting_rules'),
      start: skinned(skin, '.js_starting_rules'),
      number: skinned(skin, '.step_number'),
    },
  );
  const lines = (await readLines(page, skin)).map((line) => line.points);
  return { text, cards, lines, nodes: await readNodes(page, skin) };
}

const near = (a: number, b: number, slack = 1) => Math.abs(a - b) <= slack;

/** The differences between two looks, in words: [] means a person sees the same page. */
function lookDifferences(expected: Look, actual: Look): string[] {
  const problems: string[] = [];
  if (actual.text !== expected.text)
    problems.push(`page text differs:\n${expected.text}\n---\n${actual.text}`);
  const cards = new Map(actual.cards.map((card) => [card.ref, card]));
  if (actual.cards.length !== expected.cards.length)
    problems.push(`${actual.cards.length} cards, expected ${expected.cards.length}`);
  for (const want of expected.cards) {
    const got = cards.get(want.ref);
    if (!got) {
      problems.push(`card ${want.ref} missing`);
      continue;
    }
    if (got.text !== want.text) problems.push(`card ${want.ref} text: ${JSON.stringify(got.text)}`);
    const box = (['x', 'y', 'width', 'height'] as const).filter((k) => !near(got.box[k], want.box[k]));
    if (box.length)
      problems.push(`card ${want.ref} box ${JSON.stringify(got.box)} vs ${JSON.stringify(want.box)}`);
  }
  const key = (points: { x: number; y: number }[]) =>
    points.map((p) => `${Math.round(p.x)},${Math.round(p.y)}`).join(' ');
  const unmatched = [...actual.lines];
  for (const line of expected.lines) {
    const index = unmatched.findIndex((other) =>
      other.every((p, i) => near(p.x, line[i]?.x ?? Number.NaN) && near(p.y, line[i]?.y ?? Number.NaN)),
    );
    if (index < 0) problems.push(`no line along ${key(line)}`);
    else unmatched.splice(index, 1);
  }
  for (const line of unmatched) problems.push(`extra line along ${key(line)}`);
  const nodes = (seen: SeenCard[]) =>
    seen
      .map(
        (card) =>
          `${card.ref}: ${card.nodes.map((n) => `${n.edge} ${n.along} ${n.connected ? 'linked' : 'free'}`).join(', ')}`,
      )
      .sort();
  expect.soft(nodes(actual.nodes)).toEqual(nodes(expected.nodes));
  const positions = (seen: SeenCard[]) =>
    seen.flatMap((card) => card.nodes.map((n) => ({ ref: card.ref, n })));
  const wantNodes = positions(expected.nodes);
  for (const { ref, n } of positions(actual.nodes)) {
    if (!wantNodes.some((w) => w.ref === ref && near(w.n.x, n.x) && near(w.n.y, n.y)))
      problems.push(`node of ${ref} at ${n.x},${n.y} is not where the default skin has one`);
  }
  return problems;
}

const tabsOf = (spec: EditorSpec) => [
  'Main',
  ...[...new Set(spec.steps.map((s) => tabOfRef(s.ref)))].filter((t) => t !== 'Main').sort(),
];
const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true });

/** Opens the spec in the skin and in the default markup (same view) and compares every tab. */
async function expectSameLook(
  kartra: KartraSession,
  spec: EditorSpec,
  skin: Skin,
  [first, second]: [Page, Page],
): Promise<void> {
  const reference = await kartra.openSpec(spec, { skin: sameViewDefault(skin) }, first);
  const skinnedPage = await kartra.openSpec(spec, { skin }, second);
  for (const name of tabsOf(spec)) {
    await tab(reference, name).click();
    await tab(skinnedPage, name).click();
    await expect(tab(skinnedPage, name)).toHaveAttribute('aria-selected', 'true');
    const differences = lookDifferences(
      await lookOf(reference, sameViewDefault(skin)),
      await lookOf(skinnedPage, skin),
    );
    expect(differences, `tab ${name} on ${describeSkin(skin)}`).toEqual([]);
  }
}

test.describe('every skin is the default page to a person', () => {
  for (const name of OTHER_SKINS) {
    for (const specName of ['full', 'small', 'missing-line']) {
      test(`${name}: ${specName}`, async ({ kartra, tabs }) => {
        await expectSameLook(kartra, example(specName), resolveSkin(name), tabs);
      });
    }
  }

  test('the sequence list reads the same on every skin', async ({ kartra }) => {
    const list = JSON.parse(readFileSync(join(examplesDir, 'list.json'), 'utf8'));
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a person reads.
    const text = (page: Page) => page.evaluate(() => document.body.innerText);
    const expected = await text(await kartra.openSpec(list));
    for (const name of OTHER_SKINS) {
      const page = await kartra.openSpec(list, { skin: name });
      expect(await text(page), name).toBe(expected);
      await page.getByRole('button', { name: 'Pause sequence' }).first().click();
      await expect(page.getByRole('button', { name: 'Pause sequence' })).toHaveCount(
        list.sequences.filter((row: { status: string }) => row.status === 'active').length - 1,
      );
    }
  });

  test('renamed: pixel for pixel the default page', async ({ kartra }) => {
    const spec = example('full');
    const reference = await kartra.openSpec(spec);
    const renamed = await kartra.openSpec(spec, { skin: 'renamed' });
    expect(await renamed.screenshot()).toEqual(await reference.screenshot());
  });

  test('random specs on randomly varied skins', async ({ kartra, tabs }) => {
    // From the run's seed, so a failure names the seed that rebuilds its spec and skin.
    const seed = runSeed();
    const specs = fc.sample(editorSpecArb, { numRuns: 6, seed });
    for (const [index, spec] of specs.entries()) {
      const skin = skinVariation(seed + index);
      await test.step(`seed ${seed}, sample ${index}: ${describeSkin(skin)}, ${spec.steps.length} steps`, async () => {
        await expectSameLook(kartra, spec, skin, tabs);
      });
    }
  });
});

/** The card showing reference number `ref`, found by its number, in the skin's markup. */
function cardOf(page: Page, skin: SkinName, ref: string) {
  return page
    .locator(skinned(skin, '.js_sequence_step'))
    .filter({ has: page.locator(skinned(skin, '.step_number'), { hasText: new RegExp(`^${ref}$`) }) });
}

function nodeOf(cards: SeenCard[], ref: string, output: boolean): SeenNode {
  const edges = output ? ['right', 'bottom'] : ['left', 'top'];
  const node = cards.find((c) => c.ref === ref)?.nodes.find((n) => edges.includes(n.edge));
  if (!node) throw new Error(`card ${ref} has no ${output ? 'output' : 'input'} node`);
  return node;
}

test.describe('every skin behaves like the default page', () => {
  for (const name of OTHER_SKINS) {
    const skin = NAMED_SKINS[name];
    /** Away from the other cards: below a horizontal row, beside a vertical column. */
    const aside = skin.orientation === 'horizontal' ? { dx: 0, dy: 220 } : { dx: 320, dy: 0 };

    test(`${name}: drags a card and its lines follow`, async ({ kartra }) => {
      const page = await kartra.openSpec(example('small'), { skin: name });
      const card = cardOf(page, name, '2');
      const box = await card.boundingBox();
      if (!box) throw new Error('card 2 not visible');
      const grab = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      await dragMouse(page, grab, { x: grab.x + aside.dx, y: grab.y + aside.dy });
      const moved = await card.boundingBox();
      expect(near(moved?.x ?? 0, box.x + aside.dx, 2) && near(moved?.y ?? 0, box.y + aside.dy, 2)).toBe(true);
      const cards = await readNodes(page, name);
      const into = nodeOf(cards, '2', false);
      const out = nodeOf(cards, '2', true);
      expect([into.connected, out.connected]).toEqual([true, true]);
      const lines = await readLines(page, name);
      expect(lines.some((l) => near(l.end.x, into.x) && near(l.end.y, into.y))).toBe(true);
      expect(lines.some((l) => near(l.start.x, out.x) && near(l.start.y, out.y))).toBe(true);
    });

    test(`${name}: draws a line from node to node, and removes it`, async ({ kartra }) => {
      const page = await kartra.openSpec(example('missing-line'), { skin: name });
      // In vertical layout step 3 sits below the fold of the harness's 900 px window.
      await page.setViewportSize({ width: 1400, height: 1300 });
      const lines = page.locator(lineSelector(name));
      await expect(lines).toHaveCount(3);
      const before = await readNodes(page, name);
      const out2 = nodeOf(before, '2', true);
      const in3 = nodeOf(before, '3', false);
      expect([await nodeColourAt(page, out2, name), await nodeColourAt(page, in3, name)]).toEqual([
        FREE_COLOUR,
        FREE_COLOUR,
      ]);
      await dragMouse(page, out2, in3);
      await expect(lines).toHaveCount(4);
      expect([await nodeColourAt(page, out2, name), await nodeColourAt(page, in3, name)]).toEqual([
        LINKED_COLOUR,
        LINKED_COLOUR,
      ]);
      const drawn = await readLines(page, name);
      expect(
        drawn.some(
          (l) =>
            near(l.start.x, out2.x) &&
            near(l.start.y, out2.y) &&
            near(l.end.x, in3.x) &&
            near(l.end.y, in3.y),
        ),
      ).toBe(true);
      // Drag the line's end off step 3's input node into empty canvas: the line goes, both nodes grey.
      await dragMouse(page, in3, { x: in3.x + aside.dx, y: in3.y + aside.dy });
      await expect(lines).toHaveCount(3);
      const after = await readNodes(page, name);
      expect([nodeOf(after, '2', true).connected, nodeOf(after, '3', false).connected]).toEqual([
        false,
        false,
      ]);
      expect(await nodeColourAt(page, out2, name)).toBe(FREE_COLOUR);
    });

    test(`${name}: ⋮ Activate and Deactivate, tabs and pause`, async ({ kartra }) => {
      const page = await kartra.openSpec(example('full'), { skin: name });
      const card = cardOf(page, name, '6');
      await expect(card.getByText('Inactive', { exact: true })).toHaveCount(1);
      await card.getByRole('button', { name: 'Step options' }).click();
      await card.getByRole('menuitem', { name: 'Activate' }).click();
      await expect(card.getByText('Inactive', { exact: true })).toHaveCount(0);
      await expect(page.getByRole('menu')).toHaveCount(0);
      // The nodes follow the card's new size.
      const nodes = (await readNodes(page, name)).find((c) => c.ref === '6')?.nodes ?? [];
      expect(nodes.map((n) => n.along)).toEqual([0.5, 0.5]);
      await card.getByRole('button', { name: 'Step options' }).click();
      await card.getByRole('menuitem', { name: 'Deactivate' }).click();
      await expect(card.getByText('Inactive', { exact: true })).toHaveCount(1);

      await tab(page, 'A').click();
      await expect(tab(page, 'A')).toHaveAttribute('aria-selected', 'true');
      await expect(page.locator(skinned(name, '.js_sequence_step .step_number'))).toHaveText([
        'A1',
        'A2',
        'A3',
      ]);
      await expect(page.locator(lineSelector(name))).toHaveCount(2);
      await tab(page, 'Main').click();
      await expect(page.locator(lineSelector(name))).toHaveCount(6);

      const status = page.getByRole('button', { name: 'Activate sequence' });
      await status.click();
      await expect(page.getByRole('button', { name: 'Pause sequence' })).toHaveCount(1);
      await expect(page.getByRole('button', { name: 'Activate sequence' })).toHaveCount(0);
    });
  }

  test('a skin keeps its zoom and layout buttons working', async ({ kartra }) => {
    const page = await kartra.openSpec(example('small'), { skin: 'plain-svg-zoomed-vertical' });
    await expect(page.getByText('80%', { exact: true })).toHaveCount(1);
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect(page.getByText('90%', { exact: true })).toHaveCount(1);
    await page.getByRole('button', { name: 'Horizontal' }).click();
    const horizontal = await readNodes(page, 'plain-svg-zoomed-vertical');
    expect(horizontal.find((c) => c.ref === '2')?.nodes.map((n) => n.edge)).toEqual(['left', 'right']);
    const reference = await kartra.openSpec(example('small'), { skin: { ...DEFAULT_SKIN, zoom: 0.9 } });
    expect(
      lookDifferences(
        await lookOf(reference, { ...DEFAULT_SKIN, zoom: 0.9 }),
        await lookOf(page, NAMED_SKINS['plain-svg-zoomed-vertical']),
      ),
    ).toEqual([]);
  });
});
