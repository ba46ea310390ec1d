import { rule } from '../../../lib/checks/window-never-opens';
import type { StepWindow } from '../../../lib/model/model';
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
    expect: [['fail', ['2'], 'noDays']],
  },
  {
    name: 'fires when the end equals the start',
    seq: windowed(weekdays('09:00', '09:00')),
    expect: [['fail', ['2'], 'endsAtStart']],
    message: /\(09:00 – 09:00\)/,
  },
  {
    // Kartra does not document an overnight window: a review, not a certain failure.
    name: 'asks for review when the end is before the start (overnight)',
    seq: windowed(weekdays('17:00', '09:00')),
    expect: [['review', ['2'], 'overnight']],
    message: /\(17:00 – 09:00\)/,
  },
  {
    name: 'silent on 9:00 AM – 12:00 AM: an end of 12:00 AM is midnight, the end of the day',
    seq: windowed(weekdays('09:00', '24:00')),
    expect: [],
  },
  {
    name: 'silent on 12:00 AM – 12:00 AM: the whole day',
    seq: windowed(weekdays('00:00', '24:00')),
    expect: [],
  },
  { name: 'silent on office hours', seq: windowed(weekdays('09:00', '17:00')), expect: [] },
  { name: 'silent on any day, any time', seq: windowed({ type: 'any' }), expect: [] },
  {
    name: 'asks for review when the window line was not read',
    seq: windowed(null),
    expect: [['review', ['2'], 'windowUnread']],
  },
]);
