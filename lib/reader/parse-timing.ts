import type { KartraProfile } from '../kartra/profile';
import type { Delay } from '../model/model';
import { CLOCK_12H, clockFromParts } from './parse-clock';
import { alternation, collapse, escapeRegExp, isText, samePhrase } from './text';

type Words = KartraProfile['words'];

/**
 * A profile's timing words as patterns. Compiling them costs more than reading a card, so the
 * reader's per-profile state (StepCache, kept by the audit session) makes them once per profile.
 */
export interface TimingPatterns {
  readonly words: Words;
  readonly wait: RegExp;
  readonly date: RegExp;
}

export function timingPatterns(words: Words): TimingPatterns {
  const wait = escapeRegExp(collapse(words.wait));
  const on = escapeRegExp(collapse(words.datePrefix));
  const at = escapeRegExp(collapse(words.dateJoin));
  return {
    words,
    wait: new RegExp(
      `^${wait}(?:\\s+(\\d+)\\s+(?:${alternation(words.day)}))?(?:\\s+(\\d+)\\s+(?:${alternation(words.hour)}))?$`,
      'i',
    ),
    date: new RegExp(
      `^${on}\\s+(${alternation(words.months)})\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})\\s+${at}\\s+${CLOCK_12H}$`,
      'i',
    ),
  };
}

/**
 * A card's timing line: "Right after previous step", "Wait 2 days 3 hours", "Wait 1 day",
 * "Wait 5 hours", "On Dec 24, 2030 at 10:00 AM". Anything else is null.
 */
export function parseTiming(text: string | null | undefined, patterns: TimingPatterns): Delay | null {
  if (!isText(text)) return null;
  const t = collapse(text);
  if (t === '') return null;
  if (samePhrase(t, patterns.words.immediate)) return { type: 'immediate' };
  return parseWait(t, patterns) ?? parseDate(t, patterns);
}

function parseWait(t: string, patterns: TimingPatterns): Delay | null {
  const m = patterns.wait.exec(t);
  if (!m || (m[1] === undefined && m[2] === undefined)) return null;
  const days = m[1] === undefined ? 0 : Number(m[1]);
  const hours = m[2] === undefined ? 0 : Number(m[2]);
  if (!Number.isSafeInteger(days) || !Number.isSafeInteger(hours)) return null;
  return { type: 'wait', days, hours };
}

function parseDate(t: string, patterns: TimingPatterns): Delay | null {
  const m = patterns.date.exec(t);
  if (!m) return null;
  const monthIndex = patterns.words.months.findIndex((name) => samePhrase(name, m[1] ?? ''));
  const day = Number(m[2]);
  const year = Number(m[3]);
  const clock = clockFromParts(m[4] ?? '', m[5] ?? '', m[6] ?? '');
  if (monthIndex < 0 || clock === null) return null;
  const daysInMonth = new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return null;
  const date = `${String(year).padStart(4, '0')}-${String(monthIndex + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { type: 'date', at: `${date}T${clock}` };
}
