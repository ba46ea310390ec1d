import type { KartraProfile } from '../kartra/profile';
import { classesOf, drawnGlyph, glyphsWithin, nodeColor, pathEnds } from './collect';
import { findCards } from './find-cards';
import { median } from './geometry';
import { parseAction, parseGoto, parseRecipients, parseVersion } from './parse-fields';
import { parseTiming, timingPatterns } from './parse-timing';
import { parseWindow } from './parse-window';
import { REF_PATTERN } from './read-step';
import type { Point, Rect } from './scene';
import { afterPrefix, collapse, escapeClass, samePhrase, saysSomething } from './text';

/**
 * A profile inferred from the page itself, for a builder whose markup the active profile does
 * not know. It looks for what a person sees, with the active profile's words: step cards are
 * the repeated boxes that each hold one step kind's label and one number bubble; the canvas is
 * the box that holds them; connection nodes are the small boxes on the cards' edges; lines are
 * the SVG paths whose two ends sit on nodes, whatever drew them; "linked" is whatever tells the
 * nodes lines end on from the free ones (a class, or the colour). Class names are only used to
 * write down what was found as selectors, so the result is plain profile data that the reader
 * uses like any other (and the user can keep). It reads the page and never writes to it.
 */

export type InferenceResult =
  | {
      profile: KartraProfile;
      notes: string[];
      /**
       * Boxes on the canvas that show a step kind and a number but are not in the markup the
       * other cards share, so the profile's card selector does not find them: each reading with
       * the profile names them (see collectScene), as no step can be read from them.
       */
      leftOut: Element[];
    }
  | { profile: null; reason: string };

/** Share of the elements found that a selector must match, and the most it may match besides. */
const AGREEMENT = 0.9;
const SVG_NS = 'http://www.w3.org/2000/svg';

export function inferProfile(
  document: Document,
  base: KartraProfile,
  ignore?: Element | null,
): InferenceResult {
  const body = document.body;
  if (!body) return { profile: null, reason: 'the page has no body' };
  const texts = ownTexts(body, ignore ?? null);

  const kindLabels = texts.filter((t) => base.card.kindLabels.some((k) => samePhrase(t.text, k.label)));
  const numbers = texts.filter((t) => REF_PATTERN.test(t.text));
  if (kindLabels.length === 0)
    return { profile: null, reason: 'no step kind label ("Send email", "Tag"...) on the page' };
  if (numbers.length === 0) return { profile: null, reason: 'no number bubble ("1", "A1") on the page' };

  const found = findCards(
    kindLabels.map((t) => t.el),
    numbers.map((t) => t.el),
    body,
  );
  if (found.selector === null) return { profile: null, reason: found.reason };
  const { cards, selector: cardSelector } = found;

  // The canvas holds the cards and the Starting Rules module (with one card, that says where it
  // is), and the page names it: a library wraps each card in a box named like every other.
  const moduleTitle = texts.find(
    (t) => samePhrase(t.text, base.words.startingRulesTitle) && !cards.some((card) => card.contains(t.el)),
  );
  let canvasEl = commonAncestor(moduleTitle ? [...cards, moduleTitle.el] : cards);
  while (canvasEl && canvasEl !== body && !ownSelector(canvasEl, body)) canvasEl = canvasEl.parentElement;
  const canvasSelector = canvasEl && canvasEl !== body ? ownSelector(canvasEl, body) : null;
  if (!canvasEl || !canvasSelector)
    return { profile: null, reason: 'the step cards sit in no container of their own' };

  // The builder: the box around the canvas that also holds the tab bar ("Main", "+ Add").
  const mainTab = texts.find((t) => samePhrase(t.text, base.editor.mainTabLabel) && !canvasEl.contains(t.el));
  const addTab = texts.find((t) => samePhrase(t.text, base.editor.tabs.addLabel) && !canvasEl.contains(t.el));
  let rootEl: Element = canvasEl;
  if (mainTab) rootEl = commonAncestor([canvasEl, mainTab.el]) ?? body;
  const rootSelector = rootEl === body ? 'body' : (ownSelector(rootEl, body) ?? 'body');

  const notes: string[] = [];
  // A box outside the canvas that shows a kind's word and a number is no step card.
  const leftOut = found.leftOut.filter((el) => canvasEl.contains(el));
  if (leftOut.length > 0)
    notes.push(`${leftOut.length} step card${leftOut.length === 1 ? '' : 's'} in other markup than the rest`);
  const tabs = inferTabs(mainTab?.el ?? null, addTab?.el ?? null, rootEl, base, notes);
  const startingRules = inferStartingRules(texts, canvasEl, base, notes);
  const fields = inferFields(cards, canvasEl, base);
  // The cards left out still have their nodes and lines, to be found like the others'.
  const graph = inferGraph(document, canvasEl, rootEl, [...cards, ...leftOut], startingRules.moduleEl, notes);
  const toolbar = inferToolbar(texts, rootEl, canvasEl, base);

  const profile: KartraProfile = {
    ...base,
    name: `Inferred from the page (${new Date().toISOString().slice(0, 10)})`,
    editor: {
      ...base.editor,
      ...toolbar,
      root: rootSelector,
      canvas: canvasSelector,
      tabs: tabs ?? base.editor.tabs,
    },
    startingRules: startingRules.profile,
    card: { ...base.card, root: cardSelector, fields },
    graph: graph ?? base.graph,
  };
  return { profile, notes, leftOut };
}

interface OwnText {
  el: Element;
  text: string;
}

/** Every element with text of its own, in document order, outside `ignore` (our own UI). */
function ownTexts(root: Element, ignore: Element | null): OwnText[] {
  const out: OwnText[] = [];
  for (const el of [root, ...Array.from(root.querySelectorAll('*'))]) {
    if (ignore?.contains(el)) continue;
    const tag = el.tagName.toLowerCase();
    if (tag === 'script' || tag === 'style' || tag === 'template') continue;
    let own = '';
    for (let child = el.firstChild; child; child = child.nextSibling)
      if (child.nodeType === 3) own += child.nodeValue ?? '';
    const text = collapse(own);
    if (text !== '') out.push({ el, text });
  }
  return out;
}

function commonAncestor(elements: readonly Element[]): Element | null {
  const [first, ...rest] = elements;
  if (!first) return null;
  let a: Element | null = first.parentElement;
  while (a && !rest.every((el) => a?.contains(el))) a = a.parentElement;
  return a;
}

/** A `.class` that `scope` matches on nearly all of `elements` and on little else. */
function classSelector(elements: readonly Element[], scope: ParentNode): string | null {
  const set = new Set(elements);
  const frequency = new Map<string, number>();
  for (const el of elements)
    for (const c of new Set(classesOf(el))) frequency.set(c, (frequency.get(c) ?? 0) + 1);
  const candidates = [...frequency]
    .filter(([, n]) => n >= elements.length * AGREEMENT)
    .sort((a, b) => b[1] - a[1]);
  for (const [name] of candidates) {
    const selector = `.${escapeClass(name)}`;
    const matched = Array.from(scope.querySelectorAll(selector));
    const hits = matched.filter((el) => set.has(el)).length;
    if (hits >= elements.length * AGREEMENT && matched.length - hits <= elements.length * (1 - AGREEMENT))
      return selector;
  }
  return null;
}

/**
 * The class most of `elements` share, among elements some of which may not belong (an icon on
 * a card's edge looks like a node): it must cover half of them, and `scope` must match little else.
 */
function dominantClass(elements: readonly Element[], scope: ParentNode): string | null {
  const set = new Set(elements);
  const frequency = new Map<string, number>();
  for (const el of elements)
    for (const c of new Set(classesOf(el))) frequency.set(c, (frequency.get(c) ?? 0) + 1);
  for (const [name, n] of [...frequency].sort((a, b) => b[1] - a[1])) {
    if (n < elements.length / 2) break;
    const selector = `.${escapeClass(name)}`;
    const matched = Array.from(scope.querySelectorAll(selector));
    const hits = matched.filter((el) => set.has(el)).length;
    if (matched.length - hits <= matched.length * (1 - AGREEMENT)) return selector;
  }
  return null;
}

/**
 * The connection nodes' class: the one most share, or, where inputs and outputs are named apart
 * (Drawflow's `input` and `output`), the two that together cover nearly all of them.
 */
function nodeClass(elements: readonly Element[], scope: ParentNode): string | null {
  const single = dominantClass(elements, scope);
  const set = new Set(elements);
  const covered = (selector: string) => elements.filter((el) => el.matches(selector)).length;
  if (single && covered(single) >= elements.length * AGREEMENT) return single;
  const frequency = new Map<string, number>();
  for (const el of elements)
    for (const c of new Set(classesOf(el))) frequency.set(c, (frequency.get(c) ?? 0) + 1);
  const top = [...frequency]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([name]) => `.${escapeClass(name)}`);
  for (const [i, a] of top.entries())
    for (const b of top.slice(i + 1)) {
      const selector = `${a}, ${b}`;
      if (covered(selector) < elements.length * AGREEMENT) continue;
      // Inputs and outputs are drawn alike: the same kind of element.
      const tags = new Set(elements.filter((el) => el.matches(selector)).map((el) => el.tagName));
      if (tags.size !== 1) continue;
      const matched = Array.from(scope.querySelectorAll(selector));
      const hits = matched.filter((el) => set.has(el)).length;
      if (matched.length - hits <= matched.length * (1 - AGREEMENT)) return selector;
    }
  return single;
}

/** A selector for one element: its id, or a class only it carries in `scope`. */
function ownSelector(el: Element, scope: ParentNode): string | null {
  const id = el.getAttribute('id');
  if (id && /^[A-Za-z][\w-]*$/.test(id)) return `#${id}`;
  for (const name of classesOf(el)) {
    const selector = `.${escapeClass(name)}`;
    if (scope.querySelectorAll(selector).length === 1) return selector;
  }
  return null;
}

/**
 * Per card, the element whose own text passes `test`: the first (`header`: the number and the
 * kind's label open a card) or the last (`line`: the lines under the title, since a title
 * may read as one of them, "Wait 2 days" or "Go to A1", and comes first).
 */
function fieldElements(
  cards: readonly Element[],
  test: (text: string) => boolean,
  place: 'header' | 'line',
): Element[] {
  const out: Element[] = [];
  for (const card of cards) {
    const passing = ownTexts(card, null).filter((t) => test(t.text));
    const found = place === 'header' ? passing[0] : passing.at(-1);
    if (found) out.push(found.el);
  }
  return out;
}

/**
 * A selector that finds, inside each card, the same element as `found` does (first match).
 * `isOther`: given, a card that gave nothing to `found` judges the selector only by whether its
 * first match there is another field's element (the title of a card whose title looks like a
 * number or a kind's word, or that has none, is still the title's box).
 */
function fieldSelector(
  cards: readonly Element[],
  found: readonly Element[],
  isOther?: (el: Element) => boolean,
): string | undefined {
  if (found.length === 0) return undefined;
  const frequency = new Map<string, number>();
  for (const el of found)
    for (const c of new Set(classesOf(el))) frequency.set(c, (frequency.get(c) ?? 0) + 1);
  const wanted = new Set(found);
  const gave = (card: Element) => found.some((el) => card.contains(el));
  const candidates = [...frequency]
    .filter(([, n]) => n >= found.length * AGREEMENT)
    .sort((a, b) => b[1] - a[1]);
  for (const [name] of candidates) {
    const selector = `.${escapeClass(name)}`;
    let agree = 0;
    let wrong = 0;
    for (const card of cards) {
      const first = card.querySelector(selector);
      if (!first) continue;
      if (wanted.has(first)) agree++;
      else if (!isOther || gave(card) || isOther(first)) wrong++;
    }
    if (agree >= found.length * AGREEMENT && wrong === 0) return selector;
  }
  return undefined;
}

function inferFields(
  cards: readonly Element[],
  canvas: Element,
  base: KartraProfile,
): KartraProfile['card']['fields'] {
  const w = base.words;
  const patterns = timingPatterns(w);
  const pick = (test: (text: string) => boolean, place: 'header' | 'line' = 'line') =>
    fieldSelector(cards, fieldElements(cards, test, place));
  const number = pick((t) => REF_PATTERN.test(t), 'header');
  const kindLabel = pick((t) => base.card.kindLabels.some((k) => samePhrase(t, k.label)), 'header');
  const timing = pick((t) => parseTiming(t, patterns) !== null);
  const window = pick((t) => parseWindow(t, w) !== null);
  const fields: KartraProfile['card']['fields'] = {};
  const set = (key: keyof KartraProfile['card']['fields'], value: string | undefined) => {
    if (value !== undefined) fields[key] = value;
  };
  set('number', number);
  set('kindLabel', kindLabel);
  set('timing', timing);
  set('window', window);
  set(
    'recipients',
    pick((t) => parseRecipients(t, w) !== null),
  );
  set(
    'goto',
    pick((t) => parseGoto(t, w) !== null),
  );
  set(
    'action',
    pick((t) => parseAction(t, w) !== null),
  );
  set(
    'inactiveLabel',
    pick((t) => samePhrase(t, w.inactive), 'header'),
  );
  set(
    'outputLabel',
    pick((t) => samePhrase(t, w.yes) || samePhrase(t, w.no), 'header'),
  );
  // Versions repeat within a card, so the selector must match each chip: a class all chips share.
  const chips = cards.flatMap((card) => ownTexts(card, null).filter((t) => parseVersion(t.text) !== null));
  if (chips.length > 0) {
    const selector = classSelector(
      chips.map((c) => c.el),
      canvas,
    );
    if (selector) fields.version = selector;
  }
  // The title is the one text left on a card once every field that says what it is is taken. A
  // field whose box is known is told by its box, so a title worded like it ("Wait 2 days") is
  // still a title; one whose box is not known is told by its words.
  const boxes = Object.values(fields);
  const unboxed = (key: keyof KartraProfile['card']['fields'], says: boolean) =>
    says && fields[key] === undefined;
  const titles: Element[] = [];
  for (const card of cards) {
    const rest = ownTexts(card, null).filter(
      (t) =>
        saysSomething(t.text) &&
        !boxes.some((selector) => t.el.matches(selector)) &&
        !unboxed('number', REF_PATTERN.test(t.text)) &&
        !unboxed(
          'kindLabel',
          base.card.kindLabels.some((k) => samePhrase(t.text, k.label)),
        ) &&
        !unboxed('timing', parseTiming(t.text, patterns) !== null) &&
        !unboxed('window', parseWindow(t.text, w) !== null) &&
        !unboxed('recipients', parseRecipients(t.text, w) !== null) &&
        !unboxed('goto', parseGoto(t.text, w) !== null) &&
        !unboxed('action', parseAction(t.text, w) !== null) &&
        !unboxed('version', parseVersion(t.text) !== null) &&
        !unboxed('inactiveLabel', samePhrase(t.text, w.inactive)) &&
        !unboxed('outputLabel', samePhrase(t.text, w.yes) || samePhrase(t.text, w.no)),
    );
    if (rest.length === 1 && rest[0]) titles.push(rest[0].el);
  }
  set(
    'title',
    fieldSelector(cards, titles, (el) => boxes.some((selector) => el.matches(selector))),
  );
  return fields;
}

function inferTabs(
  mainTab: Element | null,
  addTab: Element | null,
  root: Element,
  base: KartraProfile,
  notes: string[],
): KartraProfile['editor']['tabs'] | null {
  if (!mainTab) {
    notes.push(`no "${base.editor.mainTabLabel}" tab was found`);
    return null;
  }
  const bar = mainTab.parentElement;
  if (!bar) return null;
  // The tabs are Main's siblings of its kind; the add button may be one of them, or apart.
  const siblings = Array.from(bar.children).filter((el) => el !== addTab && el.tagName === mainTab.tagName);
  const tab = classSelector(siblings, root);
  if (!tab) {
    notes.push('the sub-sequence tabs share no class');
    return null;
  }
  // The selected tab carries a class the others do not (or, alone, any class beside the tab's own).
  const tabClass = tab.slice(1);
  const counts = new Map<string, number>();
  for (const el of siblings) for (const c of classesOf(el)) counts.set(c, (counts.get(c) ?? 0) + 1);
  const distinct = [...counts]
    .filter(([name, n]) => n === 1 && escapeClass(name) !== tabClass)
    .map(([name]) => name);
  const selectedClass =
    siblings.length > 1
      ? (distinct[0] ?? '')
      : (classesOf(mainTab).find((c) => escapeClass(c) !== tabClass) ?? '');
  return { tab, selectedClass, addLabel: base.editor.tabs.addLabel };
}

function inferStartingRules(
  texts: readonly OwnText[],
  canvas: Element,
  base: KartraProfile,
  notes: string[],
): { profile: KartraProfile['startingRules']; moduleEl: Element | null } {
  const title = texts.find((t) => canvas.contains(t.el) && samePhrase(t.text, base.words.startingRulesTitle));
  if (!title) {
    notes.push(`no "${base.words.startingRulesTitle}" module on this tab`);
    return { profile: base.startingRules, moduleEl: null };
  }
  // The module: the largest box around its title, inside the canvas, that the page names on its
  // own (a node-editor library wraps it in a box named like every card's).
  const around: Element[] = [];
  for (let a = title.el.parentElement; a && a !== canvas; a = a.parentElement) around.unshift(a);
  const named = around.map((el) => ({ el, selector: ownSelector(el, canvas) })).find((a) => a.selector);
  const moduleEl: Element = named?.el ?? around[0] ?? title.el;
  const module = named?.selector ?? base.startingRules.module;
  const prefixes = Object.values(base.words.rulePrefixes);
  const ruleTexts = ownTexts(moduleEl, null).filter((t) =>
    prefixes.some((p) => afterPrefix(t.text, p) !== null),
  );
  const labels = ruleTexts.map((t) => t.el);
  const ruleLabel = labels.length > 0 ? classSelector(labels, moduleEl) : null;
  const rules = labels.map((el) => el.parentElement ?? el);
  const rule = rules.length > 0 ? classSelector(rules, moduleEl) : null;
  return {
    profile: {
      ...base.startingRules,
      module,
      rule: rule ?? ruleLabel ?? base.startingRules.rule,
      ruleLabel: ruleLabel ?? base.startingRules.ruleLabel,
    },
    moduleEl,
  };
}

function inferToolbar(
  texts: readonly OwnText[],
  root: Element,
  canvas: Element,
  base: KartraProfile,
): Partial<KartraProfile['editor']> {
  const outside = texts.filter((t) => root.contains(t.el) && !canvas.contains(t.el));
  const out: Partial<KartraProfile['editor']> = {};
  const publicName = outside.find((t) => afterPrefix(t.text, base.editor.publicNamePrefix) !== null);
  const publicSelector = publicName ? ownSelector(publicName.el, root) : null;
  if (publicSelector) out.publicName = publicSelector;
  // The internal name is the builder's heading: a heading element, or else its largest text.
  const headings = outside.filter(
    (t) => /^h[1-3]$/i.test(t.el.tagName) || t.el.getAttribute('role') === 'heading',
  );
  const view = root.ownerDocument.defaultView;
  const size = (el: Element) => (view ? Number.parseFloat(view.getComputedStyle(el).fontSize) || 0 : 0);
  const name =
    headings[0] ??
    outside
      .filter((t) => t !== publicName && /\p{L}/u.test(t.text))
      .reduce<OwnText | null>((big, t) => (big === null || size(t.el) > size(big.el) ? t : big), null);
  const nameSelector = name ? ownSelector(name.el, root) : null;
  if (nameSelector) out.name = nameSelector;
  const contacts = outside.find((t) => /^\d[\d,]*\s+contacts?$/i.test(t.text));
  const contactsSelector = contacts ? ownSelector(contacts.el, root) : null;
  if (contactsSelector) out.subscribers = contactsSelector;
  // The status control: the button around the running or paused icon, outside the canvas, known
  // by its class or else by the glyph it draws.
  const glyphs = new Set([...base.status.runningGlyphs, ...base.status.pausedGlyphs]);
  const around = Array.from(root.querySelectorAll('*')).filter((el) => !canvas.contains(el));
  const icon =
    around.find(
      (el) =>
        classesOf(el).includes(base.status.runningIcon) || classesOf(el).includes(base.status.pausedIcon),
    ) ??
    around.find((el) => el.childElementCount === 0 && glyphsWithin(el)?.some((glyph) => glyphs.has(glyph)));
  const control = icon?.closest('button, [role="button"], a') ?? icon?.parentElement ?? null;
  const controlSelector = control ? ownSelector(control, root) : null;
  if (controlSelector) out.statusControl = controlSelector;
  return out;
}

/** Small boxes centred on a card's edge: the connection nodes, and the lines that end on them. */
function inferGraph(
  document: Document,
  canvas: Element,
  builder: Element,
  cards: readonly Element[],
  module: Element | null,
  notes: string[],
): KartraProfile['graph'] | null {
  const boxes = [...cards, ...(module ? [module] : [])].map((el) => el.getBoundingClientRect());
  if (!boxes.some((b) => b.width > 0 && b.height > 0)) {
    notes.push('the page has no layout to find connection nodes by');
    return null;
  }
  const view = document.defaultView;
  const shortSide = median(boxes.map((b) => Math.min(b.width, b.height)).filter((s) => s > 0));
  const maxNode = Math.max(8, shortSide / 3);
  const candidates: { el: Element; rect: Rect; centre: Point }[] = [];
  for (const el of Array.from(canvas.querySelectorAll('*'))) {
    // A node is a shape, not a text: number bubbles and menu buttons sit on edges too. It is a
    // box of its own, not a part of a drawing (a line's arrowhead inside the line's SVG).
    if (cards.includes(el) || el === module || collapse(el.textContent ?? '') !== '') continue;
    if (el.namespaceURI === SVG_NS && el.tagName.toLowerCase() !== 'svg') continue;
    const r = el.getBoundingClientRect();
    if (!(r.width >= 4 && r.height >= 4 && r.width <= maxNode && r.height <= maxNode)) continue;
    if (Math.abs(r.width - r.height) > 0.4 * Math.max(r.width, r.height)) continue;
    const centre = { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    const size = Math.max(r.width, r.height);
    if (!boxes.some((b) => onEdge(centre, b, size))) continue;
    // An icon font's symbol near a small card's edge is a glyph a person reads, not a node.
    if (view && (drawnGlyph(view, el, '::before') ?? drawnGlyph(view, el, '::after')) !== null) continue;
    candidates.push({ el, rect: { x: r.left, y: r.top, width: r.width, height: r.height }, centre });
  }
  // Keep the outermost box of each node (an SVG endpoint holds a circle of the same size).
  const candidateSet = new Set(candidates.map((c) => c.el));
  const outer = candidates.filter((c) => !(c.el.parentElement && candidateSet.has(c.el.parentElement)));
  if (outer.length === 0) {
    notes.push('no connection node on the cards\u2019 edges');
    return null;
  }
  const node = nodeClass(
    outer.map((c) => c.el),
    canvas,
  );
  if (!node) {
    notes.push('the connection nodes share no class');
    return null;
  }
  const nodes = outer.filter((c) => c.el.matches(node));
  const nodeSize = median(nodes.map((n) => Math.max(n.rect.width, n.rect.height)));

  // Lines: shapes whose two ends sit on two different nodes, anywhere in the builder (a library
  // may draw them in a layer beside the cards' container, under the same pan and zoom).
  const nodeAt = (p: Point) =>
    nodes.findIndex((n) => Math.hypot(n.centre.x - p.x, n.centre.y - p.y) <= nodeSize);
  const lines: { path: Element; ends: [number, number] }[] = [];
  for (const path of Array.from(builder.querySelectorAll('path, polyline, line'))) {
    if (path.closest('defs, marker')) continue;
    const ends = pathEnds(path);
    if (!ends?.start || !ends.end) continue;
    const a = nodeAt(ends.start);
    const b = nodeAt(ends.end);
    if (a !== -1 && b !== -1 && a !== b) lines.push({ path, ends: [a, b] });
  }
  const lineSelector = inferLineSelector(
    lines.map((l) => l.path),
    builder,
  );
  const linked = new Set(lines.flatMap((l) => l.ends));
  const look = inferLinkedLook(
    document,
    nodes.map((n) => n.el),
    linked,
  );
  if (lines.length > 0 && !lineSelector) notes.push('the lines share no class');
  return {
    node,
    ...look,
    line: lineSelector?.line ?? 'svg path',
    linePath: lineSelector?.linePath ?? 'path',
  };
}

/**
 * A node crosses the card's edge or sits just outside it; a shape whose centre is further inside
 * than half its size (an icon in the header) does not reach the edge.
 */
function onEdge(p: Point, box: DOMRect, size: number): boolean {
  const inX = p.x >= box.left - size && p.x <= box.right + size;
  const inY = p.y >= box.top - size && p.y <= box.bottom + size;
  if (!inX || !inY) return false;
  const dx = Math.min(Math.abs(p.x - box.left), Math.abs(p.x - box.right));
  const dy = Math.min(Math.abs(p.y - box.top), Math.abs(p.y - box.bottom));
  const inside = p.x > box.left && p.x < box.right && p.y > box.top && p.y < box.bottom;
  return Math.min(dx, dy) <= (inside ? size / 2 : size);
}

/** The lines as selectors: the paths' own class, or one class of the SVG each sits in alone. */
function inferLineSelector(
  paths: readonly Element[],
  scope: Element,
): { line: string; linePath: string } | null {
  if (paths.length === 0) return null;
  const tags = new Set(paths.map((p) => p.tagName.toLowerCase()));
  const linePath = tags.size === 1 ? [...tags].join('') : 'path, polyline, line';
  const svgs = paths.map((p) => p.closest('svg')).filter((s): s is SVGSVGElement => s !== null);
  if (svgs.length === paths.length && new Set(svgs).size === paths.length) {
    const svg = classSelector(svgs, scope);
    // The reader takes each line element's first shape: it must be the line's.
    if (svg && svgs.every((s, i) => s.querySelector(linePath) === paths[i]))
      return { line: `svg${svg}`, linePath };
  }
  const own = classSelector(paths, scope);
  return own ? { line: tags.size === 1 ? `${linePath}${own}` : own, linePath } : null;
}

/** A class on every linked node and no free one, or else a colour shared the same way. */
function inferLinkedLook(
  document: Document,
  nodes: readonly Element[],
  linked: ReadonlySet<number>,
): Pick<KartraProfile['graph'], 'nodeLinkedClass' | 'nodeLinkedColor'> {
  const on = nodes.filter((_, i) => linked.has(i));
  const off = nodes.filter((_, i) => !linked.has(i));
  if (on.length === 0 || off.length === 0) return {};
  const offClasses = new Set(off.flatMap(classesOf));
  const shared = classesOf(on[0] as Element).filter(
    (c) => !offClasses.has(c) && on.every((el) => classesOf(el).includes(c)),
  );
  if (shared[0]) return { nodeLinkedClass: shared[0] };
  const view = document.defaultView;
  if (!view) return {};
  const onColors = new Set(on.map((el) => nodeColor(view, el)));
  const [color] = [...onColors];
  if (onColors.size !== 1 || !color) return {};
  if (off.some((el) => nodeColor(view, el) === color)) return {};
  return { nodeLinkedColor: color };
}
