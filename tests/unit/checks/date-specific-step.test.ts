import { rule } from '../../../lib/checks/date-specific-step';
import type { Delay } from '../../../lib/model/model';
import { chain, complete, email, healthy, onDate, ruleTable, sequence } from './model-builder';

// Audit time in these tables: 2026-11-27 12:00 UTC.
const dated = (delay: Delay | null) =>
  sequence({
    steps: [email('1'), email('2', { delay, title: 'Black Friday' }), complete('3')],
    connections: chain('start', '1', '2', '3'),
  });

ruleTable(rule, [
  {
    name: 'fires on a date-specific step',
    seq: dated(onDate('2030-12-24T10:00')),
    expect: [['fail', ['2'], 'onDate']],
    message: /^Step 2 · Send email "Black Friday" .*2030-12-24 10:00, UTC/,
  },
  {
    name: 'fires on a past date too',
    seq: dated(onDate('2020-01-01T10:00')),
    expect: [['fail', ['2'], 'onDate']],
  },
  {
    name: 'inside the 2-hour firing window, says when the window closes',
    seq: dated(onDate('2026-11-27T11:00')),
    expect: [['fail', ['2'], 'windowOpen']],
    message: /2026-11-27 13:00/,
  },
  {
    name: 'the window close is given in the account zone, named as the browser zone when unset',
    seq: dated(onDate('2026-11-27T12:30')),
    options: { timeZone: 'Europe/Berlin', timeZoneSource: 'browser' },
    expect: [['fail', ['2'], 'windowOpen']],
    message: /Europe\/Berlin \(your browser's time zone\).*2026-11-27 14:30/,
  },
  { name: 'silent on wait delays', seq: healthy(), expect: [] },
  {
    name: 'asks for review when the timing line was not read',
    seq: dated(null),
    expect: [['review', ['2'], 'timingUnread']],
  },
]);
