// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { render } from '../../replica/app/main';
import { classMapper, NAMED_SKINS, type Skin, scopedAttributeName } from '../../replica/skin';
import { parseSpec } from '../../replica/spec';

const examples = join(import.meta.dirname, '..', '..', 'replica', 'examples');
const full = parseSpec(JSON.parse(readFileSync(join(examples, 'full.json'), 'utf8')));
const css = readFileSync(join(import.meta.dirname, '..', '..', 'replica', 'app', 'replica.css'), 'utf8');
const replicaClasses = new Set(
  [...css.matchAll(/\.(-?[_a-zA-Z][_a-zA-Z0-9-]*)/g)].map((m) => m[1] as string),
);

function rendered(skin: Skin): Document {
  const window = new Window({ url: 'https://app.kartra.com/marketing/sequences/edit/2231' });
  const doc = window.document as unknown as Document;
  render(full, doc, skin);
  return doc;
}

const texts = (doc: Document) => doc.body.textContent?.replace(/\s+/g, ' ').trim();

describe('skins change markup, not words', () => {
  const plain = rendered(NAMED_SKINS.default);

  for (const name of ['renamed', 'foreign'] as const) {
    const skin = NAMED_SKINS[name];
    const doc = rendered(skin);
    const elements = [...doc.body.querySelectorAll('*')];

    it(`${name}: the page says the same words`, () => {
      expect(texts(doc)).toBe(texts(plain));
    });

    it(`${name}: no element keeps a class name of the replica's own markup`, () => {
      const kept = elements.flatMap((el) =>
        [...el.classList].filter((c) => replicaClasses.has(c) && !c.startsWith('jtk-')),
      );
      expect(kept).toEqual([]);
      const map = classMapper(skin);
      expect(doc.querySelectorAll(`.${map('js_sequence_step')}`)).toHaveLength(
        plain.querySelectorAll('.js_sequence_step').length,
      );
    });

    it(`${name}: the app's elements carry Vue's scoped attribute`, () => {
      const attribute = scopedAttributeName(skin) as string;
      const app = [...doc.body.querySelectorAll(`.${classMapper(skin)('kartra_app')} *`)];
      // Only what draws the nodes and lines (jsPlumb's, or the SVG layer's) goes without, as in a Vue app.
      const node = classMapper(skin)('canvas_node');
      const drawn = (el: Element) =>
        el.closest('svg') !== null ||
        el.classList.contains(node) ||
        [...el.classList].some((c) => c.startsWith('jtk-'));
      expect(app.filter((el) => !el.hasAttribute(attribute) && !drawn(el)).map((el) => el.outerHTML)).toEqual(
        [],
      );
      expect(app.filter((el) => el.hasAttribute(attribute)).length).toBeGreaterThan(100);
    });

    it(`${name}: cards and fields sit inside extra wrappers`, () => {
      const map = classMapper(skin);
      const title = doc.querySelector(`.${map('step_title')}`) as Element;
      const card = title.closest(`.${map('sequence_step')}`) as Element;
      let depth = 0;
      for (let node = title.parentElement; node && node !== card; node = node.parentElement) depth++;
      const plainTitle = plain.querySelector('.step_title') as Element;
      let plainDepth = 0;
      for (
        let node = plainTitle.parentElement;
        node && !node.matches('.sequence_step');
        node = node.parentElement
      )
        plainDepth++;
      expect(depth).toBe(plainDepth + 2 * skin.wrappers + 1);
    });
  }
});
