import { collapse } from './text';

/**
 * "9:00 AM" → "09:00" (24-hour clock). The AM/PM markers are the English clock notation, not a
 * Kartra phrase, so they live here rather than in the profile.
 */
export const CLOCK_12H = '(\\d{1,2}):(\\d{2})\\s*([AaPp])\\.?\\s*[Mm]\\.?';

export function clockFromParts(hour: string, minute: string, half: string): string | null {
  const h = Number(hour);
  const m = Number(minute);
  if (!Number.isInteger(h) || !Number.isInteger(m) || h < 1 || h > 12 || m < 0 || m > 59) return null;
  const pm = half.toLowerCase() === 'p';
  const h24 = (h % 12) + (pm ? 12 : 0);
  return `${String(h24).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/**
 * A window's end time: as clockFromParts, except that 12:00 AM is midnight at the END of the
 * day, "24:00" (the same reading lib/time/timing.ts gives a window's end).
 */
export function windowEndFromParts(hour: string, minute: string, half: string): string | null {
  const clock = clockFromParts(hour, minute, half);
  return clock === '00:00' ? '24:00' : clock;
}

const CLOCK_12H_ONLY = new RegExp(`^${CLOCK_12H}$`);

export function parseClock12(text: string | null | undefined): string | null {
  if (typeof text !== 'string') return null;
  const m = CLOCK_12H_ONLY.exec(collapse(text));
  if (!m) return null;
  return clockFromParts(m[1] ?? '', m[2] ?? '', m[3] ?? '');
}
