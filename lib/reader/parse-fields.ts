import type { KartraProfile } from '../kartra/profile';
import type { Step, Version } from '../model/model';
import { afterPrefix, collapse, isText, samePhrase } from './text';

type Words = KartraProfile['words'];

/**
 * Small parsers for the texts on a card and in the toolbar. Each returns null for text it
 * cannot read; none of them throws.
 */

/**
 * "Anyone reaching this step" → anyone; a line that starts as the profile says filtered ones do
 * → filtered. Wording the profile does not know is not guessed at: null.
 */
export function parseRecipients(text: string | null | undefined, words: Words): 'anyone' | 'filtered' | null {
  if (!isText(text)) return null;
  const t = collapse(text);
  if (t === '') return null;
  if (samePhrase(t, words.anyoneRecipients)) return 'anyone';
  return words.filteredRecipients.some((prefix) => afterPrefix(t, prefix) !== null) ? 'filtered' : null;
}

/** A version's share after its name: ": 50%". */
const SHARE = String.raw`:\s*(\d+(?:\.\d+)?)\s*%`;
const VERSION = new RegExp(String.raw`^(.+?)\s*${SHARE}$`);
/** A version share somewhere in a longer text (a card's), for parseVersion to read piece by piece. */
export const VERSION_SHARE_WITHIN = new RegExp(SHARE);

/** "A: 50%" → { name: 'A', percent: 50 }. */
export function parseVersion(text: string | null | undefined): Version | null {
  if (!isText(text)) return null;
  const m = VERSION.exec(collapse(text));
  if (!m) return null;
  const percent = Number(m[2]);
  if (!Number.isFinite(percent)) return null;
  return { name: (m[1] ?? '').trim(), percent };
}

/** "Go to A1" → "A1". */
export function parseGoto(text: string | null | undefined, words: Words): string | null {
  if (!isText(text)) return null;
  const rest = afterPrefix(text, words.goto);
  if (rest === null || !/^[A-Za-z]?\d+$/.test(rest)) return null;
  return rest;
}

/**
 * A Go To's line, whether or not it names a step: "Go to A1", or "Go to" alone on a Go To that
 * jumps nowhere yet. The bare line reads like the kind's label ("Go To"): tell them apart by
 * place (a selector's), or take the label first.
 */
export function isGotoLine(text: string | null | undefined, words: Words): boolean {
  return isText(text) && (parseGoto(text, words) !== null || samePhrase(text, words.goto));
}

/** "Add tag: Buyers" → { action: 'add', target: 'Buyers' }; the longest matching prefix wins. */
export function parseAction(
  text: string | null | undefined,
  words: Words,
): { action: NonNullable<Step['action']>; target: string } | null {
  if (!isText(text)) return null;
  const candidates = [...words.actions].sort((a, b) => b.prefix.length - a.prefix.length);
  for (const { prefix, action } of candidates) {
    const rest = afterPrefix(text, prefix);
    if (rest !== null && rest !== '') return { action, target: rest };
  }
  return null;
}

/** "42 contacts", "1 contact", "1,204", "7" → the leading whole number. */
export function parseCount(text: string | null | undefined): number | null {
  if (!isText(text)) return null;
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\s+\S.*)?$/.exec(collapse(text));
  if (!m) return null;
  const n = Number((m[1] ?? '').replace(/,/g, ''));
  return Number.isSafeInteger(n) ? n : null;
}

/** "Public name: Free recipe pack" → the name; "Public name: Not set" → "". */
export function parsePublicName(
  text: string | null | undefined,
  editor: KartraProfile['editor'],
): string | null {
  if (!isText(text)) return null;
  const rest = afterPrefix(text, editor.publicNamePrefix);
  if (rest === null) return null;
  return samePhrase(rest, editor.publicNameUnset) ? '' : rest;
}
