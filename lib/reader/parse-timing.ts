import type { KartraProfile } from '../kartra/profile';
import type { Delay } from '../model';
import { CLOCK_12H, clockFromParts } from './parse-clock';
import { alternation, collapse, escapeRegExp, isText, samePhrase } from './text';

type Words = KartraProfile['words'];

/**
 * A card's timing line: "Right after previous step", "Wait 2 days 3 hours", "Wait 1 day",
 * "Wait 5 hours", "On Dec 24, 2030 at 10:00 AM". Anything else is null.
 */
export function parseTiming(text: string | null | undefined, words: Words): Delay | null {
  if (!isText(text)) return null;
  const t = collapse(text);
  if (t === '') return null;
  if (samePhrase(t, words.immediate)) return { type: 'immediate' };
  return parseWait(t, words) ?? parseDate(t, words);
}

/** The patterns for one set of words, compiled once rather than per card. */
const patterns = new WeakMap<Words, { wait: RegExp; date: RegExp }>();

function patternsFor(words: Words): { wait: RegExp; date: RegExp } {
  let p = patterns.get(words);
  if (!p) {
    const wait = escapeRegExp(collapse(words.wait));
    const on = escapeRegExp(collapse(words.datePrefix));
    const at = escapeRegExp(collapse(words.dateJoin));
    p = {
      wait: new RegExp(
        `^${wait}(?:\\s+(\\d+)\\s+(?:${alternation(words.day)}))?(?:\\s+(\\d+)\\s+(?:${alternation(words.hour)}))?$`,
        'i',
      ),
      date: new RegExp(
        `^${on}\\s+(${alternation(words.months)})\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})\\s+${at}\\s+${CLOCK_12H}$`,
        'i',
      ),
    };
    patterns.set(words, p);
  }
  return p;
}

function parseWait(t: string, words: Words): Delay | null {
  const m = patternsFor(words).wait.exec(t);
  if (!m || (m[1] === undefined && m[2] === undefined)) return null;
  const days = m[1] === undefined ? 0 : Number(m[1]);
  const hours = m[2] === undefined ? 0 : Number(m[2]);
  if (!Number.isSafeInteger(days) || !Number.isSafeInteger(hours)) return null;
  return { type: 'wait', days, hours };
}

function parseDate(t: string, words: Words): Delay | null {
  const m = patternsFor(words).date.exec(t);
  if (!m) return null;
  const monthIndex = words.months.findIndex((name) => samePhrase(name, m[1] ?? ''));
  const day = Number(m[2]);
  const year = Number(m[3]);
  const clock = clockFromParts(m[4] ?? '', m[5] ?? '', m[6] ?? '');
  if (monthIndex < 0 || clock === null) return null;
  const daysInMonth = new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return null;
  const date = `${String(year).padStart(4, '0')}-${String(monthIndex + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { type: 'date', at: `${date}T${clock}` };
}
