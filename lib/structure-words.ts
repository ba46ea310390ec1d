import type { KartraProfile } from './kartra/profile';

/**
 * Which words of a page's texts a structure export keeps: the interface's own vocabulary, so
 * that a maintainer can correct the profile's words from an export. Everything else is masked
 * by length class. Kept:
 * - the profile's words and kind labels (timing, window, recipients, tab labels, prefixes...);
 * - words that stand in the same place on most cards (a label the profile does not know yet),
 *   unless the word also occurs in a text taken for the account's data;
 * - digits, times and dates (`10:00`, `AM`, `24th`), reference numbers (`A1`), punctuation.
 * Never kept: any word of a text the reader takes for a name, subject, tag, list or sequence
 * (a data field: only a known prefix such as "Add tag:" survives in it).
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

/** The selectors of the fields whose text is the account's data. */
export function dataSelectors(profile: KartraProfile): string[] {
  return [
    profile.editor.name,
    profile.editor.publicName,
    profile.card.fields.title,
    profile.card.fields.action,
    profile.startingRules.ruleLabel,
    profile.list.nameLink,
  ].filter((selector): selector is string => selector !== undefined);
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

/** The phrases a data field may start with ("Add tag:", "Tag applied:", "Public name:"). */
export function dataPrefixes(profile: KartraProfile): string[] {
  const { words } = profile;
  return [
    ...words.actions.map((entry) => entry.prefix),
    ...Object.values(words.rulePrefixes),
    profile.editor.publicNamePrefix,
    profile.editor.publicNameUnset,
  ]
    .filter((prefix) => prefix.trim() !== '')
    .sort((a, b) => b.length - a.length);
}

/** A data field's text: a known prefix kept, the rest one placeholder. */
export function maskData(text: string, prefixes: readonly string[]): string {
  const lower = text.toLowerCase();
  const prefix = prefixes.find((candidate) => lower.startsWith(candidate.toLowerCase()));
  if (!prefix) return placeholderFor(text);
  const rest = text.slice(prefix.length).trim();
  // "Public name: Not set" is the interface's own phrase, not a name.
  if (rest === '' || prefixes.some((phrase) => phrase.toLowerCase() === rest.toLowerCase())) return text;
  return `${text.slice(0, prefix.length)} ${placeholderFor(rest)}`;
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
