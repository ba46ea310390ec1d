import type { KartraProfile } from '../kartra/profile';

/**
 * Which texts of a page a structure export keeps, and which words of them, in this order:
 * 1. The account's texts are masked whole, whatever their words: the text of a place where the
 *    owner types (the sequence's names, step titles, starting-rule labels, action targets, list
 *    names, version names), and any text that opens with a prefix such as "Tag applied:",
 *    wherever it stands. "Main list" is a list's name there, though "main" and "list" are both
 *    the interface's words. Only the prefix, a version's share and letter, and the interface's
 *    own phrase after a prefix ("Public name: Not set") survive in them.
 * 2. In every other text, the interface's own words are kept: the profile's words and kind labels
 *    (timing, window, recipients, tab labels...); words that stand in the same place on most
 *    cards (a label the profile does not know yet), unless the word also occurs in an account
 *    text; digits, times and dates (`10:00`, `AM`, `24th`), reference numbers (`A1`) and
 *    punctuation. Every other word is masked by length class.
 */

/** The lengths a placeholder tells apart: 1-3, 4-10, 11-40 and 41+ characters. */
const BUCKETS: readonly [number, string][] = [
  [3, 'x'],
  [10, 'xxxx'],
  [40, 'x'.repeat(11)],
];
const LONGEST = 'x'.repeat(41);

/** A text's placeholder: one fixed string per length class, so only the length class survives. */
export function placeholderFor(text: string): string {
  const length = Array.from(text).length;
  for (const [max, placeholder] of BUCKETS) if (length <= max) return placeholder;
  return LONGEST;
}

/** Words, runs of punctuation and spaces, and anything else (emoji, control characters). */
const TOKEN = /[\p{L}\p{N}\p{M}]+|[\p{P}\p{Sm}\p{Sc}\p{Zs}]+|[^\p{L}\p{N}\p{M}\p{P}\p{Sm}\p{Sc}\p{Zs}]+/gu;
const WORD = /^[\p{L}\p{N}\p{M}]+$/u;
const PUNCTUATION = /^[\p{P}\p{Sm}\p{Sc}\p{Zs}]+$/u;
/** Digits, a time or date word ("10am", "24th", "PM"), a reference number ("A1", "B"). */
const NUMERIC = /^(\p{Nd}+(st|nd|rd|th|am|pm)?|am|pm)$/iu;
const REFERENCE = /^[A-Z]\d{0,4}$/u;

export const wordsOf = (text: string): string[] =>
  (text.match(TOKEN) ?? []).filter((token) => WORD.test(token)).map((word) => word.toLowerCase());

/** An interface phrase an account text follows ("Add tag:"), and the rests that are the interface's too. */
export interface AccountPrefix {
  phrase: string;
  /** What may follow the phrase and is still the interface's own ("Not set" after "Public name:"). */
  own: readonly string[];
}

/**
 * A place on the page whose text the account owner typed, and how much of it is the interface's:
 * - `whole`: nothing (a sequence's name, a step's title, a list row's name);
 * - `prefixed`: one of `prefixes` it opens with (a starting rule's label, an action's target,
 *   the public name);
 * - `version`: a version chip's share (": 50%"), and its name when it is the letter Kartra gives
 *   versions ("A", "B").
 */
export type AccountField =
  | { selector: string; kind: 'whole' }
  | { selector: string; kind: 'prefixed'; prefixes: readonly AccountPrefix[] }
  | { selector: string; kind: 'version' };

/** A masked account text: `masked` when a page rendered from the export must not read it as the field. */
export interface MaskedAccountText {
  text: string;
  masked?: true;
}

/** The phrases as prefixes, longest first so that "Unsubscribe from list:" wins over a shorter one. */
const phrases = (list: readonly string[], own: readonly string[] = []): AccountPrefix[] =>
  list
    .filter((phrase) => phrase.trim() !== '')
    .map((phrase) => ({ phrase, own }))
    .sort((a, b) => b.phrase.length - a.phrase.length);

/** The prefixes of the public name, starting-rule labels and actions: what opens an account text anywhere. */
export function accountPrefixes(profile: KartraProfile): AccountPrefix[] {
  const { words, editor } = profile;
  return [
    ...phrases([editor.publicNamePrefix], [editor.publicNameUnset]),
    ...phrases(Object.values(words.rulePrefixes)),
    ...phrases(words.actions.map((entry) => entry.prefix)),
  ].sort((a, b) => b.phrase.length - a.phrase.length);
}

/** The places of a profile whose text is the account's, each with what of it is the interface's. */
export function accountFields(profile: KartraProfile): AccountField[] {
  const { editor, card, startingRules, list, words } = profile;
  const fields: AccountField[] = [];
  const whole = (selector: string | undefined) => {
    if (selector) fields.push({ selector, kind: 'whole' });
  };
  const prefixed = (selector: string | undefined, prefixes: AccountPrefix[]) => {
    if (selector) fields.push({ selector, kind: 'prefixed', prefixes });
  };
  whole(editor.name);
  whole(card.fields.title);
  whole(list.nameLink);
  prefixed(editor.publicName, phrases([editor.publicNamePrefix], [editor.publicNameUnset]));
  prefixed(startingRules.ruleLabel, phrases(Object.values(words.rulePrefixes)));
  prefixed(card.fields.action, phrases(words.actions.map((entry) => entry.prefix)));
  if (card.fields.version) fields.push({ selector: card.fields.version, kind: 'version' });
  return fields;
}

/** Every word the profile knows: the interface's vocabulary. */
export function profileVocabulary(profile: KartraProfile): Set<string> {
  const words = new Set<string>();
  const add = (value: unknown): void => {
    if (typeof value === 'string') for (const word of wordsOf(value)) words.add(word);
    else if (Array.isArray(value)) value.forEach(add);
    else if (typeof value === 'object' && value !== null) Object.values(value).forEach(add);
  };
  add(profile.words);
  add(profile.card.kindLabels.map((entry) => entry.label));
  const { publicNamePrefix, publicNameUnset, mainTabLabel, tabs } = profile.editor;
  add([publicNamePrefix, publicNameUnset, mainTabLabel, tabs.addLabel]);
  return words;
}

const collapsed = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * A text that opens with one of `prefixes`: the prefix as the page wrote it, then the rest as one
 * placeholder (unless the rest is the interface's own phrase). Null when no prefix opens it.
 */
export function maskAfterPrefix(text: string, prefixes: readonly AccountPrefix[]): string | null {
  const lower = text.toLowerCase();
  const prefix = prefixes.find((candidate) => lower.startsWith(candidate.phrase.toLowerCase()));
  if (!prefix) return null;
  const rest = text.slice(prefix.phrase.length).trim();
  if (rest === '' || prefix.own.some((phrase) => collapsed(phrase) === collapsed(rest))) return text;
  return `${text.slice(0, prefix.phrase.length)} ${placeholderFor(rest)}`;
}

/** "B: 50%": the share. */
const VERSION_CHIP = /^(.*?)(\s*:\s*\d+(?:\.\d+)?\s*%)$/u;
/** The name Kartra gives a version: a letter. */
const VERSION_LETTER = /^\p{L}$/u;

/**
 * The text of an account field, masked whole whatever its words: "Main list" is a list's name
 * where a list's name stands, though both its words are the interface's.
 */
export function maskAccountText(text: string, field: AccountField): MaskedAccountText {
  if (field.kind === 'version') return maskVersion(text);
  const kept = field.kind === 'prefixed' ? maskAfterPrefix(text, field.prefixes) : null;
  const out = kept ?? placeholderFor(text);
  // A page rendered from the export must not read a placeholder as a name or a title.
  return out === text ? { text } : { text: out, masked: true };
}

/** A version chip: its share kept so that the split test still reads, its name unless a letter. */
function maskVersion(text: string): MaskedAccountText {
  const chip = VERSION_CHIP.exec(text);
  const name = (chip ? (chip[1] ?? '') : text).trim();
  if (name === '' || VERSION_LETTER.test(name)) return { text };
  if (!chip) return { text: placeholderFor(name), masked: true };
  return { text: `${placeholderFor(name)}${chip[2] ?? ''}` };
}

/** Any other text: kept words as they are, every other word (or emoji...) its placeholder. */
export function maskText(text: string, keep: (word: string) => boolean): string {
  let out = '';
  for (const token of text.match(TOKEN) ?? []) {
    if (PUNCTUATION.test(token)) out += token;
    else if (WORD.test(token) && (NUMERIC.test(token) || REFERENCE.test(token) || keep(token.toLowerCase())))
      out += token;
    else out += placeholderFor(token);
  }
  return out;
}
