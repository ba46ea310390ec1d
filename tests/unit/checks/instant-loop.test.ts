import { rule } from '../../../lib/checks/instant-loop';
import {
  chain,
  complete,
  email,
  goto,
  no,
  ruleTable,
  sequence,
  split,
  tag,
  wait,
  weekdays,
  yes,
} from './model-builder';

const loop = (second = tag('2')) =>
  sequence({
    steps: [email('1'), second, split('3'), goto('4', '2'), complete('5')],
    connections: [...chain('start', '1', '2', '3'), yes('3', '5'), no('3', '4')],
  });

ruleTable(rule, [
  {
    name: 'fires on a loop where nothing waits',
    seq: loop(),
    expect: [['fail', ['2', '3', '4'], 'instantLoop']],
  },
  { name: 'silent when a step in the loop waits', seq: loop(tag('2', { delay: wait(1) })), expect: [] },
  {
    name: 'silent when a step in the loop has a window',
    seq: loop(tag('2', { window: weekdays() })),
    expect: [],
  },
  {
    name: 'an inactive waiting step does not hold anyone',
    seq: loop(tag('2', { delay: wait(1), active: false })),
    expect: [['fail', ['2', '3', '4'], 'instantLoop']],
  },
  {
    name: 'fires on a step looping to itself',
    seq: sequence({ steps: [email('1'), goto('2', '2')], connections: chain('start', '1', '2') }),
    expect: [['fail', ['2'], 'instantLoop']],
  },
  {
    name: 'asks for review when a loop step timing was not read',
    seq: loop(tag('2', { delay: null })),
    expect: [['review', ['2', '3', '4'], 'timingUnread']],
  },
  {
    name: 'silent on a loop nobody can reach',
    seq: sequence({
      steps: [email('1'), complete('2'), tag('3'), tag('4')],
      connections: [...chain('start', '1', '2'), ...chain('3', '4', '3')],
    }),
    expect: [],
  },
]);
