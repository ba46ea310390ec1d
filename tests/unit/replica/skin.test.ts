import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { skinCss } from '../../replica/page';
import {
  classMapper,
  DEFAULT_SKIN,
  NAMED_SKINS,
  renameCss,
  renameSelector,
  resolveSkin,
  SKIN_NAMES,
  type Skin,
  scopedAttributeName,
  skinSchema,
  skinVariation,
} from '../../replica/skin';

const css = readFileSync(join(import.meta.dirname, '..', '..', 'replica', 'app', 'replica.css'), 'utf8');
const withoutComments = css.replace(/\/\*[\s\S]*?\*\//g, '');

/** Every class name the replica's stylesheet selects. */
function cssClasses(text: string): Set<string> {
  const names = new Set<string>();
  for (const [, selector] of text.matchAll(/(?<=^|[{};])([^{};]*)\{/g)) {
    for (const [, name] of (selector ?? '').matchAll(/\.(-?[_a-zA-Z][_a-zA-Z0-9-]*)/g))
      names.add(name as string);
  }
  return names;
}

/** The declaration blocks of a stylesheet, in order: what the rules do, whatever they select. */
function declarations(text: string): string[] {
  return [...text.matchAll(/\{([^{}]*)\}/g)].map((match) => (match[1] ?? '').trim());
}

const renamingSkins: [string, Skin][] = [
  ['bem', NAMED_SKINS.renamed],
  ['hashed', NAMED_SKINS.foreign],
];

describe('class mapping', () => {
  const classes = [...cssClasses(withoutComments)];

  it('finds the replica stylesheet classes it is meant to rename', () => {
    expect(classes).toEqual(
      expect.arrayContaining(['sequence_step', 'step_title', 'fa-envelope', 'canvas_node']),
    );
  });

  it('keeps every name in the default skin', () => {
    const map = classMapper(DEFAULT_SKIN);
    expect(classes.filter((name) => map(name) !== name)).toEqual([]);
  });

  for (const [label, skin] of renamingSkins) {
    it(`${label}: changes every name but jsPlumb's own, one new name per old name`, () => {
      const map = classMapper(skin);
      const renamable = classes.filter((name) => !name.startsWith('jtk-'));
      expect(renamable.filter((name) => map(name) === name)).toEqual([]);
      expect(new Set(renamable.map(map)).size).toBe(renamable.length);
      expect(classes.filter((name) => name.startsWith('jtk-')).every((name) => map(name) === name)).toBe(
        true,
      );
      // A new name never spells an old one, so no selector written for the default skin matches.
      const old = new Set(classes);
      expect(renamable.map(map).filter((name) => old.has(name))).toEqual([]);
    });
  }

  it('gives Vue/BEM-style names in the renamed skin', () => {
    const map = classMapper(NAMED_SKINS.renamed);
    expect(map('step_title')).toBe('kb-node__title');
    expect(map('sequence_step')).toBe('kb-seq__node');
    expect(map('js_sequence_step')).toBe('kb-hook__seq-node');
    expect(map('fa-envelope')).toBe('kb-icon__envelope');
  });

  it('hashed names differ with the salt and are stable for one salt', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }), (a, b) => {
        fc.pre(a !== b);
        const one = classMapper({ ...NAMED_SKINS.foreign, salt: a });
        const again = classMapper({ ...NAMED_SKINS.foreign, salt: a });
        const other = classMapper({ ...NAMED_SKINS.foreign, salt: b });
        const names = classes.filter((name) => !name.startsWith('jtk-'));
        expect(names.map(one)).toEqual(names.map(again));
        expect(new Set(names.map(one)).size).toBe(names.length);
        expect(names.some((name) => one(name) !== other(name))).toBe(true);
      }),
      { numRuns: 50 },
    );
  });
});

describe('renameSelector', () => {
  it('renames classes inside compound selectors, :has() and pseudo-elements', () => {
    const map = (name: string) => `x-${name}`;
    expect(renameSelector('.a.b > .c:has(.d.e) .f::before, .g:hover', map)).toBe(
      '.x-a.x-b > .x-c:has(.x-d.x-e) .x-f::before, .x-g:hover',
    );
    expect(renameSelector('svg.jtk-connector > path', map)).toBe('svg.x-jtk-connector > path');
    expect(renameSelector('* , html, body', map)).toBe('* , html, body');
  });
});

describe('renameCss', () => {
  for (const [label, skin] of renamingSkins) {
    it(`${label}: the generated stylesheet does what replica.css does, under the new names`, () => {
      const map = classMapper(skin);
      const renamed = skinCss(skin);
      expect(renamed).toBe(renameCss(css, map));
      // Same rules, same declarations, in the same order: only selectors changed.
      expect(declarations(renamed)).toEqual(declarations(withoutComments));
      // Every class it selects is a renamed one (or jsPlumb's), none of the replica's own.
      const selected = [...cssClasses(renamed)];
      const original = cssClasses(withoutComments);
      expect(selected.filter((name) => original.has(name) && !name.startsWith('jtk-'))).toEqual([]);
      expect(new Set(selected)).toEqual(new Set([...original].map(map)));
      // Values that look like classes are left alone: colours, numbers, content strings.
      expect(renamed).toContain('opacity: 0.55;');
      expect(renamed).toContain('content: "\\2709";');
    });
  }

  it('keeps at-rule preludes and renames rules nested inside them', () => {
    const map = (name: string) => `r-${name}`;
    expect(renameCss('@media (max-width: 600.5px) { .a { width: .5em } }', map)).toBe(
      '@media (max-width: 600.5px) { .r-a { width: .5em } }',
    );
  });

  it('leaves the default skin stylesheet exactly as written', () => {
    expect(skinCss(DEFAULT_SKIN)).toBe(css);
  });
});

describe('skins by name and by seed', () => {
  it('every named skin is valid', () => {
    for (const name of SKIN_NAMES) expect(skinSchema.parse(NAMED_SKINS[name])).toEqual(NAMED_SKINS[name]);
  });

  it('names the skins it knows when asked for another', () => {
    expect(() => resolveSkin('purple' as never)).toThrow(
      /no skin named "purple" \(known: default, renamed, plain-svg/,
    );
  });

  it('names the field of a bad skin object', () => {
    expect(() => resolveSkin({ ...DEFAULT_SKIN, wrappers: 9 })).toThrow(/skin\.wrappers:/);
    expect(() => resolveSkin({ ...DEFAULT_SKIN, lines: 'webgl' } as never)).toThrow(/skin\.lines:/);
  });

  it('the scoped attribute looks like Vue’s and only where the skin asks for it', () => {
    expect(scopedAttributeName(DEFAULT_SKIN)).toBeNull();
    expect(scopedAttributeName(NAMED_SKINS.renamed)).toMatch(/^data-v-[0-9a-f]{8}$/);
  });

  it('a seed always gives the same valid skin, and seeds reach every option', () => {
    const seen = {
      classNames: new Set(),
      wrappers: new Set(),
      lines: new Set(),
      orientation: new Set(),
      scoped: new Set(),
    };
    for (let seed = 0; seed < 200; seed++) {
      const skin = skinVariation(seed);
      expect(skinVariation(seed)).toEqual(skin);
      expect(skinSchema.parse(skin)).toEqual(skin);
      seen.classNames.add(skin.classNames);
      seen.wrappers.add(skin.wrappers);
      seen.lines.add(skin.lines);
      seen.orientation.add(skin.orientation);
      seen.scoped.add(skin.scopedAttribute);
    }
    expect(seen.classNames.size).toBe(3);
    expect(seen.wrappers.size).toBe(4);
    expect(seen.lines.size).toBe(2);
    expect(seen.orientation.size).toBe(2);
    expect(seen.scoped.size).toBe(2);
  });
});
