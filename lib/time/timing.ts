import type { Delay, Step, StepWindow, Weekday } from '../model/model';

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

/** Whether Intl knows the zone (building a formatter costs milliseconds: for a few calls only). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
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

const QUARTER_HOUR = 15 * 60 * 1000;

/**
 * One zone's wall clock. Intl's formatToParts is the cost of the date rules and the timeline
 * otherwise, so a clock remembers the offsets it has read; whoever makes one keeps it as long as
 * that helps (the audit session keeps its clocks across audits; a render makes one for its
 * timeline). Throws a RangeError for a zone Intl does not know.
 */
export class ZoneClock {
  readonly timeZone: string;
  // Building a formatter costs far more than using one.
  private readonly format: Intl.DateTimeFormat;
  private readonly quarterOffsets = new Map<number, number>();
  private readonly dayOffsets = new Map<number, number>();

  constructor(timeZone: string) {
    this.timeZone = timeZone;
    this.format = new Intl.DateTimeFormat('en-US', {
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
  }

  /** The wall clock at an instant, as Intl reads it. */
  private intlParts(date: Date): ZonedParts {
    const parts: Record<string, string> = {};
    for (const p of this.format.formatToParts(date)) parts[p.type] = p.value;
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

  /**
   * Every zone's offset changes only on a quarter hour of UTC (tzdb's transitions since 1900 all
   * fall on one), so one Intl read per quarter hour gives the offset for every instant in it.
   * Bounded.
   */
  private offsetInQuarter(instant: number): number {
    const start = Math.floor(instant / QUARTER_HOUR) * QUARTER_HOUR;
    let offset = this.quarterOffsets.get(start);
    if (offset === undefined) {
      const p = this.intlParts(new Date(start));
      offset = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - start;
      if (this.quarterOffsets.size > 4096) this.quarterOffsets.clear();
      this.quarterOffsets.set(start, offset);
    }
    return offset;
  }

  /**
   * A timeline runs over months and years, a few instants a day: a quarter hour each would make
   * thousands of Intl reads. A UTC day that starts and ends on the same offset keeps it
   * throughout (no zone changes its clock twice within a day), so two reads per day do; the day
   * of a change (NaN here) is read by the quarter hour. Numbered days, bounded.
   */
  private offsetOfInstant(instant: number): number {
    const day = Math.floor(instant / DAY);
    let offset = this.dayOffsets.get(day);
    if (offset === undefined) {
      const starts = this.offsetInQuarter(day * DAY);
      offset = starts === this.offsetInQuarter((day + 1) * DAY) ? starts : Number.NaN;
      // 40,000 days is over a century of one zone's dates.
      if (this.dayOffsets.size > 40_000) this.dayOffsets.clear();
      this.dayOffsets.set(day, offset);
    }
    return Number.isNaN(offset) ? this.offsetInQuarter(instant) : offset;
  }

  /** The wall-clock date at an instant, as days since 1970-01-01 (cheaper than zonedParts). */
  wallClockDay(instant: number): number {
    return Math.floor((instant + this.offsetOfInstant(instant)) / DAY);
  }

  /** The wall clock at an instant. */
  zonedParts(date: Date): ZonedParts {
    const instant = date.getTime();
    if (!Number.isFinite(instant)) return this.intlParts(date);
    const wall = new Date(instant + this.offsetOfInstant(instant));
    return {
      year: wall.getUTCFullYear(),
      month: wall.getUTCMonth() + 1,
      day: wall.getUTCDate(),
      hour: wall.getUTCHours(),
      minute: wall.getUTCMinutes(),
      second: wall.getUTCSeconds(),
      weekday: WEEKDAYS[(wall.getUTCDay() + 6) % 7] as Weekday,
    };
  }

  /**
   * The instant at which the wall clock reads the given date and time (an hour of 24 is
   * midnight at the end of that day). Clock changes resolve the same way in every zone, as
   * JavaScript's Temporal does by default ("compatible"):
   * - a repeated wall time (the hour a fall-back shows twice) is its FIRST occurrence, the
   *   earlier instant, so a step due then runs at the first chance;
   * - a skipped wall time (the hour a spring-forward jumps over) moves FORWARD by the length of
   *   the gap: 02:30 on a night that jumps from 02:00 to 03:00 is 03:30, the offset from before.
   */
  wallClockToInstant(year: number, month: number, day: number, hour: number, minute: number): Date {
    const wall = Date.UTC(year, month - 1, day, hour, minute);
    // Transitions are days apart: a day either side gives the offsets before and after any
    // change near this wall time (the true instant lies within 14 hours of `wall`).
    const before = this.offsetOfInstant(wall - DAY);
    const after = this.offsetOfInstant(wall + DAY);
    // The same offset on both sides: no change near this wall time, so it reads once, at wall - offset.
    if (before === after) return new Date(wall - before);
    const readsWall = (instant: number) => instant + this.offsetOfInstant(instant) === wall;
    const matches = [wall - before, wall - after].filter(readsWall);
    if (matches.length > 0) return new Date(Math.min(...matches));
    return new Date(wall - before);
  }

  /** "2030-12-24T10:00" on this clock, as an instant. */
  localToInstant(local: string): Date {
    const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
    if (!m) return new Date(Number.NaN);
    return this.wallClockToInstant(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]));
  }
}

/** The clocks of the zones one owner reads (the audit session: its account's zone, or UTC). */
export class ZoneClocks {
  private readonly clocks = new Map<string, ZoneClock | null>();

  /** The zone's clock; null when Intl does not know the zone. */
  find(timeZone: string): ZoneClock | null {
    let clock = this.clocks.get(timeZone);
    if (clock === undefined) {
      try {
        clock = new ZoneClock(timeZone);
      } catch {
        clock = null;
      }
      if (this.clocks.size > 16) this.clocks.clear();
      this.clocks.set(timeZone, clock);
    }
    return clock;
  }

  /** The zone's clock; throws a RangeError when Intl does not know the zone. */
  of(timeZone: string): ZoneClock {
    const clock = this.find(timeZone);
    if (clock === null) throw new RangeError(`Invalid time zone specified: ${timeZone}`);
    return clock;
  }
}

/**
 * Minutes since midnight of a window's clock time. "24:00" is only ever a window's end: an end
 * of 12:00 AM on the card is midnight at the END of the day, so 9:00 AM – 12:00 AM runs until
 * midnight (the reader writes such an end as "24:00").
 */
function minutesOf(clock: string): number {
  // "HH:MM" (the model's schema): read in place, as a timeline asks for every windowed step.
  return Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
}

/**
 * What is wrong with a window, if anything:
 * - 'no-days': no day ticked, so it never opens;
 * - 'empty': its end equals its start, so it never opens;
 * - 'overnight': its end is before its start. Kartra does not document whether that runs
 *   across midnight or never, so rules answer 'review' and timing treats the step as unknown.
 */
export type WindowProblem = 'no-days' | 'empty' | 'overnight';

export function windowProblem(window: StepWindow): WindowProblem | null {
  if (window.type === 'any') return null;
  if (window.days.length === 0) return 'no-days';
  const open = minutesOf(window.from);
  const close = minutesOf(window.to);
  if (close === open) return 'empty';
  return close < open ? 'overnight' : null;
}

/** A window with no days, or whose end equals its start, never lets a step run. */
export function windowNeverOpens(window: StepWindow): boolean {
  const problem = windowProblem(window);
  return problem === 'no-days' || problem === 'empty';
}

/**
 * The first instant at or after `from` when the window is open; null if it never opens, and
 * undefined for an overnight window (its meaning is not documented).
 */
export function nextWindowOpening(window: StepWindow, from: Date, clock: ZoneClock): Date | null | undefined {
  if (window.type === 'any') return from;
  const problem = windowProblem(window);
  if (problem === 'overnight') return undefined;
  if (problem !== null) return null;
  const days = new Set(window.days);
  const open = minutesOf(window.from);
  const close = minutesOf(window.to);
  const here = clock.zonedParts(from);
  // Eight days covers every weekday once more, whatever today is.
  for (let k = 0; k <= 7; k++) {
    const date = new Date(Date.UTC(here.year, here.month - 1, here.day + k));
    const weekday = WEEKDAYS[(date.getUTCDay() + 6) % 7] as Weekday;
    if (!days.has(weekday)) continue;
    const y = date.getUTCFullYear();
    const mo = date.getUTCMonth() + 1;
    const d = date.getUTCDate();
    const opensAt = clock.wallClockToInstant(y, mo, d, Math.floor(open / 60), open % 60);
    const closesAt = clock.wallClockToInstant(y, mo, d, Math.floor(close / 60), close % 60);
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
  | { status: 'unknown'; missing: 'delay' | 'window' }
  /** An overnight window (end before start): Kartra's handling of it is not documented. */
  | { status: 'unknown'; missing: 'overnight-window' };

/** When a step runs for a contact who arrives on it at `arrival`. */
export function whenStepRuns(step: Pick<Step, 'delay' | 'window'>, arrival: Date, clock: ZoneClock): StepRun {
  if (step.delay === null) return { status: 'unknown', missing: 'delay' };
  let due: Date;
  if (step.delay.type === 'date') {
    const at = clock.localToInstant(step.delay.at);
    if (arrival.getTime() > at.getTime() + DATE_STEP_GRACE_MS)
      return { status: 'skipped', reason: 'date-past' };
    due = arrival.getTime() > at.getTime() ? arrival : at;
  } else {
    due = new Date(arrival.getTime() + (delayLengthMs(step.delay) ?? 0));
  }
  if (step.window === null) return { status: 'unknown', missing: 'window' };
  const at = nextWindowOpening(step.window, due, clock);
  if (at === undefined) return { status: 'unknown', missing: 'overnight-window' };
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

/** When a contact leaves a step it arrived on, and whether that is certain (timing fully read). */
export interface StepPassage {
  leavesAt: number;
  /** false when the time is a lower bound: part of the step's timing could not be read. */
  sure: boolean;
}

/**
 * When a contact who arrived on a step at `arrival` (ms) moves on: an inactive step is skipped
 * at once, a date step whose firing window has closed too; null when the step never runs (its
 * window never opens). Unread timing gives the arrival itself, marked not sure (a lower bound).
 */
export function passStep(
  step: Pick<Step, 'active' | 'delay' | 'window'>,
  arrival: number,
  clock: ZoneClock,
): StepPassage | null {
  if (!step.active) return { leavesAt: arrival, sure: true };
  const run = whenStepRuns(step, new Date(arrival), clock);
  if (run.status === 'runs') return { leavesAt: run.at.getTime(), sure: true };
  if (run.status === 'skipped') return { leavesAt: arrival, sure: true };
  if (run.status === 'never') return null;
  return { leavesAt: arrival, sure: false };
}

/** The reported firing window of a date-specific step: from its time to about 2 hours after. */
export function dateStepWindow(local: string, clock: ZoneClock): { opens: Date; closes: Date } {
  const opens = clock.localToInstant(local);
  return { opens, closes: new Date(opens.getTime() + DATE_STEP_GRACE_MS) };
}

/** Where the account's time zone came from: the user's setting, or the browser (no setting). */
export type TimeZoneSource = 'setting' | 'browser';

/** The timing helper handed to checks, bound to the account's time zone. */
export interface Timing {
  readonly timeZone: string;
  /** The zone's clock: the timeline reads wall-clock days on it. */
  readonly clock: ZoneClock;
  readonly timeZoneSource: TimeZoneSource;
  /** The zone as findings name it: "Europe/Berlin", or "Europe/Berlin (your browser's time zone)". */
  readonly timeZoneLabel: string;
  localToInstant(local: string): Date;
  dateStepWindow(local: string): { opens: Date; closes: Date };
  whenStepRuns(step: Pick<Step, 'delay' | 'window'>, arrival: Date): StepRun;
  passStep(step: Pick<Step, 'active' | 'delay' | 'window'>, arrival: number): StepPassage | null;
  runsRightAway(step: Pick<Step, 'active' | 'delay' | 'window'>): boolean | null;
  windowNeverOpens(window: StepWindow): boolean;
  windowProblem(window: StepWindow): WindowProblem | null;
  /** The wall-clock text of an instant in the account zone: "2026-11-27 13:00". */
  formatLocal(date: Date): string;
}

/**
 * The timing helper for a zone. With no zone, the browser's; `source` says whether the zone is
 * the user's account setting or the browser's own, so findings can say which they used. A zone
 * Intl does not know is read as UTC. `clocks`: the owner's, kept between audits (by default, new).
 */
export function createTiming(
  timeZone?: string,
  source?: TimeZoneSource,
  clocks: ZoneClocks = new ZoneClocks(),
): Timing {
  const clock = clocks.find(timeZone ?? defaultTimeZone()) ?? clocks.of('UTC');
  const zone = clock.timeZone;
  const origin: TimeZoneSource = source ?? (timeZone === undefined ? 'browser' : 'setting');
  const pad = (v: number) => String(v).padStart(2, '0');
  return {
    timeZone: zone,
    clock,
    timeZoneSource: origin,
    timeZoneLabel: origin === 'browser' ? `${zone} (your browser's time zone)` : zone,
    localToInstant: (local) => clock.localToInstant(local),
    dateStepWindow: (local) => dateStepWindow(local, clock),
    whenStepRuns: (step, arrival) => whenStepRuns(step, arrival, clock),
    passStep: (step, arrival) => passStep(step, arrival, clock),
    runsRightAway,
    windowNeverOpens,
    windowProblem,
    formatLocal: (date) => {
      const p = clock.zonedParts(date);
      return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
    },
  };
}
