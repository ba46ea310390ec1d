import fc from 'fast-check';
import { Window } from 'happy-dom';
import { kartraProfile } from '../../../lib/kartra/profile';
import { render } from '../../replica/app/main';
import { NAMED_SKINS, type SkinName } from '../../replica/skin';
import { type EditorSpec, parseSpec } from '../../replica/spec';

/**
 * Step titles as people write them, and the replica's builder drawn with them in happy-dom (no
 * layout: cards, texts and classes, not geometry). Run under `@vitest-environment happy-dom`,
 * as the replica's app expects a browser's globals.
 */

export function replicaUrl(spec: EditorSpec): string {
  return `https://app.kartra.com/marketing/sequences/edit/${spec.id}`;
}

/** The builder for `spec` in `skin`, in a document of its own. */
export function renderReplica(spec: EditorSpec, skin: SkinName): Document {
  const window = new Window({ url: replicaUrl(spec) });
  const doc = window.document as unknown as Document;
  // As the replica's page does: the spec validated, its defaults filled in.
  render(parseSpec(spec), doc, NAMED_SKINS[skin]);
  return doc;
}

/** The spec with each step's title replaced where `titles` gives one. */
export function retitled(spec: EditorSpec, titles: readonly (string | undefined)[]): EditorSpec {
  const steps = spec.steps.map((step, i) => {
    const title = titles[i];
    return title === undefined ? step : { ...step, title };
  });
  return parseSpec({ ...spec, steps }) as EditorSpec;
}

const kindWords = kartraProfile.card.kindLabels.map((k) => k.label);
const word = fc.constantFrom('plan', 'tips', 'recipes', 'Welcome', 'week', 'bonus', 'Last call', 'pantry');
const emoji = fc.constantFrom('🎉', '🍝', '🍰', '🚀', '✅', '👩‍🍳', '❤️');

/**
 * A title that once made a card hard to find or read: a kind's word (a Complete titled
 * "Complete"), a number or a phrase holding one ("2026", "Top 10 tips", "A1"), nothing, a long
 * subject, emoji, or an ordinary title beside them.
 */
export const oddTitleArb: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...kindWords),
  fc.integer({ min: 1, max: 9999 }).map(String),
  fc.tuple(fc.constantFrom('A', 'B'), fc.integer({ min: 1, max: 99 })).map(([l, n]) => `${l}${n}`),
  fc.tuple(word, fc.integer({ min: 1, max: 2030 }), word).map(([a, n, b]) => `${a} ${n} ${b}`),
  fc.constant(''),
  fc
    .array(word, { minLength: 14, maxLength: 24 })
    .map((words) => words.join(' '))
    .filter((t) => t.length >= 100),
  fc.array(emoji, { minLength: 1, maxLength: 3 }).map((e) => e.join('')),
  fc.tuple(emoji, word).map(([e, w]) => `${e} ${w}`),
  word,
);
