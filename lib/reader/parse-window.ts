import type { KartraProfile } from '../kartra/profile';
import type { StepWindow, Weekday } from '../model/model';
import { CLOCK_12H, clockFromParts, windowEndFromParts } from './parse-clock';
import { collapse, DASH, isText, samePhrase } from './text';

type Words = KartraProfile['words'];

// A local copy: importing model.ts's value would bundle zod into the content script.
const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

const DAYS_AND_HOURS = new RegExp(`^(.+?),\\s*${CLOCK_12H}\\s*${DASH}\\s*${CLOCK_12H}$`);
const DASH_PATTERN = new RegExp(DASH);

/**
 * A card's day-and-time window: "Any day, any time", or "<days>, <from> – <to>" where days are
 * "Every day", "No days", or a list of weekdays and runs ("Mon–Fri", "Mon, Wed, Fri").
 * An end of 12:00 AM is midnight at the end of the day ("24:00"); a start of 12:00 AM is "00:00".
 */
export function parseWindow(text: string | null | undefined, words: Words): StepWindow | null {
  if (!isText(text)) return null;
  const t = collapse(text);
  if (t === '') return null;
  if (samePhrase(t, words.anyTime)) return { type: 'any' };
  const m = DAYS_AND_HOURS.exec(t);
  if (!m) return null;
  const days = parseDays(m[1] ?? '', words);
  const from = clockFromParts(m[2] ?? '', m[3] ?? '', m[4] ?? '');
  const to = windowEndFromParts(m[5] ?? '', m[6] ?? '', m[7] ?? '');
  if (days === null || from === null || to === null) return null;
  return { type: 'hours', days, from, to };
}

/** The days part of a window; null when any piece is not a weekday or a forward run. */
export function parseDays(text: string, words: Words): Weekday[] | null {
  const t = collapse(text);
  if (samePhrase(t, words.everyDay)) return [...WEEKDAYS];
  if (samePhrase(t, words.noDays)) return [];
  const chosen = new Set<number>();
  for (const piece of t.split(',')) {
    const ends = piece.split(DASH_PATTERN).map((s) => s.trim());
    if (ends.length === 1) {
      const day = weekdayIndex(ends[0] ?? '', words);
      if (day < 0) return null;
      chosen.add(day);
    } else if (ends.length === 2) {
      const first = weekdayIndex(ends[0] ?? '', words);
      const last = weekdayIndex(ends[1] ?? '', words);
      if (first < 0 || last < 0 || last < first) return null;
      for (let d = first; d <= last; d++) chosen.add(d);
    } else {
      return null;
    }
  }
  return WEEKDAYS.filter((_, i) => chosen.has(i));
}

function weekdayIndex(text: string, words: Words): number {
  if (text === '') return -1;
  return words.weekdays.findIndex((name) => samePhrase(name, text));
}
