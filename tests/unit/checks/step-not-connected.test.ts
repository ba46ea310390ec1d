import { rule } from '../../../lib/checks/step-not-connected';
import { chain, complete, email, goto, ruleTable, sequence } from './model-builder';

const withSub = (lines = chain('start', '1', '2')) =>
  sequence({
    steps: [email('1'), goto('2', 'A1'), email('A1'), complete('A2')],
    connections: [...lines, ...chain('A1', 'A2')],
  });

ruleTable(rule, [
  {
    name: 'fires on a step with no line in and no Go To',
    seq: sequence({
      steps: [email('1'), complete('2'), email('3', { title: 'Bonus' })],
      connections: chain('start', '1', '2'),
    }),
    expect: [['fail', ['3'], 'notConnected']],
    message: /^Step 3 · Send email "Bonus" /,
  },
  {
    name: 'silent when the same step is connected',
    seq: sequence({
      steps: [email('1'), email('3'), complete('2')],
      connections: chain('start', '1', '3', '2'),
    }),
    expect: [],
  },
  {
    name: 'fires on the first step when Starting Rules is not joined to it',
    seq: sequence({ steps: [email('1'), complete('2')], connections: chain('1', '2') }),
    expect: [['fail', ['1'], 'notConnected']],
  },
  { name: 'silent on a sub-sequence entered by a Go To', seq: withSub(), expect: [] },
  {
    name: "leaves a never-entered sub-sequence's entry step to subsequence-never-entered",
    seq: sequence({
      steps: [email('1'), complete('2'), email('A1'), complete('A2')],
      connections: [...chain('start', '1', '2'), ...chain('A1', 'A2')],
    }),
    expect: [],
  },
  {
    name: 'still fires on a second loose step inside a never-entered sub-sequence',
    seq: sequence({
      steps: [email('1'), complete('2'), email('A1'), complete('A2'), email('A3')],
      connections: [...chain('start', '1', '2'), ...chain('A1', 'A2')],
    }),
    expect: [['fail', ['A3'], 'notConnected']],
  },
  {
    name: 'asks for review while a tab that may hold a Go To to it is unopened',
    seq: sequence({
      steps: [email('1'), complete('2'), email('3')],
      connections: chain('start', '1', '2'),
      tabs: { all: ['Main', 'A'], seen: ['Main'] },
    }),
    expect: [['review', ['3'], 'maybeNotConnected']],
  },
  {
    name: "asks for review when an active Go To's target was not read (it may point here)",
    seq: sequence({
      steps: [email('1'), goto('2', '3', { goto: null }), email('3')],
      connections: chain('start', '1', '2'),
    }),
    expect: [['review', ['3'], 'maybeNotConnected']],
    message: /target of the Go To in step 2 not read/,
  },
]);
