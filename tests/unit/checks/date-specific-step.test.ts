import { rule } from '../../../lib/checks/date-specific-step';
import type { Delay } from '../../../lib/model';
import { chain, complete, email, healthy, onDate, ruleTable, sequence } from './model-builder';

const dated = (delay: Delay | null) =>
  sequence({
    steps: [email('1'), email('2', { delay, title: 'Black Friday' }), complete('3')],
    connections: chain('start', '1', '2', '3'),
  });

ruleTable(rule, [
  {
    name: 'fires on a date-specific step',
    seq: dated(onDate('2030-12-24T10:00')),
    expect: [['fail', ['2']]],
    message: /^Step 2 · Send email "Black Friday" runs on a specific date/,
  },
  { name: 'fires on a past date too', seq: dated(onDate('2020-01-01T10:00')), expect: [['fail', ['2']]] },
  { name: 'silent on wait delays', seq: healthy(), expect: [] },
  {
    name: 'asks for review when the timing line was not read',
    seq: dated(null),
    expect: [['review', ['2']]],
  },
]);
