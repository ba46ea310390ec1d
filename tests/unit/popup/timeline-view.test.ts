import { describe, expect, it } from 'vitest';
import { ZoneClocks } from '../../../lib/time/timing';
import { branchGroups, firstRows, onlyGroups } from '../../../lib/timeline/rows';
import { branchPath } from '../../../lib/timeline/timeline';
import {
  branchTitle,
  endWords,
  entryProblem,
  formatMoment,
  formatWhen,
  localInputValue,
} from '../../../lib/timeline/words';
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
  yes,
} from '../checks/model-builder';
import { timelineOf } from '../timeline/timeline-of';

/** The tests' zone clocks, as the audit session keeps its own. */
const clocks = new ZoneClocks();
const clockOf = (zone: string) => clocks.of(zone);

/** Two splits, one inside the other's No branch: three ways through. */
const nested = sequence({
  steps: [
    email('1'),
    split('2', { delay: wait(1) }),
    email('3', { delay: wait(2) }),
    tag('4'),
    split('5', { delay: wait(1) }),
    sms('6'),
    email('7', { active: false }),
    email('8', { delay: wait(3) }),
    complete('9'),
  ],
  connections: [
    ...chain('start', '1', '2'),
    yes('2', '3'),
    no('2', '4'),
    ...chain('4', '5'),
    yes('5', '6'),
    no('5', '7'),
    ...chain('7', '8', '9'),
  ],
});

describe('the popup timeline in words', () => {
  it('says a moment as the account zone reads it, across a clock change', () => {
    const zone = 'Europe/Berlin';
    // Summer time (UTC+2) and winter time (UTC+1) read the same wall clock back.
    expect(formatMoment(clockOf(zone).localToInstant('2027-06-22T09:00').getTime(), clockOf(zone))).toBe(
      'Tue 22 Jun 2027, 9:00 AM',
    );
    expect(formatMoment(clockOf(zone).localToInstant('2027-12-24T00:05').getTime(), clockOf(zone))).toBe(
      'Fri 24 Dec 2027, 12:05 AM',
    );
    expect(formatMoment(Date.parse('2027-10-31T11:30:00Z'), clockOf(zone))).toBe('Sun 31 Oct 2027, 12:30 PM');
    expect(
      formatWhen({ at: clockOf(zone).localToInstant('2027-06-22T21:15').getTime(), day: 203 }, clockOf(zone)),
    ).toBe('Tue 22 Jun 2027, 9:15 PM · day 203');
  });

  it("gives the entry field's value back as typed, in the account zone", () => {
    for (const [local, zone] of [
      ['2031-03-01T21:30', 'America/New_York'],
      ['2027-03-28T03:30', 'Europe/Berlin'],
      ['0999-01-02T00:00', 'UTC'],
    ] as const) {
      expect(localInputValue(clockOf(zone).localToInstant(local).getTime(), clockOf(zone))).toBe(local);
    }
  });

  it('names each branch by the answers that lead to it, and says why a step is skipped', () => {
    const timeline = timelineOf(nested, '2031-03-01T10:00');
    const titles = branchGroups(timeline).map((group) =>
      branchTitle(timeline, branchPath(timeline, group.branch.id)),
    );
    expect(titles).toEqual([
      'From Starting Rules',
      'Step 2: yes',
      'Step 2: no',
      'Step 2: no › Step 5: yes',
      'Step 2: no › Step 5: no',
    ]);
    const last = branchGroups(timeline).at(-1);
    const inactive = last?.messages[0];
    expect(inactive?.ref).toBe('7');
    expect(
      inactive &&
        last &&
        entryProblem(inactive, timeline, branchPath(timeline, last.branch.id), clockOf(timeline.timeZone)),
    ).toBe('Skipped: the step is inactive, so Kartra passes contacts straight through it.');
  });

  it('tells a date reached after its firing window from a date already past at entry', () => {
    const seq = sequence({
      steps: [
        email('1', { delay: wait(3) }),
        email('2', { delay: onDate('2031-03-10T09:00') }),
        complete('3'),
      ],
      connections: chain('start', '1', '2', '3'),
    });
    const late = timelineOf(seq, '2031-03-08T12:00');
    const [group] = branchGroups(late);
    const entry = group?.messages[1];
    expect(entry && entryProblem(entry, late, branchPath(late, 0), clockOf(late.timeZone))).toBe(
      'Skipped: reached Tue 11 Mar 2031, 12:00 PM, after the 2-hour firing window of its date (Mon 10 Mar 2031, 9:00 AM).',
    );
    const past = timelineOf(seq, '2031-04-01T12:00');
    const pastEntry = branchGroups(past)[0]?.messages[1];
    expect(pastEntry && entryProblem(pastEntry, past, branchPath(past, 0), clockOf(past.timeZone))).toBe(
      'Skipped: its date had passed before the contact entered.',
    );
  });

  it('says an unknown time is unknown, naming the step that could not be timed', () => {
    const seq = sequence({
      steps: [email('1'), email('2', { delay: null }), sms('3', { delay: wait(1) }), complete('4')],
      connections: chain('start', '1', '2', '3', '4'),
    });
    const timeline = timelineOf(seq, '2031-03-01T10:00');
    const [group] = branchGroups(timeline);
    const path = branchPath(timeline, 0);
    expect(group?.messages.map((e) => entryProblem(e, timeline, path, clockOf(timeline.timeZone)))).toEqual([
      null,
      "Unknown: this step's delay could not be read.",
      'Unknown: step 2 before it could not be timed, so this is only the earliest it can be.',
    ]);
  });

  it('says how a branch ends: a loop followed once, a tab not opened', () => {
    const seq = sequence({
      steps: [email('1'), split('2', { delay: wait(1) }), goto('3', '1'), goto('4', 'A1')],
      connections: [...chain('start', '1', '2'), yes('2', '3'), no('2', '4')],
      tabs: { all: ['Main', 'A'], seen: ['Main'] },
    });
    const timeline = timelineOf(seq, '2031-03-01T10:00');
    const ends = branchGroups(timeline).map((g) => endWords(g.branch.end, g.branch.entries.at(-1), false));
    expect(ends).toEqual([
      null,
      'Then back to step 1: a loop, shown once.',
      'Goes on at step A1 on tab A, not opened yet: open that tab in the builder to see the rest.',
    ]);
  });
});

describe('the popup timeline rows', () => {
  it('lists the branches depth first, the messages of each in order', () => {
    const timeline = timelineOf(nested, '2031-03-01T10:00');
    expect(branchGroups(timeline).map((g) => g.messages.map((e) => e.ref))).toEqual([
      ['1'],
      ['3'],
      [],
      ['6'],
      ['7', '8'],
    ]);
  });

  it('draws the first rows only, counting what is left for "Show all"', () => {
    const timeline = timelineOf(nested, '2031-03-01T10:00');
    const { groups, hidden } = firstRows(branchGroups(timeline), 3);
    expect(groups.map((g) => g.messages.map((e) => e.ref))).toEqual([['1'], ['3'], []]);
    expect(hidden).toBe(3);
    const cut = firstRows(branchGroups(timeline), 5);
    expect(cut.groups.map((g) => [g.messages.map((e) => e.ref), g.cut ?? false])).toEqual([
      [['1'], false],
      [['3'], false],
      [[], false],
      [['6'], false],
      [['7'], true],
    ]);
    expect(cut.hidden).toBe(1);
  });

  it('gives the chart a timeline of exactly the rows drawn, numbered again', () => {
    const timeline = timelineOf(nested, '2031-03-01T10:00');
    const { groups } = firstRows(branchGroups(timeline), 5);
    const part = onlyGroups(timeline, groups);
    expect(branchGroups(part).map((g) => g.messages.map((e) => e.ref))).toEqual([
      ['1'],
      ['3'],
      [],
      ['6'],
      ['7'],
    ]);
    expect(part.branches.map((b) => b.id)).toEqual([0, 1, 2, 3, 4]);
    for (const branch of part.branches)
      if (branch.parent !== null) expect(branch.parent).toBeLessThan(branch.id);
    // Everything drawn: the timeline itself.
    expect(onlyGroups(timeline, branchGroups(timeline))).toBe(timeline);
  });
});
