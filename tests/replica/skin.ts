import { z } from 'zod';

/**
 * Skins: the markup the replica renders a spec in. Kartra's real markup is unknown (a Vue 3 app,
 * by one first-hand account), so the same spec can be drawn with other class names, extra
 * wrappers, Vue-style scoped attributes and lines that are not jsPlumb's. A skin changes only the
 * markup, never what a person sees or can do; it is not part of the sequence, so specs never
 * carry one. Shared by the Node side (page, CSS) and the browser app.
 */

export const skinSchema = z.strictObject({
  /**
   * `kartra`: the replica's own names (docs/replica-markup.md); `bem`: Vue/BEM-style names
   * (`seq-node__title`); `hashed`: CSS-modules style names that say nothing (`c1x9k2a`).
   */
  classNames: z.enum(['kartra', 'bem', 'hashed']),
  /** Varies the `hashed` names and the `data-v-*` attribute, so random skins differ. */
  salt: z.string().max(20),
  /** Extra wrapper elements inside each card and around each of its fields (0 = none). */
  wrappers: z.number().int().min(0).max(3),
  /** Vue's scoped-style attribute (`data-v-1a2b3c4d`) on every element the app renders. */
  scopedAttribute: z.boolean(),
  /** `jsplumb`: @jsplumb/browser-ui; `svg`: one SVG layer of Bézier paths and plain div nodes. */
  lines: z.enum(['jsplumb', 'svg']),
  /** The view the builder opens in, as if the user had chosen it. */
  zoom: z.number().min(0.5).max(1.5),
  orientation: z.enum(['horizontal', 'vertical']),
});
export type Skin = z.infer<typeof skinSchema>;

export const DEFAULT_SKIN: Skin = {
  classNames: 'kartra',
  salt: '',
  wrappers: 0,
  scopedAttribute: false,
  lines: 'jsplumb',
  zoom: 1,
  orientation: 'horizontal',
};

const renamed: Skin = { ...DEFAULT_SKIN, classNames: 'bem', salt: 'vue', wrappers: 2, scopedAttribute: true };
const plainSvg: Skin = { ...DEFAULT_SKIN, lines: 'svg' };
const zoomedVertical = { zoom: 0.8, orientation: 'vertical' } as const;

/** The skins tests and scripts pick by name. */
export const NAMED_SKINS = {
  default: DEFAULT_SKIN,
  renamed,
  'plain-svg': plainSvg,
  'renamed-zoomed-vertical': { ...renamed, ...zoomedVertical },
  'plain-svg-zoomed-vertical': { ...plainSvg, ...zoomedVertical },
  /** Everything foreign at once: meaningless class names, wrappers, scoped attributes, SVG lines. */
  foreign: {
    ...DEFAULT_SKIN,
    classNames: 'hashed',
    salt: 'x7',
    wrappers: 1,
    scopedAttribute: true,
    lines: 'svg',
  },
} satisfies Record<string, Skin>;
export type SkinName = keyof typeof NAMED_SKINS;
export const SKIN_NAMES = Object.keys(NAMED_SKINS) as SkinName[];

/** A skin by name, or a clear message listing the names there are. */
export function skinNamed(name: string): Skin {
  const skin = (NAMED_SKINS as Record<string, Skin>)[name];
  if (!skin) throw new Error(`skin: no skin named "${name}" (known: ${SKIN_NAMES.join(', ')})`);
  return skin;
}

/** A skin by name or as an object (validated, with the field named on a problem). */
export function resolveSkin(skin: Skin | SkinName | undefined): Skin {
  if (skin === undefined) return DEFAULT_SKIN;
  if (typeof skin === 'string') return skinNamed(skin);
  const parsed = skinSchema.safeParse(skin);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `skin.${issue.path.join('.')}: ${issue.message}`);
    throw new Error(problems.join('\n'));
  }
  return parsed.data;
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
    orientation: pick(['horizontal', 'vertical'] as const),
  };
}

/** A short description for test titles and messages: `bem, 2 wrappers, data-v, svg, 80%, vertical`. */
export function describeSkin(skin: Skin): string {
  const parts: string[] = [skin.classNames === 'hashed' ? `hashed(${skin.salt})` : skin.classNames];
  if (skin.wrappers > 0) parts.push(`${skin.wrappers} wrapper${skin.wrappers === 1 ? '' : 's'}`);
  if (skin.scopedAttribute) parts.push('data-v');
  parts.push(skin.lines, `${Math.round(skin.zoom * 100)}%`, skin.orientation);
  return parts.join(', ');
}
