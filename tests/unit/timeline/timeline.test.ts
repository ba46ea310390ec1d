import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../lib/flow/graph';
import type { Connection, SequenceModel, Step, StepWindow, Weekday } from '../../../lib/model/model';
import { createTiming } from '../../../lib/time/timing';
import {
  branchPath,
  computeTimeline,
  earliestArrivals,
  pathEnds,
  type Timeline,
  type TimelineEntry,
} from '../../../lib/timeline/timeline';
import {
  chain,
  complete,
  email,
  goto,
  no,
  onDate,
  sequence,
  sms,
  split,
  tag,
  wait,
  weekdays,
  yes,
} from '../checks/model-builder';
import { timelineOf } from './timeline-of';

/** An entry as a reader of the timeline sees it: "2 runs 2026-11-30 09:00 day 3 (waited for its window)". */
function row(e: TimelineEntry, zone: string): string {
  const when = createTiming(zone, 'setting').formatLocal(new Date(e.at));
  const why = e.reason === null ? '' : ` ${e.reason}`;
  const waited = e.waitedForWindow ? ' (waited for its window)' : '';
  return `${e.ref} ${e.status}${why} ${e.timed ? '' : 'not before '}${when} day ${e.day}${waited}`;
}

/** Every path from Starting Rules: its branch labels, its rows, and how it ends. */
function paths(timeline: Timeline): Array<{ via: string; rows: string[]; end: string }> {
  return pathEnds(timeline).map((last) => {
    const branches = branchPath(timeline, last.id);
    return {
      via: branches.map((b) => b.label ?? 'start').join(' > '),
      rows: branches.flatMap((b) => b.entries.map((e) => row(e, timeline.timeZone))),
      end: last.end.type === 'loop' ? `loop to ${last.end.ref}` : last.end.type,
    };
  });
}

/** The rows of a straight sequence (one path). */
function straight(seq: SequenceModel, entered: string, zone = 'UTC'): string[] {
  const all = paths(timelineOf(seq, entered, zone));
  expect(all).toHaveLength(1);
  return all[0]?.rows ?? [];
}

/** start → the steps in order, then Complete. */
function line(...steps: Step[]): SequenceModel {
  const end = complete(String(steps.length + 1));
  return sequence({
    steps: [...steps, end],
    connections: chain('start', ...steps.map((s) => s.ref), end.ref),
  });
}

const only = (days: Weekday[], from: string, to: string): StepWindow => ({ type: 'hours', days, from, to });

// 2026-11-27 is a Friday.
describe('timeline: delays and windows', () => {
  it.each<[string, Step, string, string]>([
    [
      'a wait is counted from arrival on the step',
      email('1', { delay: wait(2) }),
      '2026-11-27T12:00',
      '1 runs 2026-11-29 12:00 day 2',
    ],
    [
      'days and hours add up',
      email('1', { delay: wait(1, 6) }),
      '2026-11-27T12:00',
      '1 runs 2026-11-28 18:00 day 1',
    ],
    [
      'inside a weekday window: at once',
      email('1', { window: weekdays() }),
      '2026-11-27T12:00',
      '1 runs 2026-11-27 12:00 day 0',
    ],
    [
      'after Friday 17:00, a weekday window waits for Monday 9:00',
      email('1', { window: weekdays() }),
      '2026-11-27T18:00',
      '1 runs 2026-11-30 09:00 day 3 (waited for its window)',
    ],
    [
      'the window is checked after the delay: 2 days from Friday lands on Sunday, so Monday',
      email('1', { delay: wait(2), window: weekdays() }),
      '2026-11-27T10:00',
      '1 runs 2026-11-30 09:00 day 3 (waited for its window)',
    ],
    [
      'a weekend window: Friday waits for Saturday morning',
      email('1', { window: only(['sat', 'sun'], '10:00', '12:00') }),
      '2026-11-27T09:00',
      '1 runs 2026-11-28 10:00 day 1 (waited for its window)',
    ],
    [
      'a window that ends at midnight (12:00 AM) is open until the day ends',
      email('1', { window: only(['fri'], '09:00', '24:00') }),
      '2026-11-27T23:30',
      '1 runs 2026-11-27 23:30 day 0',
    ],
    [
      'just after that midnight it waits a week for the next Friday',
      email('1', { delay: wait(0, 1), window: only(['fri'], '09:00', '24:00') }),
      '2026-11-27T23:30',
      '1 runs 2026-12-04 09:00 day 7 (waited for its window)',
    ],
    [
      'a window from midnight opens at 00:00',
      email('1', { window: only(['sat'], '00:00', '06:00') }),
      '2026-11-27T20:00',
      '1 runs 2026-11-28 00:00 day 1 (waited for its window)',
    ],
  ])('%s', (_name, first, entered, expected) => {
    expect(straight(line(first), entered)[0]).toBe(expected);
  });

  it('adds the steps up: each step waits from the moment the one before ran', () => {
    const seq = line(
      email('1'),
      email('2', { delay: wait(2) }),
      sms('3', { window: weekdays('09:00', '12:00') }),
      email('4', { delay: wait(0, 5) }),
    );
    expect(straight(seq, '2026-11-27T15:00')).toEqual([
      '1 runs 2026-11-27 15:00 day 0',
      '2 runs 2026-11-29 15:00 day 2',
      '3 runs 2026-11-30 09:00 day 3 (waited for its window)',
      '4 runs 2026-11-30 14:00 day 3',
      '5 runs 2026-11-30 14:00 day 3',
    ]);
  });

  it('a window that never opens keeps the contact on that step: the path ends there', () => {
    const timeline = timelineOf(
      line(email('1'), email('2', { window: only([], '09:00', '17:00') }), email('3')),
      '2026-11-27T12:00',
    );
    expect(paths(timeline)).toEqual([
      {
        via: 'start',
        rows: ['1 runs 2026-11-27 12:00 day 0', '2 never window 2026-11-27 12:00 day 0'],
        end: 'stuck',
      },
    ]);
  });

  it('counts days on the calendar of the account zone, not in 24-hour blocks', () => {
    // 23:00 Friday + 2 hours is Saturday: day 1, though only 2 hours have passed.
    expect(straight(line(email('1', { delay: wait(0, 2) })), '2026-11-27T23:00')[0]).toBe(
      '1 runs 2026-11-28 01:00 day 1',
    );
  });
});

describe('timeline: clock changes', () => {
  it('a day is 24 hours: across the spring change in Berlin, 1 day later reads an hour later', () => {
    const timeline = timelineOf(line(email('1', { delay: wait(1) })), '2026-03-28T12:00', 'Europe/Berlin');
    const entry = timeline.branches[0]?.entries[0];
    expect(entry && entry.at - timeline.enteredAt).toBe(24 * 3600_000);
    expect(paths(timeline)[0]?.rows[0]).toBe('1 runs 2026-03-29 13:00 day 1');
  });

  it('and across the autumn change an hour earlier', () => {
    expect(straight(line(email('1', { delay: wait(1) })), '2026-10-24T12:00', 'Europe/Berlin')[0]).toBe(
      '1 runs 2026-10-25 11:00 day 1',
    );
  });

  it('a window opens at its wall-clock time on the day the clocks change', () => {
    const timeline = timelineOf(
      line(email('1', { window: only(['sun'], '09:00', '17:00') })),
      '2026-03-28T18:00',
      'Europe/Berlin',
    );
    // 09:00 summer time in Berlin is 07:00 UTC.
    expect(new Date(timeline.branches[0]?.entries[0]?.at ?? 0).toISOString()).toBe(
      '2026-03-29T07:00:00.000Z',
    );
  });

  it('a window that opens in the skipped hour opens when the clock reads it, an hour on', () => {
    // New York jumps from 02:00 to 03:00 on 8 March 2026: 02:30 never shows, so it is 03:30.
    expect(
      straight(
        line(email('1', { window: only(['sun'], '02:30', '05:00') })),
        '2026-03-07T20:00',
        'America/New_York',
      )[0],
    ).toBe('1 runs 2026-03-08 03:30 day 1 (waited for its window)');
  });

  it('a date in the hour shown twice is its first occurrence', () => {
    const timeline = timelineOf(
      line(email('1', { delay: onDate('2026-11-01T01:30') })),
      '2026-10-31T12:00',
      'America/New_York',
    );
    expect(new Date(timeline.branches[0]?.entries[0]?.at ?? 0).toISOString()).toBe(
      '2026-11-01T05:30:00.000Z',
    );
  });
});

describe('timeline: date-specific steps', () => {
  const dated = (entered: string, before = wait(0)) =>
    straight(
      line(email('1', { delay: before }), email('2', { delay: onDate('2026-11-29T10:00') }), email('3')),
      entered,
    );

  it.each([
    ['reached before its date, it waits for the date', '2026-11-27T12:00', '2 runs 2026-11-29 10:00 day 2'],
    [
      'reached inside its 2-hour firing window, it runs on arrival',
      '2026-11-29T11:30',
      '2 runs 2026-11-29 11:30 day 0',
    ],
    ['reached at the end of the 2 hours, it still runs', '2026-11-29T12:00', '2 runs 2026-11-29 12:00 day 0'],
    [
      'reached after the 2 hours, it is skipped',
      '2026-11-29T12:01',
      '2 skipped date-past 2026-11-29 12:01 day 0',
    ],
  ])('%s', (_name, entered, expected) => {
    expect(dated(entered)[1]).toBe(expected);
  });

  it('a skipped date step holds nobody: the next step runs on arrival', () => {
    expect(dated('2026-11-27T12:00', wait(3)).slice(1)).toEqual([
      '2 skipped date-past 2026-11-30 12:00 day 3',
      '3 runs 2026-11-30 12:00 day 3',
      '4 runs 2026-11-30 12:00 day 3',
    ]);
  });

  it('carries its firing window for the reader', () => {
    const timeline = timelineOf(line(email('1', { delay: onDate('2026-11-29T10:00') })), '2026-11-27T12:00');
    expect(timeline.branches[0]?.entries[0]?.firingWindow).toEqual({
      opens: Date.parse('2026-11-29T10:00:00Z'),
      closes: Date.parse('2026-11-29T12:00:00Z'),
    });
    expect(timeline.branches[0]?.entries[1]?.firingWindow).toBeNull();
  });
});

describe('timeline: inactive steps and steps not timed', () => {
  it('an inactive step is skipped and its delay holds nobody', () => {
    expect(
      straight(
        line(email('1', { delay: wait(3), active: false }), email('2', { delay: wait(1) })),
        '2026-11-27T12:00',
      ),
    ).toEqual([
      '1 skipped inactive 2026-11-27 12:00 day 0',
      '2 runs 2026-11-28 12:00 day 1',
      '3 runs 2026-11-28 12:00 day 1',
    ]);
  });

  it('a step whose delay was not read is unknown, and so is everything after it (only the earliest time is shown)', () => {
    expect(
      straight(
        line(email('1', { delay: wait(1) }), email('2', { delay: null }), email('3', { delay: wait(2) })),
        '2026-11-27T12:00',
      ),
    ).toEqual([
      '1 runs 2026-11-28 12:00 day 1',
      '2 unknown delay-unread not before 2026-11-28 12:00 day 1',
      '3 unknown after-unknown not before 2026-11-30 12:00 day 3',
      '4 unknown after-unknown not before 2026-11-30 12:00 day 3',
    ]);
  });

  it.each<[string, Partial<Step>, string]>([
    ['a window not read', { window: null }, 'window-unread'],
    [
      'an overnight window (end before start), which Kartra does not document',
      { window: only(['mon'], '22:00', '06:00') },
      'overnight-window',
    ],
  ])('%s is unknown too', (_name, init, reason) => {
    const rows = straight(line(email('1', init), email('2')), '2026-11-27T12:00');
    expect(rows[0]).toBe(`1 unknown ${reason} not before 2026-11-27 12:00 day 0`);
    expect(rows[1]).toMatch(/^2 unknown after-unknown not before/);
  });

  it('after an unknown step a date step is unknown, not skipped: the arrival is only a lower bound', () => {
    const rows = straight(
      line(
        email('1', { delay: null }),
        email('2', { delay: wait(3) }),
        email('3', { delay: onDate('2026-11-29T10:00') }),
      ),
      '2026-11-27T12:00',
    );
    expect(rows[2]).toBe('3 unknown after-unknown not before 2026-11-30 12:00 day 3');
  });

  it('an inactive step after an unknown one is still known to be skipped', () => {
    const rows = straight(
      line(email('1', { delay: null }), email('2', { active: false })),
      '2026-11-27T12:00',
    );
    expect(rows[1]).toBe('2 skipped inactive not before 2026-11-27 12:00 day 0');
  });
});

describe('timeline: splits, Go To, sub-sequences and loops', () => {
  it('a split gives alternative branches, Yes then No, each timed from the split', () => {
    const seq = sequence({
      steps: [
        email('1'),
        split('2', { delay: wait(1) }),
        email('3', { delay: wait(2) }),
        email('4', { delay: wait(0, 3) }),
        complete('5'),
        complete('6'),
      ],
      connections: [
        ...chain('start', '1', '2'),
        yes('2', '3'),
        no('2', '4'),
        ...chain('3', '5'),
        ...chain('4', '6'),
      ],
    });
    expect(paths(timelineOf(seq, '2026-11-27T12:00'))).toEqual([
      {
        via: 'start > yes',
        rows: [
          '1 runs 2026-11-27 12:00 day 0',
          '2 runs 2026-11-28 12:00 day 1',
          '3 runs 2026-11-30 12:00 day 3',
          '5 runs 2026-11-30 12:00 day 3',
        ],
        end: 'stops',
      },
      {
        via: 'start > no',
        rows: [
          '1 runs 2026-11-27 12:00 day 0',
          '2 runs 2026-11-28 12:00 day 1',
          '4 runs 2026-11-28 15:00 day 1',
          '6 runs 2026-11-28 15:00 day 1',
        ],
        end: 'stops',
      },
    ]);
  });

  it('a split output with no line is an alternative that stops at the split', () => {
    const seq = sequence({
      steps: [split('1'), email('2')],
      connections: [...chain('start', '1'), yes('1', '2')],
    });
    const all = paths(timelineOf(seq, '2026-11-27T12:00'));
    expect(all.map((p) => [p.via, p.rows.length, p.end])).toEqual([
      ['start > yes', 2, 'stops'],
      ['start > no', 1, 'stops'],
    ]);
  });

  it('a split line whose output was not told is its own alternative, labelled so', () => {
    const seq = sequence({
      steps: [split('1'), email('2'), email('3')],
      connections: [...chain('start', '1'), yes('1', '2'), { from: '1', to: '3' }],
    });
    expect(paths(timelineOf(seq, '2026-11-27T12:00')).map((p) => p.via)).toEqual([
      'start > yes',
      'start > unlabelled',
    ]);
  });

  it('follows a Go To into a sub-sequence and back, then stops at the loop it closes', () => {
    const seq = sequence({
      steps: [
        email('1'),
        goto('2', 'A1'),
        email('A1', { delay: wait(1) }),
        goto('A2', '3', { delay: wait(1) }),
        email('3', { delay: wait(1) }),
        goto('4', '1'),
      ],
      connections: [...chain('start', '1', '2'), ...chain('A1', 'A2'), ...chain('3', '4')],
    });
    expect(paths(timelineOf(seq, '2026-11-27T12:00'))).toEqual([
      {
        via: 'start',
        rows: [
          '1 runs 2026-11-27 12:00 day 0',
          '2 runs 2026-11-27 12:00 day 0',
          'A1 runs 2026-11-28 12:00 day 1',
          'A2 runs 2026-11-29 12:00 day 2',
          '3 runs 2026-11-30 12:00 day 3',
          '4 runs 2026-11-30 12:00 day 3',
        ],
        end: 'loop to 1',
      },
    ]);
    const end = timelineOf(seq, '2026-11-27T12:00').branches[0]?.end;
    expect(end).toEqual({
      type: 'loop',
      ref: '1',
      arrivesAt: Date.parse('2026-11-30T12:00:00Z'),
      timed: true,
    });
  });

  it('a loop through a split is followed once on the branch that closes it; the other branch goes on', () => {
    const seq = sequence({
      steps: [email('1', { delay: wait(1) }), split('2'), complete('3')],
      connections: [...chain('start', '1', '2'), yes('2', '3'), no('2', '1')],
    });
    expect(paths(timelineOf(seq, '2026-11-27T12:00')).map((p) => [p.via, p.rows.length, p.end])).toEqual([
      ['start > yes', 3, 'stops'],
      ['start > no', 2, 'loop to 1'],
    ]);
  });

  it('an inactive Go To jumps nowhere', () => {
    const seq = sequence({
      steps: [email('1'), goto('2', '1', { active: false })],
      connections: chain('start', '1', '2'),
    });
    expect(paths(timelineOf(seq, '2026-11-27T12:00'))[0]?.end).toBe('stops');
  });

  it.each<[string, Partial<SequenceModel>, unknown]>([
    ['a Go To to a step that does not exist', {}, { type: 'goto-target-missing', target: 'A1' }],
    [
      'a Go To into a tab not opened yet',
      { tabs: { all: ['Main', 'A'], seen: ['Main'] } },
      { type: 'tab-not-seen', target: 'A1', tab: 'A' },
    ],
  ])('%s ends the path saying so', (_name, init, expected) => {
    const seq = sequence({
      steps: [email('1'), goto('2', 'A1')],
      connections: chain('start', '1', '2'),
      ...init,
    });
    expect(timelineOf(seq, '2026-11-27T12:00').branches[0]?.end).toEqual(expected);
  });

  it('a Go To whose target was not read ends the path as unread', () => {
    const seq = sequence({
      steps: [email('1'), goto('2', '1', { goto: null })],
      connections: chain('start', '1', '2'),
    });
    expect(timelineOf(seq, '2026-11-27T12:00').branches[0]?.end).toEqual({ type: 'goto-unread' });
  });

  it('two lines from Starting Rules are two ways in', () => {
    const seq = sequence({
      steps: [email('1'), email('2')],
      connections: [
        { from: 'start', to: '1' },
        { from: 'start', to: '2' },
      ],
    });
    const timeline = timelineOf(seq, '2026-11-27T12:00');
    expect(timeline.branches[0]?.end).toEqual({ type: 'forks', branches: [1, 2] });
    expect(paths(timeline).map((p) => [p.via, p.rows])).toEqual([
      ['start > line', ['1 runs 2026-11-27 12:00 day 0']],
      ['start > line', ['2 runs 2026-11-27 12:00 day 0']],
    ]);
  });

  it('without the Starting Rules module there is no way in to time', () => {
    const seq = sequence({ steps: [email('1')], connections: chain('start', '1'), startingRules: null });
    expect(timelineOf(seq, '2026-11-27T12:00').branches).toEqual([]);
  });
});

describe('timeline: its limit', () => {
  /** n splits in a row, each with both branches meeting again: 2^n paths. */
  function diamonds(n: number): SequenceModel {
    const steps: Step[] = [];
    const connections: Connection[] = [];
    let prev = 'start';
    for (let i = 0; i < n; i++) {
      const [s, a, b] = [3 * i + 1, 3 * i + 2, 3 * i + 3].map(String) as [string, string, string];
      steps.push(split(s), email(a, { delay: wait(1) }), email(b, { delay: wait(2) }));
      connections.push({ from: prev, to: s }, yes(s, a), no(s, b));
      connections.push(...chain(a, String(3 * i + 4)), ...chain(b, String(3 * i + 4)));
      prev = '';
    }
    steps.push(complete(String(3 * n + 1)));
    return sequence({ steps, connections: connections.filter((c) => c.from !== '') });
  }

  it('follows every path while they fit, and cuts the rest, saying where each would go on', () => {
    const full = timelineOf(diamonds(4), '2026-11-27T12:00');
    expect(full.cut).toBe(false);
    expect(pathEnds(full)).toHaveLength(16);
    const cut = timelineOf(diamonds(4), '2026-11-27T12:00', 'UTC', 20);
    expect(cut.cut).toBe(true);
    expect(cut.branches.reduce((n, b) => n + b.entries.length, 0)).toBe(20);
    const limits = cut.branches.filter((b) => b.end.type === 'limit');
    expect(limits.length).toBeGreaterThan(0);
    // Forks are followed in order, so the first splits' alternatives are all there.
    expect(paths(cut).every((p) => p.rows.length >= 3)).toBe(true);
  });
});

/** Random flows with splits, Go To jumps, waits, windows, dates, inactive and unread steps. */
const timedFlowArb = fc
  .integer({ min: 1, max: 14 })
  .chain((n) =>
    fc.record({
      n: fc.constant(n),
      lines: fc.array(
        fc.tuple(
          fc.integer({ min: 0, max: n }),
          fc.integer({ min: 1, max: n }),
          fc.constantFrom<Connection['branch']>(undefined, 'yes', 'no'),
        ),
        { maxLength: n * 2 },
      ),
      kinds: fc.array(
        fc.record({
          kind: fc.constantFrom('email', 'split', 'goto', 'tag'),
          to: fc.integer({ min: 1, max: n }),
          hours: fc.integer({ min: 0, max: 60 }),
          timing: fc.constantFrom('wait', 'window', 'date', 'unread', 'inactive', 'never'),
        }),
        { minLength: n, maxLength: n },
      ),
    }),
  )
  .map(({ n, lines, kinds }) => {
    const steps = kinds.slice(0, n).map((k, i): Step => {
      const ref = String(i + 1);
      const init: Partial<Step> = { delay: wait(0, k.hours) };
      if (k.timing === 'window') init.window = only(['mon', 'wed', 'sat'], '09:00', '11:00');
      if (k.timing === 'date') init.delay = onDate(`2026-12-0${1 + (k.hours % 9)}T10:00`);
      if (k.timing === 'unread') init.delay = null;
      if (k.timing === 'inactive') init.active = false;
      if (k.timing === 'never') init.window = only([], '09:00', '11:00');
      if (k.kind === 'goto') return goto(ref, String(k.to), init);
      return k.kind === 'split' ? split(ref, init) : k.kind === 'tag' ? tag(ref, init) : email(ref, init);
    });
    const connections = lines.map(([from, to, branch]): Connection => {
      const c: Connection = { from: from === 0 ? 'start' : String(from), to: String(to) };
      return branch ? { ...c, branch } : c;
    });
    return sequence({ steps, connections });
  });

describe('timeline: quickest paths only', () => {
  it('ends a path where another already got sooner, and keeps the one that did', () => {
    const seq = sequence({
      steps: [
        split('1'),
        email('2', { delay: wait(2) }),
        email('3', { delay: wait(1) }),
        email('4'),
        complete('5'),
      ],
      connections: [
        ...chain('start', '1'),
        yes('1', '2'),
        no('1', '3'),
        ...chain('2', '4'),
        ...chain('3', '4', '5'),
      ],
    });
    const timeline = timelineOf(seq, '2026-11-27T12:00');
    const quickest = computeTimeline(buildGraph(seq), createTiming('UTC'), timeline.enteredAt, {
      quickest: true,
    });
    expect(paths(timeline).map((p) => p.rows.length)).toEqual([4, 4]);
    // Yes is followed first and reaches 4 on day 2; No gets there on day 1, so Yes' 4 stays but No is not cut.
    expect(paths(quickest).map((p) => [p.via, p.rows.length, p.end])).toEqual([
      ['start > yes', 4, 'stops'],
      ['start > no', 4, 'stops'],
    ]);
    const slower = sequence({
      ...seq,
      steps: seq.steps.map((s) => (s.ref === '3' ? email('3', { delay: wait(3) }) : s)),
    });
    expect(
      paths(
        computeTimeline(buildGraph(slower), createTiming('UTC'), timeline.enteredAt, { quickest: true }),
      ).map((p) => [p.via, p.rows.length, p.end]),
    ).toEqual([
      ['start > yes', 4, 'stops'],
      ['start > no', 2, 'slower'],
    ]);
  });
});

describe('timeline: exact arrivals behind inexact ones', () => {
  // Found by the property below: start → 2 (timing not read) → 6 on a date, and start → 5 (a
  // window) → 6, arriving later but exactly. Both leave 6 at its date, so 1's time is exact.
  it('follows a later path that is exact, in full and on the quickest paths alike', () => {
    const seq = sequence({
      steps: [
        email('1'),
        email('2', { delay: null }),
        email('5', { window: only(['mon', 'wed', 'sat'], '09:00', '11:00') }),
        email('6', { delay: onDate('2026-12-01T10:00') }),
      ],
      connections: [...chain('start', '2', '6', '1'), ...chain('start', '5', '6')],
    });
    const entered = Date.parse('2026-11-27T12:00:00Z');
    const dated = {
      at: Date.parse('2026-12-01T09:00:00Z'),
      timed: true,
      exactAt: Date.parse('2026-12-01T09:00:00Z'),
    };
    for (const quickest of [false, true]) {
      const arrivals = earliestArrivals(
        computeTimeline(buildGraph(seq), createTiming('Europe/Berlin'), entered, { quickest }),
      );
      expect(arrivals.get('6')).toMatchObject({ at: entered, timed: false });
      expect(arrivals.get('1')).toEqual(dated);
    }
  });
});

describe('timeline properties', () => {
  it('its earliest arrivals are the quickest ones, whatever the shape, in full or following only the quickest paths (checked by relaxing every line)', () => {
    const timing = createTiming('Europe/Berlin');
    const entered = Date.parse('2026-11-27T12:00:00Z');
    fc.assert(
      fc.property(timedFlowArb, (seq) => {
        const graph = buildGraph(seq);
        const timeline = computeTimeline(graph, timing, entered);
        expect(timeline.cut).toBe(false);
        // Kartra's timing never lets a contact leave earlier for arriving later, so relaxing every
        // line until nothing changes gives each step's earliest arrival, and, over the paths whose
        // every timing was read, its earliest exact one.
        const soonest = new Map<string, number>();
        const exact = new Map<string, number>();
        const offer = (into: Map<string, number>, ref: string, at: number) => {
          if (at < (into.get(ref) ?? Number.POSITIVE_INFINITY)) into.set(ref, at);
        };
        for (const r of graph.successors('start')) {
          offer(soonest, r, entered);
          offer(exact, r, entered);
        }
        for (let round = 0; round <= seq.steps.length + 1; round++) {
          for (const [into, sureOnly] of [
            [soonest, false],
            [exact, true],
          ] as const) {
            for (const [ref, at] of [...into]) {
              const passage = timing.passStep(graph.step(ref) as Step, at);
              if (passage === null || (sureOnly && !passage.sure)) continue;
              for (const next of graph.successors(ref)) offer(into, next, passage.leavesAt);
            }
          }
        }
        const best = new Map(
          [...soonest].map(([ref, at]) => {
            const exactAt = exact.get(ref) ?? null;
            return [ref, { at, timed: exactAt === at, exactAt }] as const;
          }),
        );
        expect(earliestArrivals(timeline)).toEqual(best);
        // Following only the paths that are sooner somewhere gives the same arrivals.
        const quickest = computeTimeline(graph, timing, entered, { quickest: true });
        expect(earliestArrivals(quickest)).toEqual(best);
      }),
      { numRuns: 300 },
    );
  });

  it('on every path, time never runs backwards and no step is met twice', () => {
    const timing = createTiming('America/New_York');
    fc.assert(
      fc.property(timedFlowArb, (seq) => {
        const timeline = computeTimeline(buildGraph(seq), timing, Date.parse('2026-11-27T12:00:00Z'));
        for (const end of pathEnds(timeline)) {
          const entries = branchPath(timeline, end.id).flatMap((b) => b.entries);
          expect(new Set(entries.map((e) => e.ref)).size).toBe(entries.length);
          for (const [i, e] of entries.entries()) {
            expect(e.at).toBeGreaterThanOrEqual(e.arrivesAt);
            if (i > 0) expect(e.arrivesAt).toBe(entries[i - 1]?.at);
            if (i > 0 && !entries[i - 1]?.timed) expect(e.timed).toBe(false);
          }
        }
      }),
    );
  });
});
