import { describe, expect, it } from 'vitest';
import { isQuietTime, type QuietHours } from '../../../lib/time/quiet-hours';
import { ZoneClocks } from '../../../lib/time/timing';

/** The tests' zone clocks, as the audit session keeps its own. */
const clocks = new ZoneClocks();
const clockOf = (zone: string) => clocks.of(zone);

const NIGHTS: QuietHours = { from: 21, to: 8, weekends: false };

/** Whether the wall-clock moment (in `zone`) is quiet. */
const quietAt = (local: string, zone: string, quiet: QuietHours) =>
  isQuietTime(clockOf(zone).localToInstant(local).getTime(), clockOf(zone), quiet);

describe('quiet hours', () => {
  it.each([
    // Wed 2 Jun 2027; 21 → 8 runs across midnight
    ['2027-06-02T20:59', NIGHTS, false],
    ['2027-06-02T21:00', NIGHTS, true],
    ['2027-06-02T23:59', NIGHTS, true],
    ['2027-06-03T00:00', NIGHTS, true],
    ['2027-06-03T07:59', NIGHTS, true],
    ['2027-06-03T08:00', NIGHTS, false],
    // a range within one day: 1 PM to 2 PM
    ['2027-06-02T12:59', { from: 13, to: 14, weekends: false }, false],
    ['2027-06-02T13:30', { from: 13, to: 14, weekends: false }, true],
    ['2027-06-02T14:00', { from: 13, to: 14, weekends: false }, false],
    // from === to: no quiet hours, on any hour
    ['2027-06-02T03:00', { from: 5, to: 5, weekends: false }, false],
    ['2027-06-02T05:00', { from: 5, to: 5, weekends: false }, false],
    // weekends: Saturday and Sunday all day, Monday not
    ['2027-06-05T12:00', { from: 5, to: 5, weekends: true }, true],
    ['2027-06-06T23:59', { from: 5, to: 5, weekends: true }, true],
    ['2027-06-07T00:00', { from: 5, to: 5, weekends: true }, false],
    ['2027-06-05T12:00', NIGHTS, false],
  ] as const)('%s with %o is quiet: %s', (local, quiet, expected) => {
    expect(quietAt(local, 'UTC', quiet)).toBe(expected);
  });

  it("reads the hour and the weekday on the account's clock, not UTC's", () => {
    // 02:00 UTC on Saturday is 10 PM on Friday in New York: night, but not the weekend.
    const at = Date.parse('2027-06-05T02:00:00Z');
    expect(isQuietTime(at, clockOf('America/New_York'), { from: 21, to: 8, weekends: false })).toBe(true);
    expect(isQuietTime(at, clockOf('America/New_York'), { from: 5, to: 5, weekends: true })).toBe(false);
    expect(isQuietTime(at, clockOf('UTC'), { from: 21, to: 8, weekends: false })).toBe(true);
    expect(isQuietTime(at, clockOf('UTC'), { from: 5, to: 5, weekends: true })).toBe(true);
    // 20:30 UTC is 6:30 AM the next day in Sydney.
    expect(isQuietTime(Date.parse('2027-06-02T20:30:00Z'), clockOf('Australia/Sydney'), NIGHTS)).toBe(true);
    expect(isQuietTime(Date.parse('2027-06-02T20:30:00Z'), clockOf('UTC'), NIGHTS)).toBe(false);
  });

  it('follows the clock on a daylight-saving day', () => {
    // Europe/Berlin springs forward at 2:00 on Sunday 28 Mar 2027: 07:30 and 08:30 local are an
    // hour apart in real time, both read on the new clock.
    const zone = 'Europe/Berlin';
    expect(quietAt('2027-03-28T07:30', zone, NIGHTS)).toBe(true);
    expect(quietAt('2027-03-28T08:30', zone, NIGHTS)).toBe(false);
    // 06:30 UTC that day is 08:30 in Berlin (UTC+2 since the change), quiet in UTC's reading.
    expect(isQuietTime(Date.parse('2027-03-28T06:30:00Z'), clockOf(zone), NIGHTS)).toBe(false);
    expect(isQuietTime(Date.parse('2027-03-28T06:30:00Z'), clockOf('UTC'), NIGHTS)).toBe(true);
    // The day before, still UTC+1: 06:30 UTC is 07:30, quiet.
    expect(isQuietTime(Date.parse('2027-03-27T06:30:00Z'), clockOf(zone), NIGHTS)).toBe(true);
  });
});
