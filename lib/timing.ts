import type { Delay, Step, StepWindow, Weekday } from './model';

// A local copy: importing model.ts's value would bundle zod into the content script.
const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/**
 * When a step runs for a contact, following Kartra's timing article (KB 153000172584): first
 * the delay (right after the previous step, wait N days/hours from arrival on the step, or a
 * specific date), then the day-and-time window, waiting for its next opening if it is closed.
 * Clock times are wall-clock times in the account's time zone (KB 153000163830).
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Date-specific steps are reported to fire for about 2 hours after their time, then be skipped. */
export const DATE_STEP_GRACE_MS = 2 * HOUR;

export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: Weekday;
}

export function defaultTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

// Every audit asks; building an Intl formatter to find out costs milliseconds each time.
const zoneValidity = new Map<string, boolean>();

export function isValidTimeZone(timeZone: string): boolean {
  let valid = zoneValidity.get(timeZone);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone });
      valid = true;
    } catch {
      valid = false;
    }
    if (zoneValidity.size > 64) zoneValidity.clear();
    zoneValidity.set(timeZone, valid);
  }
  return valid;
}

// Building a formatter costs far more than using one; the audit asks for few zones.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const WEEKDAY_BY_SHORT: Record<string, Weekday> = {
  Mon: 'mon',
  Tue: 'tue',
  Wed: 'wed',
  Thu: 'thu',
  Fri: 'fri',
  Sat: 'sat',
  Sun: 'sun',
};

/** The wall clock in `timeZone` at an instant. */
export function zonedParts(date: Date, timeZone: string): ZonedParts {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(date)) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAY_BY_SHORT[parts.weekday ?? ''] ?? 'mon',
  };
}

function offsetAt(instant: number, timeZone: string): number {
  const p = zonedParts(new Date(instant), timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - (instant - (((instant % 1000) + 1000) % 1000));
}

/** The instant at which the wall clock in `timeZone` reads the given date and time. */
export function wallClockToInstant(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  timeZone: string,
): Date {
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  const first = guess - offsetAt(guess, timeZone);
  const second = guess - offsetAt(first, timeZone);
  // In a spring-forward gap neither reading matches; the later one is when the clock resumes.
  return new Date(Math.max(first, second));
}

/** "2030-12-24T10:00" in the account time zone, as an instant. */
export function localToInstant(local: string, timeZone: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return new Date(Number.NaN);
  return wallClockToInstant(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), timeZone);
}

function minutesOf(clock: string): number {
  const [h, m] = clock.split(':');
  return Number(h) * 60 + Number(m);
}

/** A window with no days, or whose end is not after its start, never lets a step run. */
export function windowNeverOpens(window: StepWindow): boolean {
  if (window.type === 'any') return false;
  return window.days.length === 0 || minutesOf(window.to) <= minutesOf(window.from);
}

/** The first instant at or after `from` when the window is open, or null if it never opens. */
export function nextWindowOpening(window: StepWindow, from: Date, timeZone: string): Date | null {
  if (window.type === 'any') return from;
  if (windowNeverOpens(window)) return null;
  const days = new Set(window.days);
  const open = minutesOf(window.from);
  const close = minutesOf(window.to);
  const here = zonedParts(from, timeZone);
  // Eight days covers every weekday once more, whatever today is.
  for (let k = 0; k <= 7; k++) {
    const date = new Date(Date.UTC(here.year, here.month - 1, here.day + k));
    const weekday = WEEKDAYS[(date.getUTCDay() + 6) % 7] as Weekday;
    if (!days.has(weekday)) continue;
    const y = date.getUTCFullYear();
    const mo = date.getUTCMonth() + 1;
    const d = date.getUTCDate();
    const opensAt = wallClockToInstant(y, mo, d, Math.floor(open / 60), open % 60, timeZone);
    const closesAt = wallClockToInstant(y, mo, d, Math.floor(close / 60), close % 60, timeZone);
    if (from.getTime() < opensAt.getTime()) return opensAt;
    if (from.getTime() < closesAt.getTime()) return from;
  }
  return null;
}

/** How long the delay holds a contact, in ms; null for a specific date (no fixed length). */
export function delayLengthMs(delay: Delay): number | null {
  if (delay.type === 'immediate') return 0;
  if (delay.type === 'wait') return delay.days * DAY + delay.hours * HOUR;
  return null;
}

export type StepRun =
  | { status: 'runs'; at: Date }
  | { status: 'never'; reason: 'window' }
  | { status: 'skipped'; reason: 'date-past' }
  | { status: 'unknown'; missing: 'delay' | 'window' };

/** When a step runs for a contact who arrives on it at `arrival`. */
export function whenStepRuns(step: Pick<Step, 'delay' | 'window'>, arrival: Date, timeZone: string): StepRun {
  if (step.delay === null) return { status: 'unknown', missing: 'delay' };
  let due: Date;
  if (step.delay.type === 'date') {
    const at = localToInstant(step.delay.at, timeZone);
    if (arrival.getTime() > at.getTime() + DATE_STEP_GRACE_MS)
      return { status: 'skipped', reason: 'date-past' };
    due = arrival.getTime() > at.getTime() ? arrival : at;
  } else {
    due = new Date(arrival.getTime() + (delayLengthMs(step.delay) ?? 0));
  }
  if (step.window === null) return { status: 'unknown', missing: 'window' };
  const at = nextWindowOpening(step.window, due, timeZone);
  return at ? { status: 'runs', at } : { status: 'never', reason: 'window' };
}

/**
 * Whether a step always runs the moment a contact arrives: no delay and no window. Inactive
 * steps are skipped, so they never hold anyone. null when the card's timing was not read.
 */
export function runsRightAway(step: Pick<Step, 'active' | 'delay' | 'window'>): boolean | null {
  if (!step.active) return true;
  const delayHolds =
    step.delay === null ? null : step.delay.type === 'date' || delayLengthMs(step.delay) !== 0;
  const windowHolds = step.window === null ? null : step.window.type !== 'any';
  if (delayHolds === true || windowHolds === true) return false;
  if (delayHolds === null || windowHolds === null) return null;
  return true;
}

/** The timing helper handed to checks, bound to the account's time zone. */
export interface Timing {
  readonly timeZone: string;
  localToInstant(local: string): Date;
  whenStepRuns(step: Pick<Step, 'delay' | 'window'>, arrival: Date): StepRun;
  runsRightAway(step: Pick<Step, 'active' | 'delay' | 'window'>): boolean | null;
  windowNeverOpens(window: StepWindow): boolean;
  /** The wall-clock text of an instant in the account zone: "2026-11-27 13:00". */
  formatLocal(date: Date): string;
}

export function createTiming(timeZone: string = defaultTimeZone()): Timing {
  const zone = isValidTimeZone(timeZone) ? timeZone : 'UTC';
  const pad = (v: number) => String(v).padStart(2, '0');
  return {
    timeZone: zone,
    localToInstant: (local) => localToInstant(local, zone),
    whenStepRuns: (step, arrival) => whenStepRuns(step, arrival, zone),
    runsRightAway,
    windowNeverOpens,
    formatLocal: (date) => {
      const p = zonedParts(date, zone);
      return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
    },
  };
}
