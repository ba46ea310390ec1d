import { rule } from '../../../lib/checks/step-unreachable';
import { chain, complete, email, goto, ruleTable, sequence } from './model-builder';

ruleTable(rule, [
  {
    name: "lists an island's steps but not its unconnected head",
    seq: sequence({
      steps: [email('1'), complete('2'), email('3'), email('4'), complete('5')],
      connections: [...chain('start', '1', '2'), ...chain('3', '4', '5')],
    }),
    expect: [['fail', ['4', '5'], 'unreachable']],
    message:
      /^Step 4 · Send email "Email 4" and Step 5 · Complete "Done" have .* them .*Step 3 · Send email "Email 3"/,
  },
  {
    name: 'silent when the island is joined to the flow',
    seq: sequence({
      steps: [email('1'), email('3'), email('4'), complete('5')],
      connections: chain('start', '1', '3', '4', '5'),
    }),
    expect: [],
  },
  {
    name: 'silent on a lone unconnected step (that is step-not-connected)',
    seq: sequence({ steps: [email('1'), complete('2'), email('3')], connections: chain('start', '1', '2') }),
    expect: [],
  },
  {
    name: 'one finding per island',
    seq: sequence({
      steps: [email('1'), complete('2'), email('3'), complete('4'), email('5'), complete('6')],
      connections: [...chain('start', '1', '2'), ...chain('3', '4'), ...chain('5', '6')],
    }),
    expect: [
      ['fail', ['4'], 'unreachable'],
      ['fail', ['6'], 'unreachable'],
    ],
  },
  {
    name: 'a headless loop is all island',
    seq: sequence({
      steps: [email('1'), complete('2'), email('3'), email('4')],
      connections: [...chain('start', '1', '2'), ...chain('3', '4', '3')],
    }),
    expect: [['fail', ['3', '4'], 'unreachable']],
  },
  {
    name: 'steps after a Go To target count as reached',
    seq: sequence({
      steps: [email('1'), goto('2', 'A1'), email('A1'), complete('A2')],
      connections: [...chain('start', '1', '2'), ...chain('A1', 'A2')],
    }),
    expect: [],
  },
  {
    // The Go To at the island's end jumps back to its head, but nobody reaches the Go To.
    name: 'an island closed by a Go To is an island, head included (a Go To points at it)',
    seq: sequence({
      steps: [email('1'), complete('2'), email('3'), email('4'), goto('5', '3')],
      connections: [...chain('start', '1', '2'), ...chain('3', '4', '5')],
    }),
    expect: [['fail', ['3', '4', '5'], 'unreachable']],
  },
  {
    name: "an inactive Go To's jump is no path: its target and what follows are unreachable",
    seq: sequence({
      steps: [email('1'), goto('2', '3', { active: false }), email('3'), complete('4')],
      connections: [...chain('start', '1', '2'), ...chain('3', '4')],
    }),
    expect: [['fail', ['3', '4'], 'unreachable']],
  },
  {
    name: 'an active Go To that is reached leads on',
    seq: sequence({
      steps: [email('1'), goto('2', '3'), email('3'), complete('4')],
      connections: [...chain('start', '1', '2'), ...chain('3', '4')],
    }),
    expect: [],
  },
  {
    name: 'leaves a never-entered sub-sequence to subsequence-never-entered',
    seq: sequence({
      steps: [email('1'), complete('2'), email('A1'), complete('A2')],
      connections: [...chain('start', '1', '2'), ...chain('A1', 'A2')],
    }),
    expect: [],
  },
  {
    name: 'everything after an unjoined Starting Rules',
    seq: sequence({ steps: [email('1'), email('2'), complete('3')], connections: chain('1', '2', '3') }),
    expect: [['fail', ['2', '3'], 'unreachable']],
  },
  {
    name: 'asks for review while tabs are unopened',
    seq: sequence({
      steps: [email('1'), complete('2'), email('3'), complete('4')],
      connections: [...chain('start', '1', '2'), ...chain('3', '4')],
      tabs: { all: ['Main', 'B'], seen: ['Main'] },
    }),
    expect: [['review', ['4'], 'maybeUnreachable']],
  },
]);
