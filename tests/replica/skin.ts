import { z } from 'zod';
import { DEFAULT_SKIN } from './skin-markup';

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
  /**
   * `jsplumb`: @jsplumb/browser-ui; `svg`: one SVG layer of Bézier paths and plain div nodes;
   * `canvas`: the same lines painted on a <canvas> (no element per line), as canvas-based diagram
   * libraries draw; `sibling-svg`: Vue Flow's layout, the SVG layer beside a layer holding the
   * cards and nodes, both in the canvas (its transformation pane); `vue-flow` and `drawflow`:
   * drawn by those node-editor libraries from npm, the cards inside the library's nodes (a
   * picture: its menus and lines do not respond).
   */
  lines: z.enum(['jsplumb', 'svg', 'canvas', 'sibling-svg', 'vue-flow', 'drawflow']),
  /** The view the builder opens in, as if the user had chosen it. */
  zoom: z.number().min(0.5).max(1.5),
  /** How far the user has panned the canvas (a translate before the zoom), in pixels. */
  pan: z.strictObject({ x: z.number().min(-200).max(200), y: z.number().min(-200).max(200) }),
  orientation: z.enum(['horizontal', 'vertical']),
  /**
   * `kartra`: the builder's words; `other`: the same timings, windows and recipients in words no
   * profile knows ("Delay of 2 days", "Send right away", "Whenever", "All contacts"), as another
   * version of Kartra might word them. Unlike the rest of a skin, this changes what a person reads.
   */
  wording: z.enum(['kartra', 'other']),
  /**
   * Re-creates every card, node and line as new elements on each change the user makes (a step
   * activated, a line drawn or removed), as a Vue app whose list keys change re-renders them.
   */
  recreate: z.boolean(),
});
export type Skin = z.infer<typeof skinSchema>;

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
  /** Lines painted on a <canvas>: nothing on the page says which nodes a line joins. */
  'canvas-lines': { ...DEFAULT_SKIN, lines: 'canvas' },
  /** Vue Flow's layers: edges in an SVG beside the nodes' layer, under one panned, zoomed pane. */
  'sibling-edges': { ...DEFAULT_SKIN, lines: 'sibling-svg', pan: { x: 36, y: 24 } },
  /** Drawn by Vue Flow, a Vue 3 node editor from npm, in class names that say nothing, panned. */
  'vue-flow': {
    ...DEFAULT_SKIN,
    classNames: 'hashed',
    salt: 'vf',
    scopedAttribute: true,
    lines: 'vue-flow',
    pan: { x: 36, y: 24 },
  },
  /** Drawn by Drawflow, a node editor from npm without a framework, in Vue/BEM-style class names. */
  drawflow: { ...DEFAULT_SKIN, classNames: 'bem', salt: 'df', wrappers: 1, lines: 'drawflow' },
  /** `renamed`'s markup in an app that draws the canvas anew, new elements, on every change. */
  recreated: { ...renamed, recreate: true },
  /** The default markup with timings, windows and recipients worded as no profile knows. */
  'other-wording': { ...DEFAULT_SKIN, wording: 'other' },
} satisfies Record<string, Skin>;
export type SkinName = keyof typeof NAMED_SKINS;

/**
 * Skins left out of the suites that run every skin: lines that are pixels, which the replica's
 * test helpers cannot drag or count (tests/e2e/fixtures.spec.ts judges them against the default
 * skin); words a person reads differently and canvases a library draws as a picture (the
 * generated corpus judges them, tests/corpus); and `renamed` redrawn on every change, the same
 * page until the user changes it (tests/e2e/first-contact.spec.ts changes it).
 */
const OWN_SPEC_SKINS: readonly SkinName[] = [
  'canvas-lines',
  'other-wording',
  'vue-flow',
  'drawflow',
  'recreated',
];

/** The skins every fixture and every replica behaviour runs on. */
export const SKIN_NAMES = (Object.keys(NAMED_SKINS) as SkinName[]).filter(
  (name) => !OWN_SPEC_SKINS.includes(name),
);

/** A skin by name, or a clear message listing the names there are. */
export function skinNamed(name: string): Skin {
  const skin = (NAMED_SKINS as Record<string, Skin>)[name];
  if (!skin) throw new Error(`skin: no skin named "${name}" (known: ${Object.keys(NAMED_SKINS).join(', ')})`);
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

/** The same text for the same markup, however the skin was named (to tell two pages' skins apart). */
export function skinKey(skin: Skin | SkinName | undefined): string {
  return JSON.stringify(resolveSkin(skin));
}

export * from './skin-markup';
