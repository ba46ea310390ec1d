import type { Skin } from './skin';

/**
 * What the browser side of the replica needs of a skin, without its schema (tests/replica/skin.ts
 * validates skins in Node): the default skin, and how a skin spells class names and attributes.
 * Kept free of zod so the replica's pages load only what they draw with.
 */

export const DEFAULT_SKIN: Skin = {
  classNames: 'kartra',
  salt: '',
  wrappers: 0,
  scopedAttribute: false,
  lines: 'jsplumb',
  zoom: 1,
  pan: { x: 0, y: 0 },
  orientation: 'horizontal',
  wording: 'kartra',
  recreate: false,
};

/**
 * What a person sees on the page but the page's elements do not say, in a skin: `lines` when the
 * lines are pixels on a <canvas>, so no reader can tell which nodes they join; `wording` when
 * timings, windows and recipients are worded as no profile knows. Tests expect "needs review"
 * exactly from the rules that need a hidden fact.
 */
export type HiddenFact = 'lines' | 'wording';

export function factsHidden(skin: Skin): HiddenFact[] {
  const hidden: HiddenFact[] = [];
  if (skin.lines === 'canvas') hidden.push('lines');
  if (skin.wording === 'other') hidden.push('wording');
  return hidden;
}

/** FNV-1a, 32 bits: a stable hash for names and attributes (not for security). */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** jsPlumb adds and looks up its own `jtk-*` classes; those cannot be renamed. */
const LIBRARY_CLASS = /^jtk-/;

/** Words a Vue builder that calls steps "nodes" would use instead of the replica's. */
const BEM_WORDS: Record<string, string> = {
  sequence: 'seq',
  step: 'node',
  steps: 'nodes',
  subsequence: 'branch',
  builder: 'editor',
  starting: 'entry',
  connection: 'handle',
  fa: 'icon',
  btn: 'button',
  js: 'hook',
};

function bemName(name: string): string {
  const words = name.split(/[_-]+/).filter(Boolean);
  const [block = 'x', ...rest] = words.map((word) => BEM_WORDS[word] ?? word);
  return rest.length === 0 ? `kb-${block}` : `kb-${block}__${rest.join('-')}`;
}

function hashedName(name: string, salt: string): string {
  return `c${fnv1a(`${salt}:${name}`).toString(36)}`;
}

/** The skin's class name for one of the replica's class names. */
export function classMapper(skin: Skin): (name: string) => string {
  if (skin.classNames === 'kartra') return (name) => name;
  const rename = skin.classNames === 'bem' ? bemName : (name: string) => hashedName(name, skin.salt);
  return (name) => (LIBRARY_CLASS.test(name) ? name : rename(name));
}

const CLASS_IN_SELECTOR = /\.(-?[_a-zA-Z][_a-zA-Z0-9-]*)/g;

/** Renames every class in a CSS selector (`.a .b:has(.c)`), leaving the rest as it is. */
export function renameSelector(selector: string, map: (name: string) => string): string {
  return selector.replace(CLASS_IN_SELECTOR, (_, name: string) => `.${map(name)}`);
}

/**
 * The stylesheet for a class mapping: every rule's selector renamed, declarations untouched.
 * Comments are dropped (they name the replica's classes in prose). A selector is the text before
 * a `{` since the last `{`, `}` or `;`; at-rule preludes (`@media ...`) are kept.
 */
export function renameCss(css: string, map: (name: string) => string): string {
  return css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(?<=^|[{};])([^{};]*)\{/g, (_, prelude: string) => {
    const kept = prelude.trim().startsWith('@') ? prelude : renameSelector(prelude, map);
    return `${kept}{`;
  });
}

/** The `data-v-xxxxxxxx` attribute name of a skin, as Vue's scoped styles give a component. */
export function scopedAttributeName(skin: Skin): string | null {
  if (!skin.scopedAttribute) return null;
  return `data-v-${fnv1a(`scope:${skin.salt}`).toString(16).padStart(8, '0')}`;
}

/** mulberry32: a small seeded generator, so a failing random skin can be rebuilt from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random skin from a seed: class mapping, wrapper depth, scoped attribute, lines and view. */
export function skinVariation(seed: number): Skin {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  return {
    classNames: pick(['kartra', 'bem', 'hashed'] as const),
    salt: `s${seed.toString(36)}`,
    wrappers: pick([0, 1, 2, 3]),
    scopedAttribute: random() < 0.5,
    lines: pick(['jsplumb', 'svg'] as const),
    zoom: pick([0.7, 0.8, 1, 1.2]),
    pan: { x: 0, y: 0 },
    orientation: pick(['horizontal', 'vertical'] as const),
    wording: 'kartra',
    recreate: false,
  };
}

/** A short description for test titles and messages: `bem, 2 wrappers, data-v, svg, 80%, vertical`. */
export function describeSkin(skin: Skin): string {
  const parts: string[] = [skin.classNames === 'hashed' ? `hashed(${skin.salt})` : skin.classNames];
  if (skin.wrappers > 0) parts.push(`${skin.wrappers} wrapper${skin.wrappers === 1 ? '' : 's'}`);
  if (skin.scopedAttribute) parts.push('data-v');
  parts.push(skin.lines, `${Math.round(skin.zoom * 100)}%`);
  if (skin.pan.x !== 0 || skin.pan.y !== 0) parts.push(`panned ${skin.pan.x},${skin.pan.y}`);
  parts.push(skin.orientation);
  if (skin.wording !== 'kartra') parts.push(`${skin.wording} wording`);
  return parts.join(', ');
}
