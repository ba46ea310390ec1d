import { rule } from '../../../lib/checks/date-in-past';
import type { Delay } from '../../../lib/model';
import { chain, complete, email, healthy, onDate, ruleTable, sequence } from './model-builder';

const dated = (delay: Delay | null) =>
  sequence({
    steps: [email('1'), email('2', { delay }), complete('3')],
    connections: chain('start', '1', '2', '3'),
  });

ruleTable(rule, [
  {
    name: 'fires on a date last year',
    seq: dated(onDate('2025-11-27T10:00')),
    expect: [['fail', ['2']]],
    message: /has passed/,
  },
  { name: 'silent on a date next year', seq: dated(onDate('2027-11-27T10:00')), expect: [] },
  {
    name: 'fires an hour before now (UTC)',
    seq: dated(onDate('2026-11-27T11:00')),
    expect: [['fail', ['2']]],
  },
  { name: 'silent an hour after now (UTC)', seq: dated(onDate('2026-11-27T13:00')), expect: [] },
  {
    name: 'reads the date in the account time zone: 13:00 in Berlin is already 12:00 UTC',
    seq: dated(onDate('2026-11-27T12:30')),
    options: { timeZone: 'Europe/Berlin' },
    expect: [['fail', ['2']]],
  },
  {
    name: 'the same wall time in New York is still ahead',
    seq: dated(onDate('2026-11-27T12:30')),
    options: { timeZone: 'America/New_York' },
    expect: [],
  },
  { name: 'silent without date-specific steps', seq: healthy(), expect: [] },
  {
    name: 'asks for review when the timing line was not read',
    seq: dated(null),
    expect: [['review', ['2']]],
  },
]);
