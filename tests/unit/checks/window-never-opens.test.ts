import { rule } from '../../../lib/checks/window-never-opens';
import type { StepWindow } from '../../../lib/model';
import { chain, complete, email, ruleTable, sequence, weekdays } from './model-builder';

const windowed = (window: StepWindow | null) =>
  sequence({
    steps: [email('1'), email('2', { window }), complete('3')],
    connections: chain('start', '1', '2', '3'),
  });

ruleTable(rule, [
  {
    name: 'fires on a window with no days',
    seq: windowed({ type: 'hours', days: [], from: '09:00', to: '17:00' }),
    expect: [['fail', ['2']]],
    message: /no days/,
  },
  {
    name: 'fires when the end is before the start',
    seq: windowed(weekdays('17:00', '09:00')),
    expect: [['fail', ['2']]],
  },
  {
    name: 'fires when the end equals the start',
    seq: windowed(weekdays('09:00', '09:00')),
    expect: [['fail', ['2']]],
  },
  { name: 'silent on office hours', seq: windowed(weekdays('09:00', '17:00')), expect: [] },
  { name: 'silent on any day, any time', seq: windowed({ type: 'any' }), expect: [] },
  {
    name: 'asks for review when the window line was not read',
    seq: windowed(null),
    expect: [['review', ['2']]],
  },
]);
