import type { KartraProfile } from './profile-types';

/**
 * What a user can tell the extension about a phrase a card showed that no profile word matched:
 * the words become a partial profile override (words only, no selector), merged over whatever
 * override is stored and validated like any other.
 */

type Words = KartraProfile['words'];

export type PhraseMeaning = 'wait-days' | 'wait-hours' | 'immediate' | 'any-window' | 'anyone';

/** The meanings a phrase of each unread kind can be given, as the popup offers them. */
export const MEANINGS: Readonly<Record<string, readonly { meaning: PhraseMeaning; label: string }[]>> = {
  'timing-unread': [
    { meaning: 'wait-days', label: 'a wait, the number counting days' },
    { meaning: 'wait-hours', label: 'a wait, the number counting hours' },
    { meaning: 'immediate', label: 'right after the previous step' },
  ],
  'window-unread': [{ meaning: 'any-window', label: 'any day, any time' }],
  'recipients-unread': [{ meaning: 'anyone', label: 'everyone reaching the step' }],
};

export type Teaching = { ok: true; override: { words: Partial<Words> } } | { ok: false; problem: string };

/** "Delay of 2 days": the words before the number, the number, the unit after it. */
const WAIT_SHAPE = /^(.*?\S)\s+\d+\s+(\S+)$/u;

const withWord = (list: readonly string[], ...added: string[]) => [
  ...list,
  ...added.filter((word) => !list.some((known) => known.toLowerCase() === word.toLowerCase())),
];

/** A unit and its other number: "days" and "day", "hrs" and "hr". */
function forms(unit: string): string[] {
  const lower = unit.toLowerCase();
  if (lower.endsWith('s') && lower.length > 2) return [unit, unit.slice(0, -1)];
  return [unit, `${unit}s`];
}

/** The meaning to offer first: a wait whose unit is a known hour word counts hours. */
export function suggestedMeaning(code: string, shown: string, words: Words): PhraseMeaning | null {
  const offered = MEANINGS[code] ?? [];
  if (code === 'timing-unread') {
    const unit = WAIT_SHAPE.exec(shown.trim().replace(/\s+/g, ' '))?.[2]?.toLowerCase();
    if (unit === undefined) return 'immediate';
    return words.hour.some((word) => word.toLowerCase() === unit) ? 'wait-hours' : 'wait-days';
  }
  return offered[0]?.meaning ?? null;
}

/** The words that make `shown` read as `meaning`, or why they cannot. */
export function teachWords(words: Words, shown: string, meaning: PhraseMeaning): Teaching {
  const phrase = shown.trim().replace(/\s+/g, ' ');
  if (phrase === '') return { ok: false, problem: 'The card shows no words to teach.' };
  switch (meaning) {
    case 'wait-days':
    case 'wait-hours': {
      const match = WAIT_SHAPE.exec(phrase);
      if (!match || /\d/.test(match[1] ?? '') || /\d/.test(match[2] ?? ''))
        return {
          ok: false,
          problem: `"${phrase}" is not words, one number and a unit ("Wait 2 days"), the one shape of a wait this version reads.`,
        };
      const list = meaning === 'wait-days' ? 'day' : 'hour';
      const units = withWord(words[list], ...forms(match[2] as string));
      // A unit the profile knows already leaves its list out of the override.
      const changed = units.length > words[list].length ? { [list]: units } : {};
      return { ok: true, override: { words: { wait: match[1] as string, ...changed } } };
    }
    case 'immediate':
      return { ok: true, override: { words: { immediate: phrase } } };
    case 'any-window':
      return { ok: true, override: { words: { anyTime: phrase } } };
    case 'anyone':
      return { ok: true, override: { words: { anyoneRecipients: phrase } } };
  }
}

/** A word of the stored override that differs from the built-in profile's, as the options page lists it. */
export interface TaughtWord {
  key: keyof Words;
  value: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The override's words that differ from `builtIn`'s, phrases and lists alike. */
export function taughtWords(override: unknown, builtIn: Words): TaughtWord[] {
  if (!isRecord(override) || !isRecord(override.words)) return [];
  const taught: TaughtWord[] = [];
  for (const [key, value] of Object.entries(override.words)) {
    if (!(key in builtIn) || JSON.stringify(value) === JSON.stringify(builtIn[key as keyof Words])) continue;
    taught.push({ key: key as keyof Words, value: Array.isArray(value) ? value.join(', ') : String(value) });
  }
  return taught;
}

/** The override without the word `key`; null when nothing is left of it. */
export function forgetWord(override: unknown, key: keyof Words): unknown {
  if (!isRecord(override) || !isRecord(override.words)) return override;
  const { [key]: _forgotten, ...words } = override.words;
  const { words: _words, ...rest } = override;
  const next = Object.keys(words).length > 0 ? { ...rest, words } : rest;
  return Object.keys(next).length > 0 ? next : null;
}
