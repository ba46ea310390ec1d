import type { ZoneClock } from './timing';

/**
 * The hours in which a message reaching a contact counts as "quiet" (night, weekend): the
 * timeline marks such messages, as people read a 3 AM or Sunday email differently.
 */
export interface QuietHours {
  /** The hour quiet time starts (0-23, on the account's wall clock). */
  from: number;
  /** The hour it ends (0-23); below `from`, it runs across midnight (21 → 8: 9 PM to 8 AM). Equal to `from`: no quiet hours. */
  to: number;
  /** Saturday and Sunday are quiet all day. */
  weekends: boolean;
}

export const DEFAULT_QUIET_HOURS: Readonly<QuietHours> = { from: 21, to: 8, weekends: true };

/** Whether the moment `at` (ms) falls in quiet hours, on `clock` (the account zone's). */
export function isQuietTime(at: number, clock: ZoneClock, quiet: QuietHours): boolean {
  const { hour, weekday } = clock.zonedParts(new Date(at));
  if (quiet.weekends && (weekday === 'sat' || weekday === 'sun')) return true;
  return isQuietHour(hour, quiet);
}

/** Whether an hour of the day (0-23) is in the quiet range, weekends aside. */
export function isQuietHour(hour: number, quiet: Pick<QuietHours, 'from' | 'to'>): boolean {
  if (quiet.from === quiet.to) return false;
  return quiet.from < quiet.to
    ? hour >= quiet.from && hour < quiet.to
    : hour >= quiet.from || hour < quiet.to;
}
