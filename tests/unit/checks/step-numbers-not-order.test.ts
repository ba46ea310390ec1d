import { describe, expect, it } from 'vitest';
import { rule } from '../../../lib/checks/step-numbers-not-order';
import {
  chain,
  complete,
  email,
  goto,
  LINES_ON_A_CANVAS,
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
  {
    name: 'fires when step 3 runs before step 2',
    seq: swapped,
    expect: [['fail', ['1', '3', '2', '4'], 'numbersNotOrder']],
  },
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
    name: 'reviews, with the reason, when the canvas showed lines it could not read',
    seq: sequence({
      ...swapped,
      connections: [],
      diagnostics: [LINES_ON_A_CANVAS],
    }),
    expect: [['review', [], 'linesNotRead']],
    message: /painted on a <canvas>/,
  },
  {
    name: 'reviews the order read when a line was not traced to both ends',
    seq: sequence({
      ...swapped,
      diagnostics: [{ code: 'line-untraced', where: 'line 5', expected: 'two ends', found: 'one' }],
    }),
    expect: [['review', ['1', '3', '2', '4'], 'maybeNumbersNotOrder']],
    message: /1 line not traced/,
  },
  {
    name: 'silent when the Starting Rules module was not seen (nothing to order from)',
    seq: sequence({ ...swapped, startingRules: null }),
    expect: [],
  },
]);

describe('step-numbers-not-order finding', () => {
  it('shows the real order, and its fix says to follow it', () => {
    const [found] = run(rule, swapped);
    expect(found?.message).toContain('1 → 3 → 2 → 4');
    expect(found?.fix).toContain('1 → 3 → 2 → 4');
  });
});
