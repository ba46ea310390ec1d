import { rule } from '../../../lib/checks/date-step-reached-late';
import type { Connection, Delay, SequenceModel, StepWindow } from '../../../lib/model/model';
import { TIMELINE_ENTRY_LIMIT } from '../../../lib/timeline/timeline';
import {
  chain,
  complete,
  email,
  goto,
  healthy,
  LINES_ON_A_CANVAS,
  no,
  onDate,
  ruleTable,
  sequence,
  split,
  wait,
  yes,
} from './model-builder';

// Audit time in these tables: Friday 2026-11-27 12:00 UTC. The date step is Sunday 10:00.
const SUNDAY = onDate('2026-11-29T10:00');

/** start → 1 (delay, window) → 2 on a date → 3 Complete. */
const before = (delay: Delay | null, window: StepWindow | null = { type: 'any' }, active = true) =>
  sequence({
    steps: [email('1', { delay, window, active }), email('2', { delay: SUNDAY }), complete('3')],
    connections: chain('start', '1', '2', '3'),
  });

/** start → split 1: Yes → 2 (timing not read), No → 3 (`read`); both → 4 on a date → 5 Complete. */
const unreadOrRead = (read: Delay) =>
  sequence({
    steps: [
      split('1'),
      email('2', { delay: null }),
      email('3', { delay: read }),
      email('4', { delay: SUNDAY }),
      complete('5'),
    ],
    connections: [
      ...chain('start', '1'),
      yes('1', '2'),
      no('1', '3'),
      ...chain('2', '4', '5'),
      ...chain('3', '4'),
    ],
  });

const mondaysOnly: StepWindow = { type: 'hours', days: ['mon'], from: '09:00', to: '10:00' };

ruleTable(rule, [
  {
    name: 'fires when the delay before it brings contacts after the window (3 days > 2 h past Sunday 10:00)',
    seq: before(wait(3)),
    expect: [['fail', ['2'], 'reachedLate']],
    message: /2026-11-30 12:00.*2026-11-29 12:00/,
  },
  {
    name: 'reviews, with the reason, when the lines were painted where the reader cannot read them',
    seq: {
      ...before(wait(1)),
      connections: [],
      diagnostics: [LINES_ON_A_CANVAS],
    },
    expect: [['review', [], 'linesNotRead']],
    message: /painted on a <canvas>/,
  },
  {
    name: 'asks for review when a tab not opened yet may hold a quicker way',
    seq: { ...before(wait(3)), tabs: { all: ['Main', 'A'], seen: ['Main'] } },
    expect: [['review', ['2'], 'maybeReachedLate']],
    message: /tab A not opened yet/,
  },
  {
    name: 'silent when contacts get there before the date (they wait for it)',
    seq: before(wait(1)),
    expect: [],
  },
  {
    name: 'silent when they arrive inside the 2-hour window (Sunday 11:00)',
    seq: before(wait(1, 23)),
    expect: [],
  },
  {
    name: 'a window before it counts: Mondays only means Monday, after Sunday',
    seq: before({ type: 'immediate' }, mondaysOnly),
    expect: [['fail', ['2'], 'reachedLate']],
  },
  {
    name: 'an inactive step holds nobody: its delay does not count',
    seq: before(wait(3), { type: 'any' }, false),
    expect: [],
  },
  {
    name: 'takes the quickest path: a split whose No branch is quick',
    seq: sequence({
      steps: [
        split('1'),
        email('2', { delay: wait(5) }),
        email('3', { delay: wait(0, 1) }),
        email('4', { delay: SUNDAY }),
        complete('5'),
      ],
      connections: [
        yes('1', '2'),
        no('1', '3'),
        ...chain('start', '1'),
        ...chain('2', '4', '5'),
        ...chain('3', '4'),
      ],
    }),
    expect: [],
  },
  {
    name: "an inactive Go To's jump is no path: the only way left is the slow one",
    seq: sequence({
      steps: [
        split('1'),
        goto('2', '5', { active: false }),
        email('3', { delay: wait(4) }),
        email('4'),
        email('5', { delay: SUNDAY }),
        complete('6'),
      ],
      connections: [yes('1', '2'), no('1', '3'), ...chain('start', '1'), ...chain('3', '4', '5', '6')],
    }),
    expect: [['fail', ['5'], 'reachedLate']],
  },
  {
    name: 'silent once the date is past (date-in-past reports it)',
    seq: sequence({
      steps: [
        email('1', { delay: wait(3) }),
        email('2', { delay: onDate('2026-11-20T10:00') }),
        complete('3'),
      ],
      connections: chain('start', '1', '2', '3'),
    }),
    expect: [],
  },
  {
    name: 'silent on a step nobody reaches (step-not-connected reports it)',
    seq: sequence({
      steps: [email('1', { delay: wait(3) }), complete('2'), email('3', { delay: SUNDAY }), complete('4')],
      connections: [...chain('start', '1', '2'), ...chain('3', '4')],
    }),
    expect: [],
  },
  {
    name: 'asks for review when a step on the way has unread timing and the quickest time is in time',
    seq: before(null),
    expect: [['review', ['2'], 'maybeLate']],
  },
  {
    name: 'silent when a path read in full gets there in time, though a sooner one has unread timing',
    seq: unreadOrRead(wait(1)),
    expect: [],
  },
  {
    name: 'asks for review when the path read in full gets there too late and the unread one may not',
    seq: unreadOrRead(wait(3)),
    expect: [['review', ['4'], 'maybeLate']],
  },
  {
    name: 'reads the date in the account zone: Sunday 10:00 in Sydney is Saturday 23:00 UTC, so 1 day 14 hours is too late',
    seq: before(wait(1, 14)),
    options: { timeZone: 'Australia/Sydney' },
    expect: [['fail', ['2'], 'reachedLate']],
    message: /Australia\/Sydney/,
  },
  {
    name: 'the same delay is in time in UTC, where the date is 11 hours later',
    seq: before(wait(1, 14)),
    expect: [],
  },
  { name: 'silent without date-specific steps', seq: healthy(), expect: [] },
]);

/** n splits in a row whose branches meet again (2^n paths), then a step on `date`. */
function diamondsThenDate(n: number, date: Delay): SequenceModel {
  const steps = [];
  const connections: Connection[] = [];
  for (let i = 0; i < n; i++) {
    const [s, a, b, next] = [3 * i + 1, 3 * i + 2, 3 * i + 3, 3 * i + 4].map(String) as [
      string,
      string,
      string,
      string,
    ];
    steps.push(split(s), email(a, { delay: wait(0, 1) }), email(b, { delay: wait(0, 2) }));
    connections.push(yes(s, a), no(s, b), ...chain(a, next), ...chain(b, next));
  }
  const last = String(3 * n + 1);
  steps.push(email(last, { delay: date }), complete(String(3 * n + 2)));
  return sequence({
    steps,
    connections: [...chain('start', '1'), ...connections, ...chain(last, String(3 * n + 2))],
  });
}

ruleTable(rule, [
  {
    name: 'follows every path of a sequence whose splits meet again (2^8 ways through)',
    seq: diamondsThenDate(8, onDate('2026-11-27T15:00')),
    expect: [['fail', [String(3 * 8 + 1)], 'reachedLate']],
    message: /2026-11-27 20:00/,
  },
  {
    name: 'and of 2^16 ways through: only paths that get somewhere sooner are followed',
    seq: diamondsThenDate(16, onDate('2026-11-28T01:00')),
    expect: [['fail', [String(3 * 16 + 1)], 'reachedLate']],
    message: /2026-11-28 04:00/,
  },
  {
    name: 'asks for review when the sequence is longer than the timeline follows',
    seq: (() => {
      const steps = Array.from({ length: TIMELINE_ENTRY_LIMIT + 1 }, (_, i) => email(String(i + 1)));
      steps.push(email(String(TIMELINE_ENTRY_LIMIT + 2), { delay: SUNDAY }));
      return sequence({ steps, connections: chain('start', ...steps.map((s) => s.ref)) });
    })(),
    expect: [['review', [String(TIMELINE_ENTRY_LIMIT + 2)], 'tooManyPaths']],
  },
  {
    name: 'follows a Go To into a sub-sequence: its date step is reached through the jump',
    seq: sequence({
      steps: [
        email('1', { delay: wait(3) }),
        goto('2', 'A1'),
        email('A1'),
        email('A2', { delay: SUNDAY }),
        complete('A3'),
      ],
      connections: [...chain('start', '1', '2'), ...chain('A1', 'A2', 'A3')],
    }),
    expect: [['fail', ['A2'], 'reachedLate']],
  },
  {
    name: 'a loop back does not make a late step early: the first pass is the quickest',
    seq: sequence({
      steps: [email('1', { delay: wait(3) }), email('2', { delay: SUNDAY }), goto('3', '1')],
      connections: chain('start', '1', '2', '3'),
    }),
    expect: [['fail', ['2'], 'reachedLate']],
  },
]);
