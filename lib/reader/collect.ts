import type { KartraProfile } from '../kartra/profile';
import { areFinite, boundsOf, overlap } from './geometry';
import { VERSION_SHARE_WITHIN } from './parse-fields';
import { REF_PATTERN } from './read-step';
import type {
  ListScene,
  Point,
  Rect,
  Scene,
  SceneCard,
  SceneCardFields,
  SceneDrawing,
  SceneLine,
  SceneListRow,
  SceneStartingRule,
} from './scene';
import { collapse, escapeRegExp, isSpaceCode, isTidy } from './text';

/**
 * The only code that touches the page. It reads in two phases: first every query and text
 * (which never forces layout), then every geometry read back to back, so the browser lays the
 * page out at most once. It never writes to the DOM.
 */

const ZERO: Rect = { x: 0, y: 0, width: 0, height: 0 };

/**
 * A query's elements as a list, taken by index: `Array.from` or a for-of loop steps the result's
 * iterator, a call into the page and an object for each of thousands of elements.
 */
function listOf<E extends Element>(found: NodeListOf<E>): E[] {
  const count = found.length;
  const out: E[] = [];
  for (let i = 0; i < count; i++) out.push(found.item(i));
  return out;
}

/** The elements an SVG keeps shapes in that it draws elsewhere, or not at all. */
const DEFINITIONS = ['defs', 'marker', 'symbol', 'clipPath', 'mask', 'pattern'];

function text(el: Element | null | undefined): string | null {
  return el ? collapse(el.textContent ?? '') : null;
}

/** The text of the first element in `card` that `selector` matches; null with no selector or match. */
function fieldText(card: Element, selector: string | undefined): string | null {
  return selector ? text(card.querySelector(selector)) : null;
}

export function classesOf(el: Element): string[] {
  // One attribute read and a split: iterating a classList crosses into the DOM once per class.
  return classNames(el.getAttribute('class'));
}

/** The distinct names in a class attribute's text, in order. */
function classNames(names: string | null): string[] {
  if (!names) return [];
  // Most class attributes are names one space apart, none twice: split at the spaces, they are
  // the answer, without a regular expression or a second list.
  if (isTidy(names)) {
    const split = names.split(' ');
    if (!hasRepeat(split)) return split;
  }
  const out: string[] = [];
  for (const name of names.split(/\s+/)) if (name !== '' && !out.includes(name)) out.push(name);
  return out;
}

function hasRepeat(names: readonly string[]): boolean {
  for (let i = 1; i < names.length; i++) for (let j = 0; j < i; j++) if (names[i] === names[j]) return true;
  return false;
}

/** Whether the class attribute holds `name` as a whole class, read without building a list. */
export function hasClass(el: Element, name: string): boolean {
  const names = el.getAttribute('class');
  if (!names || name === '') return false;
  for (let at = names.indexOf(name); at !== -1; at = names.indexOf(name, at + 1)) {
    const end = at + name.length;
    const startsWord = at === 0 || isSpaceCode(names.charCodeAt(at - 1));
    if (startsWord && (end >= names.length || isSpaceCode(names.charCodeAt(end)))) return true;
  }
  return false;
}

/** The classes of an element and of everything inside it (icons sit inside buttons and rules). */
function classesWithin(el: Element | null): string[] | null {
  if (!el) return null;
  const all = new Set(classesOf(el));
  for (const child of Array.from(el.querySelectorAll('*'))) for (const c of classesOf(child)) all.add(c);
  return [...all];
}

/** An icon's own text: a character or two, no letter or digit ("⏸", "▶"). */
const GLYPH_TEXT = /^[^\p{L}\p{N}\s]{1,3}$/u;

/** The glyph a stylesheet draws before or after an element (`content: "\25B6"`), or null. */
export function drawnGlyph(view: Window, el: Element, pseudo: '::before' | '::after'): string | null {
  const content = view.getComputedStyle(el, pseudo).content;
  if (!content || content === 'none' || content === 'normal') return null;
  const quoted = /^(["'])(.*)\1$/su.exec(content);
  const glyph = (quoted ? (quoted[2] ?? '') : content).trim();
  return GLYPH_TEXT.test(glyph) ? glyph : null;
}

/**
 * The glyphs an element and everything inside it draw, as a person sees them whatever the
 * classes: an icon's own text, or what its stylesheet puts before or after it. null when there
 * is no element.
 */
export function glyphsWithin(el: Element | null): string[] | null {
  if (!el) return null;
  const view = el.ownerDocument.defaultView;
  const glyphs: string[] = [];
  for (const at of [el, ...Array.from(el.querySelectorAll('*'))]) {
    const own = at.childElementCount === 0 ? (at.textContent ?? '').trim() : '';
    const found = [
      GLYPH_TEXT.test(own) ? own : null,
      view ? drawnGlyph(view, at, '::before') : null,
      view ? drawnGlyph(view, at, '::after') : null,
    ];
    for (const glyph of found) if (glyph !== null && !glyphs.includes(glyph)) glyphs.push(glyph);
  }
  return glyphs;
}

function rectOf(el: Element | null): Rect {
  if (!el || typeof el.getBoundingClientRect !== 'function') return ZERO;
  try {
    const r = el.getBoundingClientRect();
    const x = r.left;
    const y = r.top;
    const width = r.width;
    const height = r.height;
    return Number.isFinite(x) && Number.isFinite(y) && Number.isFinite(width) && Number.isFinite(height)
      ? { x, y, width, height }
      : ZERO;
  } catch {
    return ZERO;
  }
}

/** The step cards as a read found them: elements, number bubbles' texts and boxes, by index. */
export interface CardsRead {
  cards: readonly Element[];
  numbers: readonly (string | null)[];
  rects: readonly Rect[];
}

/**
 * `onCards` receives the cards this read found, so that the inline warnings drawn right after an
 * audit need neither search the canvas nor measure the cards again (elements may leave the page
 * and boxes move later; whoever keeps them checks). `leftOut`: boxes that show a step but that
 * the profile's card selector was found to miss (see inferProfile); those still on the canvas
 * and still missed are read for their texts, so the reading can name them.
 */
export function collectScene(
  document: Document,
  profile: KartraProfile,
  onCards?: (read: CardsRead) => void,
  leftOut: readonly Element[] = [],
): Scene {
  const editor = profile.editor;
  const root = document.querySelector(editor.root);
  const empty: Scene = {
    found: { root: false, canvas: false, tabs: false },
    toolbar: { name: null, publicName: null, statusIconClasses: null, statusGlyphs: null, subscribers: null },
    tabs: [],
    startingRules: null,
    cards: [],
    nodes: [],
    lines: [],
    unreadDrawings: [],
  };
  if (!root) return empty;

  // Phase 1: queries and texts.
  const toolbar = {
    name: text(root.querySelector(editor.name)),
    publicName: text(root.querySelector(editor.publicName)),
    statusIconClasses: classesWithin(root.querySelector(editor.statusControl)),
    statusGlyphs: glyphsWithin(root.querySelector(editor.statusControl)),
    subscribers: text(root.querySelector(editor.subscribers)),
  };
  const tabElements = Array.from(root.querySelectorAll(editor.tabs.tab));
  const tabs = tabElements.map((el) => ({
    label: text(el) ?? '',
    selected: el.classList.contains(editor.tabs.selectedClass),
  }));
  const canvas = root.querySelector(editor.canvas);
  const scope: Element = canvas ?? root;

  const moduleEl = scope.querySelector(profile.startingRules.module);
  const rules: SceneStartingRule[] = moduleEl
    ? Array.from(moduleEl.querySelectorAll(profile.startingRules.rule)).map((rule) => ({
        iconClasses: classesWithin(rule) ?? [],
        label: text(rule.querySelector(profile.startingRules.ruleLabel)) ?? text(rule) ?? '',
      }))
    : [];

  const f = profile.card.fields;
  const cardEls = listOf(scope.querySelectorAll(profile.card.root));
  // Version chips, split labels, a Go To's target, an action and the "Inactive" label sit on few
  // cards: find them with one query each and file them under their card, instead of asking every
  // card. The first filed under a card is what the card's own query would find.
  const cardIndex = new Map<Element, number>();
  cardEls.forEach((card, i) => {
    cardIndex.set(card, i);
  });
  // A card nested in a card (never seen) files what it holds under both. The selector twice over
  // finds any such card (and with a list of selectors, every card: read as nested, the slow way);
  // wrapped in :is() it would not take the engine's quick path for a class.
  const nested = scope.querySelector(`${profile.card.root} ${profile.card.root}`) !== null;
  const fewOf = (selector: string | undefined) =>
    selector ? within(scope, cardIndex, profile.card.root, nested, selector) : [];
  const versionEls = fewOf(f.version);
  const labelEls = fewOf(f.outputLabel);
  const gotoEls = fewOf(f.goto);
  const actionEls = fewOf(f.action);
  const inactiveEls = fewOf(f.inactiveLabel);
  // A field the profile has no selector for (an inferred profile has none for what the page it
  // learnt from did not show, such as an "Inactive" label) can only be found by its words: read
  // every card's texts, or an inactive card would read as active without anyone looking.
  const blind = !f.title || !f.recipients || !f.version || !f.goto || !f.action || !f.inactiveLabel;
  // Tested on each card's text as it is: no lowered copy of every card on every re-audit.
  const inactiveWord = new RegExp(escapeRegExp(collapse(profile.words.inactive)), 'gi');
  const versionShare = new RegExp(VERSION_SHARE_WITHIN.source, 'g');
  // Whether the word, or a share, stands in some card where no selector found a label or a chip.
  let elsewhere: readonly boolean[] | null = null;
  // A card's whole text is read only when one of its words could stand where no selector found it.
  const showsUnfound = (card: Element, noLabel: boolean, noVersion: boolean) => {
    if (!noLabel && !noVersion) return false;
    elsewhere ??= mayShowElsewhere(scope, cardEls, nested, [
      { pattern: inactiveWord, exempt: (i) => inactiveEls[i] !== undefined },
      { pattern: versionShare, exempt: (i) => versionEls[i] !== undefined },
    ]);
    const word = noLabel && elsewhere[0] === true;
    const share = noVersion && elsewhere[1] === true;
    if (!word && !share) return false;
    const cardText = card.textContent ?? '';
    return (word && matches(inactiveWord, cardText)) || (share && matches(versionShare, cardText));
  };
  const cardParts = cardEls.map((card, i) => {
    const icon = f.kindIcon ? card.querySelector(f.kindIcon) : null;
    const inactiveEl = inactiveEls[i]?.[0] ?? null;
    const kindLabelEl = f.kindLabel ? card.querySelector(f.kindLabel) : null;
    const fields: SceneCardFields = {
      number: fieldText(card, f.number),
      kindLabel: text(kindLabelEl),
      title: fieldText(card, f.title),
      timing: fieldText(card, f.timing),
      window: fieldText(card, f.window),
      recipients: fieldText(card, f.recipients),
      goto: text(gotoEls[i]?.[0]),
      action: text(actionEls[i]?.[0]),
      inactiveLabel: text(inactiveEl),
      versions: versionEls[i]?.map((v) => text(v) ?? '') ?? [],
    };
    // Every card shows these; when the profile's selector misses one, the card's own texts are
    // read so the field can be recognised by its words. So too when the card says "Inactive"
    // or shows a version share ("A: 50%") where the profile's selector found nothing (a label
    // or chip Kartra has restyled): a step is never read as active, or as no split test, unseen.
    const needsPieces =
      blind ||
      fields.number === null ||
      fields.kindLabel === null ||
      fields.timing === null ||
      fields.window === null ||
      showsUnfound(card, inactiveEl === null, fields.versions.length === 0);
    return {
      card,
      fields,
      inactiveEl,
      kindLabelEl,
      pieceEls: needsPieces ? textElements(card) : null,
      kindIconClasses: icon ? classesOf(icon) : null,
      labelEls: labelEls[i],
    };
  });

  const missedEls = leftOut.filter(
    (box) =>
      box.isConnected &&
      scope.contains(box) &&
      !cardEls.some((card) => card.contains(box) || box.contains(card)),
  );
  const missedPieces = missedEls.map(textElements);

  const nodeEls = listOf(scope.querySelectorAll(profile.graph.node));
  // Lines are looked for in the whole builder: a library may keep them in a layer of its own
  // beside the cards' container (Vue Flow's edges beside its nodes), not inside it.
  // A shape in an SVG's definitions (an arrowhead marker) is drawn at each line's end, never as a
  // line; most builders have no definitions, and their lines are not walked up for them.
  // One query per element name: a query of one name is far quicker than of a list of names.
  const definitions = DEFINITIONS.flatMap((name) => listOf(root.querySelectorAll(name)));
  const allLines = listOf(root.querySelectorAll(profile.graph.line));
  const lineEls =
    definitions.length === 0 ? allLines : allLines.filter((el) => !definitions.some((d) => d.contains(el)));
  const pathEls = lineEls.map((line) =>
    safeMatches(line, profile.graph.linePath) ? line : line.querySelector(profile.graph.linePath),
  );
  // The query for layers may leave out every line and node by selector when the lines and nodes
  // read are all the page's matches: no line inside definitions, no node outside the canvas.
  const everyMatchRead =
    lineEls.length === allLines.length &&
    (canvas === null || root.querySelectorAll(profile.graph.node).length === nodeEls.length);
  const layerEls = drawingLayers(root, profile.graph, lineEls, nodeEls, everyMatchRead);
  // Whether anything inside a card has a style attribute of its own: most builders style only the
  // card (its position), and then a card's label and what holds it need no look at theirs. With a
  // list of selectors this finds every card, and each is read.
  const styledInside = scope.querySelector(`${profile.card.root} [style]`) !== null;

  // Phase 2: geometry and computed style, all reads together.
  const view = document.defaultView;
  // Cards drawn alike (the same classes and inline styles from the label up to the card) have the
  // same ink: computed once per look, not for each of a thousand cards.
  const inkByLook = new Map<string, number>();
  const cards: SceneCard[] = cardParts.map((p) => {
    const rect = rectOf(p.card);
    const cardClass = p.card.getAttribute('class');
    const card: SceneCard = {
      rect,
      classes: classNames(cardClass),
      kindIconClasses: p.kindIconClasses,
      fields: p.fields,
      outputLabels: p.labelEls?.map((el) => ({ text: text(el) ?? '', rect: rectOf(el) })) ?? [],
      ink: inkOf(view, p.kindLabelEl ?? p.card, p.card, cardClass, styledInside, inkByLook),
    };
    // A label in the markup that nobody can see (display none, zero size, hidden) says nothing.
    if (p.inactiveEl && !isRendered(p.inactiveEl, rect)) card.fields = { ...p.fields, inactiveLabel: null };
    if (p.pieceEls) card.pieces = visibleTexts(p.pieceEls, rect);
    return card;
  });
  onCards?.({
    cards: cardEls,
    numbers: cardParts.map((p, i) => p.fields.number ?? numberAmong(cards[i]?.pieces)),
    rects: cards.map((card) => card.rect),
  });
  const startingRules = moduleEl ? { rect: rectOf(moduleEl), rules } : null;
  const linkedOf = nodeLook(document, profile.graph);
  const nodes = nodeEls.map((el) => ({ rect: rectOf(el), linked: linkedOf(el) }));
  const lines = pathEls.map((path, i) => lineEnds(path, lineEls[i] ?? null));
  const unreadDrawings = unreadLayers(
    layerEls,
    cards.map((c) => c.rect),
    new Set(pathEls.filter((p): p is Element => p !== null)),
  );

  const missed = missedEls.map((box, i) => {
    const rect = rectOf(box);
    return { rect, pieces: visibleTexts(missedPieces[i] ?? [], rect) };
  });

  return {
    found: { root: true, canvas: canvas !== null, tabs: tabElements.length > 0 },
    toolbar,
    tabs,
    startingRules,
    cards,
    nodes,
    lines,
    unreadDrawings,
    ...(leftOut.length > 0 ? { leftOut: missed } : {}),
  };
}

/** Whether the global `pattern` matches somewhere in `text`. */
function matches(pattern: RegExp, text: string): boolean {
  pattern.lastIndex = 0;
  return pattern.test(text);
}

/** How many places in `text` a match of the global `pattern` starts at, overlapping ones too. */
function matchStarts(pattern: RegExp, text: string): number {
  let count = 0;
  pattern.lastIndex = 0;
  for (let found = pattern.exec(text); found !== null; found = pattern.exec(text)) {
    count++;
    pattern.lastIndex = found.index + 1;
  }
  return count;
}

/**
 * For each check, whether a card not exempt from it may show a match of its pattern: false only
 * when every match in the text of the whole `scope` lies in an exempt card. A card's text is a
 * stretch of the scope's, so one read of the scope's text answers for the many cards that show
 * neither; with cards `nested` in cards a stretch would hold another card's, and every card may.
 * A pattern must match alike wherever its text stands: no anchors, look-arounds or word
 * boundaries.
 */
function mayShowElsewhere(
  scope: Element,
  cards: readonly Element[],
  nested: boolean,
  checks: readonly { pattern: RegExp; exempt: (index: number) => boolean }[],
): boolean[] {
  if (nested) return checks.map(() => true);
  const scopeText = scope.textContent ?? '';
  const inScope = checks.map((c) => matchStarts(c.pattern, scopeText));
  const inExempt = checks.map(() => 0);
  for (let i = 0; i < cards.length; i++) {
    const card = cards[i] as Element;
    if (!checks.some((c) => c.exempt(i))) continue;
    const cardText = card.textContent ?? '';
    checks.forEach((check, k) => {
      if (check.exempt(i)) inExempt[k] = (inExempt[k] ?? 0) + matchStarts(check.pattern, cardText);
    });
  }
  return inScope.map((count, k) => count > (inExempt[k] ?? 0));
}

/**
 * Elements that may paint lines over the builder: canvases, and SVGs that are neither a line nor
 * a node read (nor inside another SVG), in document order. `everyMatchRead`: `lines` and `nodes`
 * are all the elements in `root` that the profile's selectors match.
 */
export function drawingLayers(
  root: Element,
  graph: KartraProfile['graph'],
  lines: readonly Element[],
  nodes: readonly Element[],
  everyMatchRead: boolean,
): Element[] {
  // A query of one element name is far quicker than of a list of names. Lines and nodes are SVGs
  // by the thousand and layers a handful: the query leaves them out rather than walking every
  // SVG past a set of them.
  let candidates: Element[] | null = null;
  if (everyMatchRead && root.querySelectorAll('canvas').length === 0) {
    try {
      candidates = listOf(root.querySelectorAll(`svg:not(${graph.line}, ${graph.node})`));
    } catch {
      // An engine that cannot parse the profile's selectors inside :not() walks every SVG.
    }
  }
  const known = candidates ? null : new Set([...lines, ...nodes]);
  const out: Element[] = [];
  for (const el of candidates ?? listOf(root.querySelectorAll('canvas, svg'))) {
    if (known?.has(el) || el.parentElement?.closest('svg')) continue;
    out.push(el);
  }
  return out;
}

/** The shapes an SVG draws, leaving out arrowhead markers and other definitions. */
const SHAPES = 'path, polyline, line';

/**
 * The layers among `layers` that cover most of the cards and hold no line that was read: a
 * `<canvas>` (its lines are pixels), or an SVG whose shapes are all unread. A covering SVG with
 * no shape at all is a canvas with no lines yet, not an unreadable one.
 */
function unreadLayers(
  layers: readonly Element[],
  cardRects: readonly Rect[],
  read: ReadonlySet<Element>,
): SceneDrawing[] {
  const area = boundsOf(cardRects);
  if (!area) return [];
  const out: SceneDrawing[] = [];
  for (const layer of layers) {
    if (overlap(rectOf(layer), area) < 0.5 * area.width * area.height) continue;
    if (layer.tagName.toLowerCase() === 'canvas') {
      out.push({ kind: 'canvas' });
      continue;
    }
    const shapes = Array.from(layer.querySelectorAll(SHAPES)).filter((el) => !el.closest('defs, marker'));
    if (shapes.length > 0 && !shapes.some((shape) => read.has(shape))) out.push({ kind: 'svg' });
  }
  return out;
}

/** The first text that reads as a number bubble ("3", "A1"). */
function numberAmong(pieces: readonly string[] | undefined): string | null {
  return pieces?.find((p) => REF_PATTERN.test(p)) ?? null;
}

/** A card's number bubble read by its words, for a profile that names no bubble selector. */
export function cardNumber(card: Element): string | null {
  for (const el of textElements(card)) {
    const t = collapse(el.textContent ?? '');
    if (REF_PATTERN.test(t)) return t;
  }
  return null;
}

/** The card and the elements inside it that hold text of their own (not only their children's). */
function textElements(card: Element): Element[] {
  const out: Element[] = [];
  for (const el of [card, ...listOf(card.querySelectorAll('*'))]) {
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3 && (child.nodeValue ?? '').trim() !== '') {
        out.push(el);
        break;
      }
    }
  }
  return out;
}

/** Each element's own text (its text nodes, not its children's), for those a person can see. */
function visibleTexts(elements: readonly Element[], cardRect: Rect): string[] {
  const out: string[] = [];
  for (const el of elements) {
    if (!isRendered(el, cardRect)) continue;
    let own = '';
    for (let child = el.firstChild; child; child = child.nextSibling)
      if (child.nodeType === 3) own += child.nodeValue ?? '';
    const t = collapse(own);
    if (t !== '') out.push(t);
  }
  return out;
}

type VisibilityCheck = (options?: Record<string, boolean>) => boolean;

/**
 * Whether a person can see the element. Without layout (a test DOM, where every box is empty)
 * size says nothing, so an empty box counts only when its card has one.
 */
function isRendered(el: Element, cardRect: Rect): boolean {
  const check = (el as Element & { checkVisibility?: VisibilityCheck }).checkVisibility;
  if (typeof check === 'function') {
    try {
      if (!check.call(el, { checkOpacity: true, checkVisibilityCSS: true })) return false;
    } catch {
      // An engine that rejects the options still answered nothing; go by size.
    }
  }
  if (cardRect.width <= 0 || cardRect.height <= 0) return true;
  const r = rectOf(el);
  return r.width > 0 && r.height > 0;
}

const INLINE_INK = /(?:^|;)\s*(?:opacity|filter)\s*:[^;]*/gi;

/**
 * An element's own inline opacity and filter, as written in its style attribute: read as the
 * attribute's text, since asking for `el.style` makes a style object per element on every audit.
 */
function inlineInk(el: Element): string {
  return el.getAttribute('style')?.match(INLINE_INK)?.join('') ?? '';
}

/**
 * How strongly `el` (the card or an element inside it) is drawn, up to the card: the opacities
 * multiplied, a full greyscale filter counting as half. 1 without a window to ask. `cardClass`:
 * the card's class attribute, read already; `styledInside`: whether an element inside a card may
 * have a style attribute. `byLook`: the inks already computed in this read, by the classes and
 * inline styles along the way.
 */
function inkOf(
  view: Window | null,
  el: Element,
  card: Element,
  cardClass: string | null,
  styledInside: boolean,
  byLook: Map<string, number>,
): number {
  if (!view) return 1;
  // Inline styles count only for what draws ink: every card has its own position.
  let look = '';
  for (let at: Element | null = el; at !== null; at = at === card ? null : at.parentElement) {
    const own = at === card;
    const classes = own ? cardClass : at.getAttribute('class');
    look += `${classes ?? ''}\u0000${own || styledInside ? inlineInk(at) : ''}\u0001`;
  }
  const known = byLook.get(look);
  if (known !== undefined) return known;
  let ink = 1;
  for (let at: Element | null = el; at !== null; at = at === card ? null : at.parentElement) {
    const style = view.getComputedStyle(at);
    const opacity = Number.parseFloat(style.opacity);
    if (Number.isFinite(opacity)) ink *= opacity;
    const grey = /grayscale\(\s*([\d.]+)(%?)\s*\)/.exec(style.filter ?? '');
    if (grey) ink *= 1 - 0.5 * Math.min(1, Number(grey[1]) / (grey[2] ? 100 : 1));
  }
  byLook.set(look, ink);
  return ink;
}

/** How a node's look says it is linked: by class, by colour, or (null) not at all. */
function nodeLook(document: Document, graph: KartraProfile['graph']): (el: Element) => boolean | null {
  const linkedClass = graph.nodeLinkedClass;
  if (linkedClass) return (el) => hasClass(el, linkedClass);
  const linkedColor = graph.nodeLinkedColor;
  const view = document.defaultView;
  if (!linkedColor || !view) return () => null;
  const wanted = normaliseColor(linkedColor);
  return (el) => {
    const color = nodeColor(view, el);
    return color === null ? null : color === wanted;
  };
}

/** A node's colour: its own background, else the fill of the shape drawn inside it. */
export function nodeColor(view: Window, el: Element): string | null {
  try {
    const own = view.getComputedStyle(el);
    const background = normaliseColor(own.backgroundColor);
    if (background !== '' && !isTransparent(background)) return background;
    const shape = el.matches('circle, rect, path, ellipse')
      ? el
      : el.querySelector('circle, rect, path, ellipse');
    if (!shape) return null;
    const fill = normaliseColor(view.getComputedStyle(shape).fill);
    return fill === '' || fill === 'none' || isTransparent(fill) ? null : fill;
  } catch {
    return null;
  }
}

export function normaliseColor(color: string | null | undefined): string {
  return (color ?? '').replace(/\s+/g, '').toLowerCase();
}

function isTransparent(color: string): boolean {
  return color === 'transparent' || /^rgba\(\d+,\d+,\d+,0(\.0+)?\)$/.test(color);
}

/**
 * The elements matching `selector` inside each card, in document order, per card index: what
 * `card.querySelectorAll(selector)` gives for every card, from one query over the canvas.
 * `cards`: each card's index; `nested`: whether a card sits inside another.
 */
function within(
  scope: ParentNode,
  cards: ReadonlyMap<Element, number>,
  cardSelector: string,
  nested: boolean,
  selector: string,
): Element[][] {
  const out: Element[][] = [];
  for (const el of listOf(scope.querySelectorAll(selector))) {
    // The nearest card above it, and with cards nested, every card above that. Without nesting,
    // an element that is itself a card sits in none, and any other's nearest card is its own.
    let owner = nested ? (el.parentElement?.closest(cardSelector) ?? null) : el.closest(cardSelector);
    if (owner === el) continue;
    while (owner) {
      const i = cards.get(owner);
      if (i !== undefined) {
        const list = out[i];
        if (list) list.push(el);
        else out[i] = [el];
      }
      owner = nested ? (owner.parentElement?.closest(cardSelector) ?? null) : null;
    }
  }
  return out;
}

function safeMatches(el: Element, selector: string): boolean {
  try {
    return typeof el.matches === 'function' && el.matches(selector);
  } catch {
    return false;
  }
}

interface Matrix {
  a: number;
  b: number;
  c: number;
  d: number;
  e: number;
  f: number;
}

function apply(m: Matrix, p: Point): Point {
  return { x: m.a * p.x + m.c * p.y + m.e, y: m.b * p.x + m.d * p.y + m.f };
}

/**
 * The two ends of a line's path in client coordinates: the path's first and last points in its
 * own user space (from the `d` attribute, or else from the SVG geometry API), mapped through the
 * path's screen transform, which includes the canvas's scroll and zoom.
 */
function lineEnds(path: Element | null, svg: Element | null): SceneLine {
  if (!path) return { start: null, end: null };
  try {
    // Reading `d` is far cheaper than the geometry API (which measures the curve); the API is
    // the fallback for paths drawn with relative or arc commands.
    const local = shapeEnds(path) ?? pathEndsFromData(path.getAttribute('d')) ?? pathEndsFromGeometry(path);
    const matrix = local ? (screenMatrix(path) ?? svgBoxMatrix(svg)) : null;
    if (!local || !matrix) return { start: null, end: null };
    return { start: finite(apply(matrix, local[0])), end: finite(apply(matrix, local[1])) };
  } catch {
    return { start: null, end: null };
  }
}

/** A path's two ends in client coordinates (for paths found without a profile). */
export function pathEnds(path: Element): SceneLine {
  return lineEnds(path, path.closest('svg'));
}

/** The ends of a `<polyline>` (its first and last points) or a `<line>`, in its own user space; null for other shapes. */
export function shapeEnds(shape: Element): [Point, Point] | null {
  const tag = shape.tagName.toLowerCase();
  if (tag === 'line') {
    const [x1, y1, x2, y2] = ['x1', 'y1', 'x2', 'y2'].map((name) =>
      Number.parseFloat(shape.getAttribute(name) ?? '0'),
    );
    if (![x1, y1, x2, y2].every((n) => Number.isFinite(n))) return null;
    return [
      { x: x1 as number, y: y1 as number },
      { x: x2 as number, y: y2 as number },
    ];
  }
  if (tag !== 'polyline') return null;
  const numbers = (shape.getAttribute('points') ?? '').match(NUMBER);
  if (!numbers || numbers.length < 4) return null;
  const count = numbers.length - (numbers.length % 2);
  const at = (i: number) => Number(numbers[i]);
  const ends: [Point, Point] = [
    { x: at(0), y: at(1) },
    { x: at(count - 2), y: at(count - 1) },
  ];
  return ends.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y)) ? ends : null;
}

function finite(p: Point): Point | null {
  return Number.isFinite(p.x) && Number.isFinite(p.y) ? p : null;
}

function pathEndsFromGeometry(path: Element): [Point, Point] | null {
  const geo = path as Partial<SVGPathElement>;
  if (typeof geo.getTotalLength !== 'function' || typeof geo.getPointAtLength !== 'function') return null;
  try {
    const length = geo.getTotalLength.call(path);
    // A zero length is what engines without layout report; the `d` attribute is better then.
    if (!Number.isFinite(length) || length <= 0) return null;
    const a = geo.getPointAtLength.call(path, 0);
    const b = geo.getPointAtLength.call(path, length);
    if (!a || !b) return null;
    return [
      { x: a.x, y: a.y },
      { x: b.x, y: b.y },
    ];
  } catch {
    return null;
  }
}

// A path of absolute move, line and curve commands (as jsPlumb draws them), starting with M.
const ABSOLUTE_PATH = /^\s*M[\sMLCQSTeE\d,.+-]*$/;
const NUMBER = /[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g;

/** First and last points of a path drawn with absolute commands (as jsPlumb draws them). */
export function pathEndsFromData(d: string | null): [Point, Point] | null {
  // Relative or arc commands: not worth guessing, the geometry API measures those.
  if (!d || !ABSOLUTE_PATH.test(d)) return null;
  const numbers = d.match(NUMBER);
  if (!numbers || numbers.length < 4 || numbers.length % 2 !== 0) return null;
  const x0 = Number(numbers[0]);
  const y0 = Number(numbers[1]);
  const x1 = Number(numbers[numbers.length - 2]);
  const y1 = Number(numbers[numbers.length - 1]);
  if (!areFinite(x0, y0, x1, y1)) return null;
  return [
    { x: x0, y: y0 },
    { x: x1, y: y1 },
  ];
}

function screenMatrix(path: Element): Matrix | null {
  const g = path as Partial<SVGGraphicsElement>;
  if (typeof g.getScreenCTM !== 'function') return null;
  try {
    const m = g.getScreenCTM.call(path);
    if (!m) return null;
    // Each entry of the engine's matrix is a call into the page: read once, kept as plain numbers.
    const { a, b, c, d, e, f } = m;
    const finite =
      Number.isFinite(a) &&
      Number.isFinite(b) &&
      Number.isFinite(c) &&
      Number.isFinite(d) &&
      Number.isFinite(e) &&
      Number.isFinite(f);
    return finite ? { a, b, c, d, e, f } : null;
  } catch {
    return null;
  }
}

/** Without a screen transform, map the svg's user space onto its box (jsPlumb sets no viewBox). */
function svgBoxMatrix(svg: Element | null): Matrix | null {
  if (!svg) return null;
  const box = rectOf(svg);
  const w = Number.parseFloat(svg.getAttribute('width') ?? '');
  const h = Number.parseFloat(svg.getAttribute('height') ?? '');
  if (!(box.width > 0 && box.height > 0 && w > 0 && h > 0)) return null;
  return { a: box.width / w, b: 0, c: 0, d: box.height / h, e: box.x, f: box.y };
}

/** The sequence list: one row per sequence, texts and the status icon's classes. */
export function collectList(document: Document, profile: KartraProfile): ListScene {
  const list = profile.list;
  const root = document.querySelector(list.root);
  if (!root) return { found: false, rows: [] };
  const rows: SceneListRow[] = Array.from(root.querySelectorAll(list.row)).map((row) => {
    const link = row.querySelector(list.nameLink);
    const status = row.querySelector(list.statusControl);
    return {
      href: link?.getAttribute('href') ?? null,
      name: text(link),
      statusIconClasses: classesWithin(status),
      statusGlyphs: glyphsWithin(status),
      subscribers: text(row.querySelector(list.subscribers)),
      completed: text(row.querySelector(list.completed)),
    };
  });
  return { found: true, rows };
}
