import { describe, expect, it } from 'vitest';
import { rule } from '../../../lib/checks/step-numbers-not-order';
import {
  chain,
  complete,
  email,
  goto,
  no,
  ruleTable,
  run,
  sequence,
  split,
  wait,
  yes,
} from './model-builder';

const swapped = sequence({
  steps: [email('1'), email('2', { delay: wait(2) }), email('3', { delay: wait(1) }), complete('4')],
  connections: chain('start', '1', '3', '2', '4'),
});

ruleTable(rule, [
  { name: 'fires when step 3 runs before step 2', seq: swapped, expect: [['fail', ['1', '3', '2', '4']]] },
  {
    name: 'silent when numbers follow the lines',
    seq: sequence({
      steps: [email('1'), email('2'), email('3'), complete('4')],
      connections: chain('start', '1', '2', '3', '4'),
    }),
    expect: [],
  },
  {
    name: 'silent when split branches are numbered level by level',
    seq: sequence({
      steps: [split('1'), email('2'), email('3'), complete('4'), complete('5')],
      connections: [
        { from: 'start', to: '1' },
        yes('1', '2'),
        no('1', '3'),
        ...chain('2', '4'),
        ...chain('3', '5'),
      ],
    }),
    expect: [],
  },
  {
    name: 'silent on a loop going back to a lower number',
    seq: sequence({
      steps: [email('1'), email('2', { delay: wait(7) }), goto('3', '2')],
      connections: chain('start', '1', '2', '3'),
    }),
    expect: [],
  },
  {
    name: 'silent when the Starting Rules module was not seen (nothing to order from)',
    seq: sequence({ ...swapped, startingRules: null }),
    expect: [],
  },
]);

describe('step-numbers-not-order message', () => {
  it('shows the real order', () => {
    expect(run(rule, swapped)[0]?.message).toContain('1 → 3 → 2 → 4');
  });
});
