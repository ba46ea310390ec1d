import type { KartraProfile } from '../kartra/profile';
import { SELECTOR_PATHS, valueAt } from '../kartra/selector-paths';
import {
  type AccountField,
  accountFields,
  accountPrefixes,
  maskAccountText,
  maskAfterPrefix,
  maskText,
  profileVocabulary,
  wordsOf,
} from './words';

export { placeholderFor } from './words';

/**
 * The page structure a user sends to the maintainers when the auditor cannot read Kartra's
 * builder (or reads it only partly): the builder region's elements with their tags, classes,
 * ids and geometry, and none of the account's data.
 *
 * What is kept, and why it carries no data of the account:
 * - tag names, and attribute NAMES (never values: titles, labels, hrefs and form values hold names,
 *   emails, subjects and tags);
 * - class tokens that look like identifiers (letters, digits, `_`, `-`): they are the app's
 *   styling hooks, which is what a profile is made of; any other token becomes "(removed)";
 * - ids only when they look like an app identifier: letters, digits, `_` and `-`, at most 40
 *   characters, and none of their words (3+ letters) also occurs in the region's text or
 *   attribute values (an id such as `step_Welcome` built from a step's title would); otherwise
 *   the id becomes "(removed)";
 * - texts: first, every text the account owner typed is replaced whole by one placeholder that
 *   says only its length class (after its known prefix, such as "Add tag:"), whatever its words:
 *   the text of a field the profile, or the profile the page was read with, gives to a name,
 *   title, subject, tag, list, sequence or version, and any text that opens with such a prefix;
 *   then, in the other texts, the interface's own words are kept (see structure-words.ts: the
 *   profile's words, words that stand in the same place on most cards, digits, times, dates,
 *   punctuation) and every other word is replaced by its placeholder;
 * - geometry: each element's box relative to the region (rounded to whole pixels), numeric
 *   transforms, and the `d` of SVG paths (the jsPlumb lines) rebuilt from its commands and
 *   numbers only;
 * - how many elements each selector of the profile matches in the page.
 * The URL is reduced to its path, and every path segment that is not a lowercase word (an id,
 * a name) becomes "{id}": "/marketing/sequences/edit/{id}".
 */

export const STRUCTURE_FORMAT = 'kartra-auditor-structure';
export const MAX_ELEMENTS = 5000;
const MAX_DEPTH = 80;
export const REMOVED = '(removed)';

export interface StructureText {
  /** The text with every word that is not the interface's own masked (format version 2). */
  text: string;
  /**
   * The account's text was replaced (after its prefix): a page rendered from the export leaves it
   * out rather than read the placeholder as a title or a name. A version chip whose name was
   * replaced is not marked so: its share still reads.
   */
  masked?: true;
}

export interface StructureElement {
  tag: string;
  id?: string;
  classes?: string[];
  /** Attribute names present (class, id and style left out); never their values. */
  attributes?: string[];
  /** [x, y, width, height] in CSS pixels, relative to the region's top-left corner. */
  rect: [number, number, number, number];
  /** The computed transform when not "none", numbers only (for example the canvas's zoom). */
  transform?: string;
  /** SVG path geometry, commands and numbers only. */
  d?: string;
  children?: (StructureElement | StructureText)[];
}

export interface PageStructure {
  format: typeof STRUCTURE_FORMAT;
  /** 1: every text a placeholder; 2: texts keep the interface's own words. */
  formatVersion: 1 | 2;
  tool: { name: string; version: string };
  generatedAt: string;
  page: { path: string; viewport: { width: number; height: number } };
  profile: { name: string };
  /** Which element the export starts from: the profile's builder root, else <main>, else <body>. */
  root: { found: 'profile-root' | 'main' | 'body'; rect: [number, number, number, number] };
  /** How many elements each selector of the profile matches in the whole page (-1: invalid). */
  selectorMatches: Record<string, number>;
  counts: { elements: number; texts: number; truncated: boolean };
  tree: StructureElement;
}

export interface StructureOptions {
  url: string;
  tool: { name: string; version: string };
  now?: Date;
  /** Elements with this tag (the extension's own UI) are left out. */
  skipTag?: string;
  /**
   * The profile the page was read with, when it is not `profile` (one inferred from the page):
   * the places it found for titles, names, labels and targets hold the account's texts too.
   */
  readWith?: KartraProfile;
}

const SKIPPED_TAGS = new Set(['script', 'style', 'noscript', 'template', 'link', 'meta', 'base']);
const CLASS_TOKEN = /^-?[A-Za-z_][A-Za-z0-9_-]{0,59}$/;
const APP_ID = /^[A-Za-z0-9_-]{1,40}$/;
const ATTRIBUTE_NAME = /^[A-Za-z][A-Za-z0-9_:.-]{0,40}$/;
const PATH_WORD = /^[a-z][a-z_-]{0,39}$/;
const PATH_TOKEN = /[A-Za-z]|[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/gi;
const PATH_COMMAND = /^[MmZzLlHhVvCcSsQqTtAa]$/;

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

function words(text: string): string[] {
  return text.toLowerCase().match(/\p{L}{3,}/gu) ?? [];
}

/** The elements matching any of `selectors` inside `root` (an invalid selector matches none). */
function matchingAll(root: Element, selectors: readonly string[]): Set<Element> {
  const found = new Set<Element>();
  for (const selector of selectors) {
    try {
      for (const element of root.querySelectorAll(selector)) found.add(element);
    } catch {
      // An invalid selector in an override.
    }
  }
  return found;
}

/** Where an element stands among its kind: its tag and first class. */
const signatureOf = (element: Element): string =>
  `${element.localName.toLowerCase()}.${element.classList[0] ?? ''}`;

/** A text found by the walk, masked once every card has been seen. */
interface PendingText {
  holder: StructureText;
  raw: string;
  /** The account field it sits in, if any. */
  field: AccountField | null;
  /** The card (or repeated box) it sits in, -1 for none; its group; its place inside it. */
  box: number;
  group: string;
  place: string;
}

/** The place of a text inside its box, within its box's group: what "the same place" means. */
interface Walk {
  field: AccountField | null;
  box: number;
  group: string;
  place: string;
}

/**
 * The boxes whose same-place words count: the profile's cards when it finds at least three;
 * else any element with two or more children whose tag and first class repeat three times or
 * more (the cards of a builder the profile does not know).
 */
function boxFinder(root: Element, profile: KartraProfile): (element: Element) => string | null {
  const cards = matchingAll(root, [profile.card.root]);
  if (cards.size >= 3) return (element) => (cards.has(element) ? 'card' : null);
  const counts = new Map<string, number>();
  for (const element of Array.from(root.querySelectorAll('*')).slice(0, MAX_ELEMENTS)) {
    const signature = signatureOf(element);
    counts.set(signature, (counts.get(signature) ?? 0) + 1);
  }
  return (element) => {
    const signature = signatureOf(element);
    return element.children.length >= 2 && (counts.get(signature) ?? 0) >= 3 ? signature : null;
  };
}

/**
 * The texts the walk found, masked, in the same order. The account's texts first, whole: a text
 * made of the interface's words ("Main list", "Complete") is still the account's where the account
 * writes. Only then are the interface's words of the other texts kept.
 */
function maskTexts(pending: readonly PendingText[], profile: KartraProfile): StructureText[] {
  const prefixes = accountPrefixes(profile);
  const accountTexts = pending.map((text): StructureText | null => {
    if (text.field) return maskAccountText(text.raw, text.field);
    const masked = maskAfterPrefix(text.raw, prefixes);
    if (masked === null) return null;
    return masked === text.raw ? { text: masked } : { text: masked, masked: true };
  });

  const vocabulary = profileVocabulary(profile);
  const dataWords = new Set<string>();
  const boxesPerGroup = new Map<string, Set<number>>();
  const boxesPerWord = new Map<string, Set<number>>();
  pending.forEach((text, index) => {
    if (accountTexts[index]) {
      for (const word of wordsOf(text.raw)) dataWords.add(word);
      return;
    }
    if (text.box < 0) return;
    const boxes = boxesPerGroup.get(text.group) ?? new Set();
    boxesPerGroup.set(text.group, boxes.add(text.box));
    for (const word of wordsOf(text.raw)) {
      const key = `${text.group}\u0000${text.place}\u0000${word}`;
      const seen = boxesPerWord.get(key) ?? new Set();
      boxesPerWord.set(key, seen.add(text.box));
    }
  });
  const onMostBoxes = (text: PendingText, word: string): boolean => {
    const seen = boxesPerWord.get(`${text.group}\u0000${text.place}\u0000${word}`)?.size ?? 0;
    return seen >= 3 && seen * 2 >= (boxesPerGroup.get(text.group)?.size ?? 0);
  };
  return pending.map(
    (text, index) =>
      accountTexts[index] ?? {
        text: maskText(
          text.raw,
          (word) =>
            vocabulary.has(word) || (text.box >= 0 && !dataWords.has(word) && onMostBoxes(text, word)),
        ),
      },
  );
}

/** Each element that is an account field, with the field (the first profile's first, on a tie). */
function accountElements(root: Element, profiles: readonly KartraProfile[]): Map<Element, AccountField> {
  const found = new Map<Element, AccountField>();
  for (const field of profiles.flatMap(accountFields)) {
    for (const element of matchingAll(root, [field.selector]))
      if (!found.has(element)) found.set(element, field);
  }
  return found;
}

/** The words of an id: split at `_`, `-`, digits and camelCase humps. */
function idWords(id: string): string[] {
  return words(id.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_\-\d]+/g, ' '));
}

/** Every word (3+ letters) of the region's text and attribute values: what an id must not repeat. */
function dataWords(root: Element): Set<string> {
  const found = new Set(words(root.textContent ?? ''));
  const elements = [root, ...root.querySelectorAll('*')];
  for (const element of elements.slice(0, MAX_ELEMENTS)) {
    for (const attribute of element.attributes) {
      if (attribute.name === 'id' || attribute.name === 'class') continue;
      for (const word of words(attribute.value)) found.add(word);
    }
  }
  return found;
}

export function keepId(id: string, pageWords: ReadonlySet<string>): boolean {
  return APP_ID.test(id) && !idWords(id).some((word) => pageWords.has(word));
}

/** A path's `d` rebuilt from commands and numbers (one decimal), or null if it holds anything else. */
export function pathGeometry(d: string): string | null {
  if (/[^MmZzLlHhVvCcSsQqTtAa0-9eE.,+\-\s]/.test(d)) return null;
  const tokens = d.match(PATH_TOKEN) ?? [];
  const out: string[] = [];
  for (const token of tokens) {
    if (PATH_COMMAND.test(token)) out.push(token);
    else if (/^[A-Za-z]$/.test(token)) return null;
    else out.push(String(Math.round(Number(token) * 10) / 10));
  }
  return out.join(' ');
}

function numbersOnly(value: string): string | undefined {
  const match = /^(matrix3d|matrix)\(([-+0-9.e,\s]+)\)$/i.exec(value.trim());
  if (!match) return undefined;
  const numbers = (match[2] ?? '').split(',').map((n) => String(Math.round(Number(n) * 1000) / 1000));
  return `${match[1]}(${numbers.join(', ')})`;
}

function rootOf(
  document: Document,
  profile: KartraProfile,
): { element: Element; found: PageStructure['root']['found'] } {
  try {
    const builder = document.querySelector(profile.editor.root);
    if (builder) return { element: builder, found: 'profile-root' };
  } catch {
    // An invalid selector in an override: fall back as if the root were absent.
  }
  const main = document.querySelector('main, [role="main"]');
  if (main) return { element: main, found: 'main' };
  return { element: document.body ?? document.documentElement, found: 'body' };
}

function selectorMatches(document: Document, profile: KartraProfile): Record<string, number> {
  const matches: Record<string, number> = {};
  for (const path of SELECTOR_PATHS) {
    const selector = valueAt(profile, path);
    if (typeof selector !== 'string') continue;
    try {
      matches[path] = document.querySelectorAll(selector).length;
    } catch {
      matches[path] = -1;
    }
  }
  return matches;
}

function safePath(url: string): string {
  let pathname = '/';
  try {
    pathname = new URL(url).pathname;
  } catch {
    // Not a URL: keep "/".
  }
  return pathname
    .split('/')
    .map((segment) => (segment === '' || PATH_WORD.test(segment) ? segment : '{id}'))
    .join('/');
}

/** The builder region's structure with the interface's words only, no attribute values, and kept geometry. */
export function exportStructure(
  document: Document,
  profile: KartraProfile,
  options: StructureOptions,
): PageStructure {
  const view = document.defaultView;
  const { element: root, found } = rootOf(document, profile);
  const origin = root.getBoundingClientRect();
  const pageWords = dataWords(root);
  const skipTag = options.skipTag?.toLowerCase();
  const counts = { elements: 0, texts: 0, truncated: false };
  const fieldOf = accountElements(root, options.readWith ? [profile, options.readWith] : [profile]);
  const boxGroup = boxFinder(root, profile);
  const pending: PendingText[] = [];
  let boxes = 0;

  const rectOf = (element: Element): StructureElement['rect'] => {
    const box = element.getBoundingClientRect();
    return [
      Math.round(box.left - origin.left),
      Math.round(box.top - origin.top),
      Math.round(box.width),
      Math.round(box.height),
    ];
  };

  const describeElement = (element: Element, depth: number, outer: Walk): StructureElement => {
    counts.elements++;
    const group = boxGroup(element);
    const walk: Walk = {
      field: fieldOf.get(element) ?? outer.field,
      ...(group !== null
        ? { box: boxes++, group, place: '' }
        : { box: outer.box, group: outer.group, place: `${outer.place}/${signatureOf(element)}` }),
    };
    const node: StructureElement = { tag: element.localName.toLowerCase(), rect: rectOf(element) };
    const id = element.getAttribute('id');
    if (id !== null) node.id = keepId(id, pageWords) ? id : REMOVED;
    const classes = Array.from(element.classList, (token) => (CLASS_TOKEN.test(token) ? token : REMOVED));
    if (classes.length > 0) node.classes = classes;
    const attributes = element
      .getAttributeNames()
      .filter((name) => name !== 'class' && name !== 'id' && name !== 'style' && ATTRIBUTE_NAME.test(name));
    if (attributes.length > 0) node.attributes = attributes;
    const transform = view?.getComputedStyle(element).transform;
    if (transform && transform !== 'none') {
      const numeric = numbersOnly(transform);
      if (numeric) node.transform = numeric;
    }
    if (node.tag === 'path') {
      const d = pathGeometry(element.getAttribute('d') ?? '');
      if (d) node.d = d;
    }
    if (node.tag === 'iframe') return node;

    const children: (StructureElement | StructureText)[] = [];
    for (const child of element.childNodes) {
      if (child.nodeType === 3) {
        const text = collapse(child.nodeValue ?? '');
        if (text) {
          counts.texts++;
          const holder: StructureText = { text: '' };
          pending.push({ holder, raw: text, ...walk });
          children.push(holder);
        }
        continue;
      }
      if (child.nodeType !== 1) continue;
      const childElement = child as Element;
      const tag = childElement.localName.toLowerCase();
      if (SKIPPED_TAGS.has(tag) || tag === skipTag) continue;
      if (depth >= MAX_DEPTH || counts.elements >= MAX_ELEMENTS) {
        counts.truncated = true;
        continue;
      }
      children.push(describeElement(childElement, depth + 1, walk));
    }
    if (children.length > 0) node.children = children;
    return node;
  };

  const tree = describeElement(root, 0, { field: null, box: -1, group: '', place: '' });
  // The walk left each text's holder in the tree; the masks fill them once every card was seen.
  maskTexts(pending, profile).forEach((masked, index) => {
    const holder = pending[index]?.holder;
    if (holder) Object.assign(holder, masked);
  });
  return {
    format: STRUCTURE_FORMAT,
    formatVersion: 2,
    tool: options.tool,
    generatedAt: (options.now ?? new Date()).toISOString(),
    page: {
      path: safePath(options.url),
      viewport: { width: view?.innerWidth ?? 0, height: view?.innerHeight ?? 0 },
    },
    profile: { name: profile.name },
    root: {
      found,
      rect: [
        Math.round(origin.left),
        Math.round(origin.top),
        Math.round(origin.width),
        Math.round(origin.height),
      ],
    },
    selectorMatches: selectorMatches(document, profile),
    counts,
    tree,
  };
}

/** kartra-structure-2026-11-27.json */
export function structureFileName(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `kartra-structure-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}
