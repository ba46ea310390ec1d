import { rule } from '../../../lib/checks/date-in-past';
import type { Delay } from '../../../lib/model/model';
import { chain, complete, email, healthy, onDate, ruleTable, sequence } from './model-builder';

// Audit time in these tables: 2026-11-27 12:00 UTC.
const dated = (delay: Delay | null) =>
  sequence({
    steps: [email('1'), email('2', { delay }), complete('3')],
    connections: chain('start', '1', '2', '3'),
  });

ruleTable(rule, [
  {
    name: 'fires on a date last year',
    seq: dated(onDate('2025-11-27T10:00')),
    expect: [['fail', ['2'], 'inPast']],
    message: /2025-11-27 12:00/,
  },
  { name: 'silent on a date next year', seq: dated(onDate('2027-11-27T10:00')), expect: [] },
  {
    name: 'fires once the 2-hour firing window has closed (2 h 1 min ago)',
    seq: dated(onDate('2026-11-27T09:59')),
    expect: [['fail', ['2'], 'inPast']],
  },
  {
    // The step still fires for about 2 hours after its time: not past yet.
    name: 'silent an hour after the date, inside the firing window',
    seq: dated(onDate('2026-11-27T11:00')),
    expect: [],
  },
  {
    name: 'silent exactly 2 hours after the date (the window closes now)',
    seq: dated(onDate('2026-11-27T10:00')),
    expect: [],
  },
  { name: 'silent an hour before the date', seq: dated(onDate('2026-11-27T13:00')), expect: [] },
  {
    name: 'reads the date in the account time zone: 10:30 in Berlin is 09:30 UTC, window closed',
    seq: dated(onDate('2026-11-27T10:30')),
    options: { timeZone: 'Europe/Berlin' },
    expect: [['fail', ['2'], 'inPast']],
    message: /Europe\/Berlin/,
  },
  {
    name: 'the same wall time in New York is still ahead',
    seq: dated(onDate('2026-11-27T10:30')),
    options: { timeZone: 'America/New_York' },
    expect: [],
  },
  {
    name: "says when the zone is the browser's (no account zone set)",
    seq: dated(onDate('2025-11-27T10:00')),
    options: { timeZone: 'Asia/Kolkata', timeZoneSource: 'browser' },
    expect: [['fail', ['2'], 'inPast']],
    message: /Asia\/Kolkata \(your browser's time zone\)/,
  },
  { name: 'silent without date-specific steps', seq: healthy(), expect: [] },
  {
    name: 'asks for review when the timing line was not read',
    seq: dated(null),
    expect: [['review', ['2'], 'timingUnread']],
  },
]);
