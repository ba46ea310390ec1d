import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type KartraProfile, kartraProfile } from '../../../lib/kartra/profile';
import {
  classesOf,
  collectScene,
  drawingLayers,
  hasClass,
  pathEndsFromData,
  shapeEnds,
} from '../../../lib/reader/collect';
import { readPage } from '../../../lib/reader/index';
import { buildScene } from './scene-builder';
import { EDITOR_URL, newDocument, renderScene } from './scene-dom';

describe('pathEndsFromData', () => {
  it.each([
    ['M 10 20 C 60 20 140 80 190 80', [10, 20, 190, 80]],
    ['M10,20L30,40', [10, 20, 30, 40]],
    ['M -5.5 2e1 Q 0 0 7.25 -3', [-5.5, 20, 7.25, -3]],
  ])('reads the ends of %j', (d, [x0, y0, x1, y1]) => {
    expect(pathEndsFromData(d)).toEqual([
      { x: x0, y: y0 },
      { x: x1, y: y1 },
    ]);
  });

  it.each(['', 'm 10 20 c 5 5 10 10 20 20', 'M 10 20 A 5 5 0 0 1 30 30', 'M 10', 'L 1 2 3 4', 'garbage'])(
    'leaves %j to the geometry API',
    (d) => {
      expect(pathEndsFromData(d)).toBeNull();
    },
  );
});

describe('shapeEnds', () => {
  const shape = (tag: string, attributes: Record<string, string>) => {
    const el = newDocument().createElementNS('http://www.w3.org/2000/svg', tag);
    for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
    return el;
  };

  it('reads a polyline from its first point to its last, as libraries draw step edges', () => {
    expect(shapeEnds(shape('polyline', { points: '10,20 60,20 60,80 190,80' }))).toEqual([
      { x: 10, y: 20 },
      { x: 190, y: 80 },
    ]);
  });

  it('reads a line from (x1, y1) to (x2, y2)', () => {
    expect(shapeEnds(shape('line', { x1: '5', y1: '6', x2: '70.5', y2: '-8' }))).toEqual([
      { x: 5, y: 6 },
      { x: 70.5, y: -8 },
    ]);
  });

  it('leaves a path to its own readers and a one-point polyline unread', () => {
    expect(shapeEnds(shape('path', { d: 'M 0 0 L 1 1' }))).toBeNull();
    expect(shapeEnds(shape('polyline', { points: '10,20' }))).toBeNull();
  });
});

describe('classesOf', () => {
  it('gives the distinct names of the class attribute, in order, however it is spaced', () => {
    const el = newDocument().createElement('div');
    const attribute = fc.array(
      fc.constantFrom('a', 'b', 'jtk-endpoint', '', ' ', '  ', '\t', '\u00a0', '\n'),
      {
        maxLength: 8,
      },
    );
    fc.assert(
      fc.property(attribute, (parts) => {
        const value = parts.join(' ');
        el.setAttribute('class', value);
        const expected = [...new Set(value.split(/\s+/).filter((name) => name !== ''))];
        expect(classesOf(el)).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('hasClass', () => {
  const withClass = (value: string | null) => {
    const el = newDocument().createElement('div');
    if (value !== null) el.setAttribute('class', value);
    return el;
  };
  it.each([
    ['jtk-connected', true],
    ['endpoint jtk-connected', true],
    ['\tjtk-connected\n other', true],
    ['endpoint\u00a0jtk-connected\u3000other', true],
    ['jtk-connected-not', false],
    ['not-jtk-connected', false],
    ['jtk-connectedjtk-connected', false],
    ['', false],
    [null, false],
  ])('class=%j holds jtk-connected: %s', (value, expected) => {
    expect(hasClass(withClass(value), 'jtk-connected')).toBe(expected);
  });
});

function oneLineDocument() {
  const scene = buildScene(
    [
      { ref: '1', kind: 'email' },
      { ref: '2', kind: 'complete' },
    ],
    [{ from: '1', to: '2' }],
    { orientation: 'horizontal', zoom: 1, scrollX: 0, scrollY: 0, columns: 2 },
    false,
  );
  const doc = newDocument();
  renderScene(doc, scene);
  const path = doc.querySelector('.jtk-connector path') as Element;
  return { scene, doc, path };
}

describe('collectScene line geometry', () => {
  it('measures a path drawn with relative commands through the geometry API', () => {
    const { scene, doc, path } = oneLineDocument();
    const { start, end } = scene.lines[0] ?? { start: null, end: null };
    if (!start || !end) throw new Error('no line');
    path.setAttribute('d', `m ${start.x} ${start.y} l ${end.x - start.x} ${end.y - start.y}`);
    Object.defineProperty(path, 'getTotalLength', { value: () => 100 });
    Object.defineProperty(path, 'getPointAtLength', { value: (l: number) => (l === 0 ? start : end) });
    expect(collectScene(doc, kartraProfile).lines).toEqual([{ start, end }]);
  });

  it("maps through the svg's box when the path has no screen transform", () => {
    const { doc, path } = oneLineDocument();
    const svg = path.parentElement as Element;
    path.setAttribute('d', 'M 5 5 C 50 5 50 45 95 45');
    Object.defineProperty(path, 'getScreenCTM', { value: () => null });
    svg.setAttribute('width', '100');
    svg.setAttribute('height', '50');
    // The canvas is zoomed to 0.5 and scrolled: the svg's 100 × 50 box shows as 50 × 25 at (300, 200).
    Object.defineProperty(svg, 'getBoundingClientRect', {
      value: () => ({ left: 300, top: 200, width: 50, height: 25, x: 300, y: 200, right: 350, bottom: 225 }),
    });
    expect(collectScene(doc, kartraProfile).lines).toEqual([
      { start: { x: 302.5, y: 202.5 }, end: { x: 347.5, y: 222.5 } },
    ]);
  });

  it('gives a line with no path, or an unreadable one, no ends rather than failing', () => {
    const { doc, path } = oneLineDocument();
    path.removeAttribute('d');
    const svg = path.parentElement as Element;
    const empty = svg.cloneNode(false) as Element;
    svg.after(empty);
    expect(collectScene(doc, kartraProfile).lines).toEqual([
      { start: null, end: null },
      { start: null, end: null },
    ]);
  });
});

/** Steps 1 to `count` in a row from Starting Rules: emails, then a Complete step last. */
function emailsThenComplete(count: number) {
  const refs = Array.from({ length: count }, (_, i) => String(i + 1));
  return buildScene(
    refs.map((ref, i) => ({ ref, kind: i === count - 1 ? ('complete' as const) : ('email' as const) })),
    refs.map((ref, i) => ({ from: i === 0 ? 'start' : (refs[i - 1] as string), to: ref })),
    { orientation: 'horizontal', zoom: 1, scrollX: 0, scrollY: 0, columns: count },
  );
}

describe('collectScene: an "Inactive" label or version chip the profile cannot find', () => {
  /** Steps 1-3 in a row, step 2 showing the label (and, with `title` or `versions`, step 1 those). */
  function twoActiveOneInactive(title?: string, versions: string[] = []): Document {
    const scene = emailsThenComplete(3);
    for (const card of scene.cards) {
      if (card.fields.number === '2') card.fields.inactiveLabel = 'Inactive';
      if (title !== undefined && card.fields.number === '1') card.fields.title = title;
      if (card.fields.number === '1') card.fields.versions = versions;
    }
    return laidOut(scene);
  }

  function laidOut(scene: ReturnType<typeof emailsThenComplete>): Document {
    const doc = newDocument();
    renderScene(doc, scene);
    // happy-dom lays nothing out: give every text on a card its card's box, as a browser shows it.
    for (const card of Array.from(doc.querySelectorAll('.js_sequence_step'))) {
      const box = card.getBoundingClientRect();
      for (const el of Array.from(card.querySelectorAll('*')))
        Object.defineProperty(el, 'getBoundingClientRect', { value: () => box, configurable: true });
    }
    return doc;
  }

  const activity = (doc: Document, profile: KartraProfile) => {
    const page = readPage(doc, EDITOR_URL, profile);
    if (page.kind !== 'editor') throw new Error(`not read: ${page.kind}`);
    return page.sequence.steps.map((step) => [step.ref, step.active]);
  };

  it('reads a step as inactive by its words when the profile has no selector for the label', () => {
    // What a profile inferred on a tab with no inactive step looks like.
    const { inactiveLabel: _, ...fields } = kartraProfile.card.fields;
    const blind: KartraProfile = { ...kartraProfile, card: { ...kartraProfile.card, fields } };
    expect(activity(twoActiveOneInactive(), blind)).toEqual([
      ['1', true],
      ['2', false],
      ['3', true],
    ]);
  });

  it("reads a step as inactive by its words when the label's class is not the profile's", () => {
    const doc = twoActiveOneInactive();
    for (const label of Array.from(doc.querySelectorAll('.step_inactive_label')))
      label.className = 'step_status_badge';
    expect(activity(doc, kartraProfile)).toEqual([
      ['1', true],
      ['2', false],
      ['3', true],
    ]);
  });

  it("reads a step's version shares by their words when the chips' class is not the profile's", () => {
    // Otherwise an A/B-tested email would read as one with no split test, unseen.
    const doc = twoActiveOneInactive(undefined, ['A: 70%', 'B: 30%']);
    for (const chip of Array.from(doc.querySelectorAll('.step_version'))) chip.className = 'variant_pill';
    const page = readPage(doc, EDITOR_URL, kartraProfile);
    if (page.kind !== 'editor') throw new Error(`not read: ${page.kind}`);
    expect(page.sequence.steps.find((step) => step.ref === '1')?.versions).toEqual([
      { name: 'A', percent: 70 },
      { name: 'B', percent: 30 },
    ]);
  });

  it("reads a step as inactive by its words when another step's label is the profile's", () => {
    const scene = emailsThenComplete(4);
    for (const card of scene.cards)
      if (card.fields.number === '2' || card.fields.number === '3') card.fields.inactiveLabel = 'Inactive';
    const doc = laidOut(scene);
    const labels = Array.from(doc.querySelectorAll('.step_inactive_label'));
    expect(labels).toHaveLength(2);
    (labels[1] as Element).className = 'step_status_badge';
    expect(activity(doc, kartraProfile)).toEqual([
      ['1', true],
      ['2', false],
      ['3', false],
      ['4', true],
    ]);
  });

  it("reads a step's version shares by their words when another step's chips are the profile's", () => {
    const scene = emailsThenComplete(3);
    for (const card of scene.cards)
      if (card.fields.number === '1' || card.fields.number === '2')
        card.fields.versions = ['A: 70%', 'B: 30%'];
    const doc = laidOut(scene);
    const [, second] = Array.from(doc.querySelectorAll('.js_sequence_step'));
    for (const chip of Array.from(second?.querySelectorAll('.step_version') ?? []))
      chip.className = 'variant_pill';
    const page = readPage(doc, EDITOR_URL, kartraProfile);
    if (page.kind !== 'editor') throw new Error(`not read: ${page.kind}`);
    expect(page.sequence.steps.map((step) => [step.ref, step.versions.length])).toEqual([
      ['1', 2],
      ['2', 2],
      ['3', 0],
    ]);
  });

  it('reads the words of every card when a card whose label was found holds another card', () => {
    const scene = emailsThenComplete(3);
    for (const card of scene.cards) if (card.fields.number === '1') card.fields.inactiveLabel = 'Inactive';
    const doc = laidOut(scene);
    const [first, , third] = Array.from(doc.querySelectorAll('.js_sequence_step'));
    const restyled = doc.createElement('span');
    restyled.className = 'step_status_badge';
    restyled.textContent = 'Inactive';
    Object.defineProperty(restyled, 'getBoundingClientRect', { value: () => third?.getBoundingClientRect() });
    third?.append(restyled);
    // Step 3 inside step 1: its word stands in step 1's text as well, where a label was found.
    if (third) first?.append(third);
    const cards = collectScene(doc, kartraProfile).cards;
    const shown = cards.map((card) => [card.fields.number, card.pieces?.includes('Inactive') ?? false]);
    expect(shown).toEqual([
      ['1', false],
      ['3', true],
      ['2', false],
    ]);
  });

  it("files a field under the card it sits in, never under a card that itself carries the field's class", () => {
    const doc = laidOut(emailsThenComplete(3));
    const before = collectScene(doc, kartraProfile).cards.map((card) => card.fields);
    const first = doc.querySelector('.js_sequence_step');
    first?.classList.add('step_action', 'step_goto', 'step_inactive_label');
    expect(collectScene(doc, kartraProfile).cards.map((card) => card.fields)).toEqual(before);
  });

  it('takes the word for the label only when it stands alone, not inside a title', () => {
    const doc = twoActiveOneInactive('Win back inactive buyers');
    expect(activity(doc, kartraProfile)).toEqual([
      ['1', true],
      ['2', false],
      ['3', true],
    ]);
  });
});

describe('collectScene: a card drawn greyed out with no "Inactive" label', () => {
  /** Steps 1-4 in a row, all active to the reader; `styled` cards get `style` on their kind label. */
  function fourSteps(styled: readonly string[], style: string): Document {
    const scene = emailsThenComplete(4);
    const doc = newDocument();
    renderScene(doc, scene);
    for (const card of Array.from(doc.querySelectorAll('.js_sequence_step'))) {
      const ref = card.querySelector('.step_number')?.textContent ?? '';
      if (styled.includes(ref)) card.querySelector('.step_kind_label')?.setAttribute('style', style);
    }
    return doc;
  }

  const looksInactive = (doc: Document) => {
    const page = readPage(doc, EDITOR_URL, kartraProfile);
    if (page.kind !== 'editor') throw new Error(`not read: ${page.kind}`);
    return page.sequence.diagnostics.flatMap((d) => (d.code === 'inactive-look-unread' ? [d.step] : []));
  };

  it('names a step whose words are faded against the other steps', () => {
    expect(looksInactive(fourSteps(['2'], 'opacity: 0.5'))).toEqual(['2']);
  });

  it('names a step whose card itself is faded, when nothing inside a card is styled', () => {
    const doc = fourSteps([], '');
    const [, second] = Array.from(doc.querySelectorAll('.js_sequence_step'));
    second?.setAttribute('style', `${second.getAttribute('style') ?? ''}; opacity: 0.5`);
    expect(doc.querySelector('.js_sequence_step [style]')).toBeNull();
    expect(looksInactive(doc)).toEqual(['2']);
  });

  it('names a step drawn in greyscale at half strength', () => {
    expect(looksInactive(fourSteps(['3'], 'opacity: 0.8; filter: grayscale(100%)'))).toEqual(['3']);
  });

  it('names nothing when every card is drawn alike, however pale the theme', () => {
    expect(looksInactive(fourSteps(['1', '2', '3', '4'], 'opacity: 0.6'))).toEqual([]);
    expect(looksInactive(fourSteps([], ''))).toEqual([]);
  });

  it('names nothing for a step only slightly lighter than the others', () => {
    expect(looksInactive(fourSteps(['2'], 'opacity: 0.9'))).toEqual([]);
  });
});

describe('drawingLayers', () => {
  const SVG = 'http://www.w3.org/2000/svg';
  function builderWithLayers() {
    const doc = newDocument();
    renderScene(doc, emailsThenComplete(3));
    const root = doc.querySelector('.js_sequence_builder') as Element;
    const canvas = doc.querySelector('.js_builder_canvas') as Element;
    const layer = doc.createElementNS(SVG, 'svg');
    layer.setAttribute('class', 'edges_layer');
    layer.append(doc.createElementNS(SVG, 'svg'));
    canvas.append(layer);
    const lines = Array.from(root.querySelectorAll(kartraProfile.graph.line));
    const nodes = Array.from(canvas.querySelectorAll(kartraProfile.graph.node));
    return { doc, root, canvas, layer, lines, nodes };
  }

  it('finds an SVG that is neither a line nor a node, and no SVG inside it', () => {
    const { root, layer, lines, nodes } = builderWithLayers();
    expect(lines.length).toBeGreaterThan(0);
    expect(nodes.length).toBeGreaterThan(0);
    for (const everyMatchRead of [true, false])
      expect(drawingLayers(root, kartraProfile.graph, lines, nodes, everyMatchRead)).toEqual([layer]);
  });

  it('finds canvases among the SVGs, in the order the page holds them', () => {
    const { doc, root, canvas, layer, lines, nodes } = builderWithLayers();
    const painted = doc.createElement('canvas');
    canvas.prepend(painted);
    expect(drawingLayers(root, kartraProfile.graph, lines, nodes, true)).toEqual([painted, layer]);
  });

  it('finds a node or a line that was not read, as the page shows it', () => {
    const { root, layer, lines, nodes } = builderWithLayers();
    const [unreadNode] = nodes;
    const [unreadLine] = lines;
    expect(drawingLayers(root, kartraProfile.graph, lines.slice(1), nodes.slice(1), false)).toEqual([
      unreadNode,
      unreadLine,
      layer,
    ]);
  });
});
