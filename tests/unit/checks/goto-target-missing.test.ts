import { rule } from '../../../lib/checks/goto-target-missing';
import { chain, complete, email, goto, ruleTable, sequence } from './model-builder';

const jumpTo = (target: string | null, tabs?: { all: string[]; seen: string[] }) =>
  sequence({
    steps: [email('1'), goto('2', target ?? 'x', { goto: target }), email('A1'), complete('A2')],
    connections: [...chain('start', '1', '2'), ...chain('A1', 'A2')],
    ...(tabs ? { tabs } : {}),
  });

ruleTable(rule, [
  {
    name: 'fires on a Go To naming a missing step',
    seq: jumpTo('A7'),
    expect: [['fail', ['2'], 'targetMissing']],
    message: /^Step 2 · Go To A7 .*step A7/,
  },
  { name: 'silent when the target exists', seq: jumpTo('A1'), expect: [] },
  { name: 'fires on a missing main step', seq: jumpTo('9'), expect: [['fail', ['2'], 'targetMissing']] },
  {
    name: 'asks for review when the target lives on an unopened tab',
    seq: jumpTo('B1', { all: ['Main', 'A', 'B'], seen: ['Main', 'A'] }),
    expect: [['review', ['2'], 'targetNotOpened']],
  },
  {
    name: 'asks for review when the target was not read',
    seq: jumpTo(null),
    expect: [['review', ['2'], 'targetUnread']],
  },
]);
