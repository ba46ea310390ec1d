import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StepWindow, Weekday } from '../../../lib/model/model';
import {
  createTiming,
  nextWindowOpening,
  runsRightAway,
  whenStepRuns,
  windowNeverOpens,
  windowProblem,
  ZoneClocks,
} from '../../../lib/time/timing';
import { onDate, wait, weekdays } from '../checks/model-builder';

/** The tests' zone clocks, as the audit session keeps its own. */
const clocks = new ZoneClocks();
const clockOf = (zone: string) => clocks.of(zone);

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;
const any: StepWindow = { type: 'any' };

describe('account time zone', () => {
  it.each([
    ['UTC', '2026-11-27T12:30', '2026-11-27T12:30:00.000Z'],
    ['Europe/Berlin', '2026-11-27T12:30', '2026-11-27T11:30:00.000Z'],
    ['America/New_York', '2026-11-27T12:30', '2026-11-27T17:30:00.000Z'],
    ['Asia/Kolkata', '2026-11-27T12:30', '2026-11-27T07:00:00.000Z'],
    ['Europe/Berlin', '2026-07-01T12:00', '2026-07-01T10:00:00.000Z'],
    // Clocks jump from 02:00 to 03:00: 02:30 never shows, so the step waits until 03:30.
    ['Europe/Berlin', '2026-03-29T02:30', '2026-03-29T01:30:00.000Z'],
  ])('%s: %s is %s', (zone, local, expected) => {
    expect(clockOf(zone).localToInstant(local).toISOString()).toBe(expected);
  });

  it('reads the wall clock back', () => {
    const p = clockOf('Asia/Tokyo').zonedParts(new Date('2026-11-27T23:30:00Z'));
    expect([p.year, p.month, p.day, p.hour, p.minute, p.weekday]).toEqual([2026, 11, 28, 8, 30, 'sat']);
  });

  it('falls back to UTC for an unknown zone', () => {
    expect(createTiming('Mars/Olympus').timeZone).toBe('UTC');
  });

  it("names the zone, and says when it is the browser's", () => {
    expect(createTiming('Europe/London', 'setting').timeZoneLabel).toBe('Europe/London');
    expect(createTiming('Europe/London', 'browser').timeZoneLabel).toBe(
      "Europe/London (your browser's time zone)",
    );
    expect(createTiming().timeZoneSource).toBe('browser');
  });

  it.each([
    // Fall-back: 01:30 shows twice; the FIRST (daylight-time) one is taken.
    ['America/New_York', '2026-11-01T01:30', '2026-11-01T05:30:00.000Z'],
    ['Europe/London', '2026-10-25T01:30', '2026-10-25T00:30:00.000Z'],
    ['Australia/Sydney', '2026-04-05T02:30', '2026-04-04T15:30:00.000Z'],
    ['America/Sao_Paulo', '2018-02-17T23:30', '2018-02-18T01:30:00.000Z'],
    // Spring-forward: the missing wall time moves forward by the gap (02:30 → 03:30).
    ['America/New_York', '2026-03-08T02:30', '2026-03-08T07:30:00.000Z'],
    ['Europe/London', '2026-03-29T01:30', '2026-03-29T01:30:00.000Z'],
    ['Australia/Sydney', '2026-10-04T02:30', '2026-10-03T16:30:00.000Z'],
    // São Paulo sprang forward at midnight: 00:30 did not exist, 01:30 is the next reading.
    ['America/Sao_Paulo', '2018-11-04T00:30', '2018-11-04T03:30:00.000Z'],
  ])('clock changes resolve the same way everywhere: %s %s is %s', (zone, local, expected) => {
    expect(clockOf(zone).localToInstant(local).toISOString()).toBe(expected);
  });
});

describe('when a step runs', () => {
  const arrival = new Date('2026-11-27T12:00:00Z'); // a Friday

  it('right after the previous step with no window: at once', () => {
    expect(whenStepRuns({ delay: { type: 'immediate' }, window: any }, arrival, clockOf('UTC'))).toEqual({
      status: 'runs',
      at: arrival,
    });
  });

  it('waits N days as N × 24 hours from arrival, even across a clock change', () => {
    const run = whenStepRuns(
      { delay: wait(2, 3), window: any },
      new Date('2026-10-24T12:00:00Z'),
      clockOf('Europe/Berlin'),
    );
    expect(run.status === 'runs' && iso(run.at)).toBe('2026-10-26T15:00:00.000Z');
  });

  it('waits for the window to open: Friday 18:00 with Mon–Fri 9–17 runs Monday 09:00', () => {
    const run = whenStepRuns(
      { delay: { type: 'immediate' }, window: weekdays() },
      new Date('2026-11-27T18:00:00Z'),
      clockOf('UTC'),
    );
    expect(run.status === 'runs' && iso(run.at)).toBe('2026-11-30T09:00:00.000Z');
  });

  it('runs at once inside the window and at opening time before it', () => {
    expect(iso(nextWindowOpening(weekdays(), new Date('2026-11-25T10:15:00Z'), clockOf('UTC')))).toBe(
      '2026-11-25T10:15:00.000Z',
    );
    expect(iso(nextWindowOpening(weekdays(), new Date('2026-11-25T07:00:00Z'), clockOf('UTC')))).toBe(
      '2026-11-25T09:00:00.000Z',
    );
  });

  it('the window follows the account zone: 09:00 in New York is 14:00 UTC', () => {
    expect(
      iso(nextWindowOpening(weekdays(), new Date('2026-11-25T12:00:00Z'), clockOf('America/New_York'))),
    ).toBe('2026-11-25T14:00:00.000Z');
  });

  it('a wait that lands on a weekend rolls over to the next opening', () => {
    const run = whenStepRuns({ delay: wait(1), window: weekdays('08:00', '12:00') }, arrival, clockOf('UTC'));
    expect(run.status === 'runs' && iso(run.at)).toBe('2026-11-30T08:00:00.000Z');
  });

  it('a window of one day a week can be six days away', () => {
    const monday: StepWindow = { type: 'hours', days: ['mon'], from: '09:00', to: '10:00' };
    expect(iso(nextWindowOpening(monday, new Date('2026-11-24T09:30:00Z'), clockOf('UTC')))).toBe(
      '2026-11-30T09:00:00.000Z',
    );
  });

  it('a window that never opens never runs: no days, or an end equal to its start', () => {
    expect(
      whenStepRuns(
        { delay: { type: 'immediate' }, window: weekdays('09:00', '09:00') },
        arrival,
        clockOf('UTC'),
      ),
    ).toEqual({
      status: 'never',
      reason: 'window',
    });
    expect(windowNeverOpens({ type: 'hours', days: [], from: '09:00', to: '17:00' })).toBe(true);
    expect(windowNeverOpens(weekdays())).toBe(false);
    expect(windowProblem(weekdays('09:00', '09:00'))).toBe('empty');
    expect(windowProblem({ type: 'hours', days: [], from: '09:00', to: '17:00' })).toBe('no-days');
  });

  it('an end of 12:00 AM ("24:00") is midnight at the end of the day', () => {
    const evenings = weekdays('09:00', '24:00');
    expect(windowProblem(evenings)).toBeNull();
    // Friday 23:30 is inside 9:00 AM – 12:00 AM; Friday 23:59 too; Saturday waits for Monday.
    expect(iso(nextWindowOpening(evenings, new Date('2026-11-27T23:30:00Z'), clockOf('UTC')))).toBe(
      '2026-11-27T23:30:00.000Z',
    );
    expect(iso(nextWindowOpening(evenings, new Date('2026-11-28T00:00:00Z'), clockOf('UTC')))).toBe(
      '2026-11-30T09:00:00.000Z',
    );
    expect(windowProblem(weekdays('00:00', '24:00'))).toBeNull();
  });

  it('an overnight window (end before start) is not decided: its meaning is not documented', () => {
    expect(windowProblem(weekdays('17:00', '09:00'))).toBe('overnight');
    expect(windowNeverOpens(weekdays('17:00', '09:00'))).toBe(false);
    expect(nextWindowOpening(weekdays('17:00', '09:00'), arrival, clockOf('UTC'))).toBeUndefined();
    expect(
      whenStepRuns(
        { delay: { type: 'immediate' }, window: weekdays('17:00', '09:00') },
        arrival,
        clockOf('UTC'),
      ),
    ).toEqual({ status: 'unknown', missing: 'overnight-window' });
  });

  it('a specific date: waits for it, runs within about 2 hours after, then skips', () => {
    const step = { delay: onDate('2026-11-27T10:00'), window: any };
    expect(
      iso((whenStepRuns(step, new Date('2026-11-26T00:00:00Z'), clockOf('UTC')) as { at: Date }).at),
    ).toBe('2026-11-27T10:00:00.000Z');
    expect(whenStepRuns(step, new Date('2026-11-27T11:00:00Z'), clockOf('UTC')).status).toBe('runs');
    expect(whenStepRuns(step, new Date('2026-11-27T12:01:00Z'), clockOf('UTC'))).toEqual({
      status: 'skipped',
      reason: 'date-past',
    });
  });

  it('says what it could not read', () => {
    expect(whenStepRuns({ delay: null, window: any }, arrival, clockOf('UTC'))).toEqual({
      status: 'unknown',
      missing: 'delay',
    });
    expect(whenStepRuns({ delay: wait(1), window: null }, arrival, clockOf('UTC'))).toEqual({
      status: 'unknown',
      missing: 'window',
    });
  });

  it('tells steps that run at once from steps that may hold a contact', () => {
    expect(runsRightAway({ active: true, delay: { type: 'immediate' }, window: any })).toBe(true);
    expect(runsRightAway({ active: true, delay: wait(0, 0), window: any })).toBe(true);
    expect(runsRightAway({ active: true, delay: wait(0, 1), window: any })).toBe(false);
    expect(runsRightAway({ active: true, delay: { type: 'immediate' }, window: weekdays() })).toBe(false);
    expect(runsRightAway({ active: true, delay: null, window: any })).toBeNull();
    expect(runsRightAway({ active: true, delay: wait(1), window: null })).toBe(false);
    expect(runsRightAway({ active: false, delay: wait(3), window: weekdays() })).toBe(true);
  });
});

const DAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const clock = fc
  .integer({ min: 0, max: 23 * 60 + 59 })
  .map((m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);

describe('window properties', () => {
  it('the step runs at or after the delay, on an allowed day, inside the hours', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2025-01-01T00:00:00Z'),
          max: new Date('2028-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.subarray(DAYS, { minLength: 1 }),
        clock,
        clock,
        fc.constantFrom('UTC', 'Europe/Berlin', 'America/New_York', 'Australia/Sydney'),
        fc.integer({ min: 0, max: 3 }),
        (arrival, days, a, b, zone, waitDays) => {
          const [from, to] = a < b ? [a, b] : [b, a];
          fc.pre(from !== to);
          const run = whenStepRuns(
            { delay: wait(waitDays), window: { type: 'hours', days, from, to } },
            arrival,
            clockOf(zone),
          );
          expect(run.status).toBe('runs');
          if (run.status !== 'runs') return;
          expect(run.at.getTime()).toBeGreaterThanOrEqual(arrival.getTime() + waitDays * 86_400_000);
          const p = clockOf(zone).zonedParts(run.at);
          const hhmm = `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
          expect(days).toContain(p.weekday);
          // On the night clocks jump forward, a window inside the missing hour opens an hour late.
          const offset = (d: Date) => {
            const z = clockOf(zone).zonedParts(d);
            return (
              Date.UTC(z.year, z.month - 1, z.day, z.hour, z.minute) -
              Math.floor(d.getTime() / 60_000) * 60_000
            );
          };
          const clockJumped = offset(run.at) !== offset(new Date(run.at.getTime() - 3 * 3_600_000));
          expect(hhmm >= from).toBe(true);
          if (!clockJumped) expect(hhmm < to).toBe(true);
        },
      ),
    );
  });
});

// One formatter per zone: making one costs a hundred times what formatting does, and the
// transition walk below formats hundreds of thousands of instants.
const wallFormats = new Map<string, Intl.DateTimeFormat>();

/** The wall clock of an instant in a zone, read straight from Intl (not through lib/timing). */
function intlWall(instant: number, timeZone: string): string {
  let f = wallFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    wallFormats.set(timeZone, f);
  }
  const p: Record<string, string> = {};
  for (const part of f.formatToParts(new Date(instant))) p[part.type] = part.value;
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

const ZONES = [
  'America/New_York',
  'Europe/London',
  'Australia/Sydney',
  'Asia/Kolkata',
  'America/Sao_Paulo',
  'UTC',
];
const MINUTE_MS = 60_000;
const instantArb = fc
  .integer({ min: Date.UTC(2000, 0, 1) / MINUTE_MS, max: Date.UTC(2040, 0, 1) / MINUTE_MS })
  .map((m) => m * MINUTE_MS);
const wallArb = fc.record({
  year: fc.integer({ min: 2000, max: 2039 }),
  month: fc.integer({ min: 1, max: 12 }),
  day: fc.integer({ min: 1, max: 28 }),
  hour: fc.integer({ min: 0, max: 23 }),
  minute: fc.integer({ min: 0, max: 59 }),
});
const wallText = (w: { year: number; month: number; day: number; hour: number; minute: number }) =>
  new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute)).toISOString().slice(0, 16);

describe('wall clock to instant, checked against Intl in several zones', () => {
  it("every instant's wall time maps back to it, or to the earlier of a repeated hour", () => {
    fc.assert(
      fc.property(instantArb, fc.constantFrom(...ZONES), (instant, zone) => {
        const wall = intlWall(instant, zone);
        const got = clockOf(zone).localToInstant(wall).getTime();
        expect(intlWall(got, zone)).toBe(wall);
        expect(got).toBeLessThanOrEqual(instant);
        // Not equal only inside a fall-back's repeated hour (at most 2 hours apart, same reading).
        expect(instant - got).toBeLessThanOrEqual(2 * 3_600_000);
      }),
      { numRuns: 600 },
    );
  });

  it('a wall time that exists gives its first instant; one that was skipped moves forward by the gap', () => {
    fc.assert(
      fc.property(wallArb, fc.constantFrom(...ZONES), (w, zone) => {
        const wanted = wallText(w);
        const got = clockOf(zone).wallClockToInstant(w.year, w.month, w.day, w.hour, w.minute).getTime();
        const shown = intlWall(got, zone);
        // No earlier instant reads the same wall time (offsets change by at most 2 hours).
        for (let back = 15; back <= 120; back += 15) {
          expect(intlWall(got - back * MINUTE_MS, zone)).not.toBe(wanted);
        }
        if (shown === wanted) return;
        // Skipped: the reading is later than asked by the gap, and the minute before it is
        // still on the old offset (so it is the first instant after the jump plus the gap).
        const ahead = Date.parse(`${shown}:00Z`) - Date.parse(`${wanted}:00Z`);
        expect(ahead).toBeGreaterThan(0);
        expect(ahead).toBeLessThanOrEqual(2 * 3_600_000);
        const offsetOf = (t: number) => Date.parse(`${intlWall(t, zone)}:00Z`) - t;
        expect(offsetOf(got) - offsetOf(got - ahead - MINUTE_MS)).toBe(ahead);
      }),
      { numRuns: 600 },
    );
  });

  it("clock changes themselves are resolved: each zone's transitions, tried minute by minute", () => {
    for (const zone of ZONES) {
      // Walk 2026 (2018 for São Paulo, which has had no DST since 2019) hour by hour to find changes.
      const year = zone === 'America/Sao_Paulo' ? 2018 : 2026;
      for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 3_600_000) {
        const offset = (x: number) => Date.parse(`${intlWall(x, zone)}:00Z`) - x;
        if (offset(t) === offset(t + 3_600_000)) continue;
        for (let m = -90; m <= 150; m += 10) {
          const instant = t + m * MINUTE_MS;
          const wall = intlWall(instant, zone);
          const got = clockOf(zone).localToInstant(wall).getTime();
          expect(intlWall(got, zone), `${zone} ${wall}`).toBe(wall);
          expect(got).toBeLessThanOrEqual(instant);
        }
      }
    }
  });
});
