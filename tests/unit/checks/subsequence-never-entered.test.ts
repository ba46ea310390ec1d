import { rule } from '../../../lib/checks/subsequence-never-entered';
import { chain, complete, email, goto, no, ruleTable, sequence, split, yes } from './model-builder';

const sub = [email('A1'), email('A2'), complete('A3')];
const subLines = chain('A1', 'A2', 'A3');

ruleTable(rule, [
  {
    name: 'fires with all the steps of a sub-sequence nobody enters',
    seq: sequence({
      steps: [email('1'), complete('2'), ...sub],
      connections: [...chain('start', '1', '2'), ...subLines],
    }),
    expect: [['fail', ['A1', 'A2', 'A3'], 'neverEntered']],
    message: / A, .* 3 steps\./,
  },
  {
    name: 'silent when a Go To leads in',
    seq: sequence({
      steps: [email('1'), goto('2', 'A1'), ...sub],
      connections: [...chain('start', '1', '2'), ...subLines],
    }),
    expect: [],
  },
  {
    name: 'silent when a split line leads in',
    seq: sequence({
      steps: [split('1'), complete('2'), ...sub],
      connections: [{ from: 'start', to: '1' }, yes('1', '2'), no('1', 'A1'), ...subLines],
    }),
    expect: [],
  },
  {
    name: 'a Go To inside the sub-sequence to its own step is not a way in',
    seq: sequence({
      steps: [email('1'), complete('2'), email('A1'), goto('A2', 'A1')],
      connections: [...chain('start', '1', '2'), ...chain('A1', 'A2')],
    }),
    expect: [['fail', ['A1', 'A2'], 'neverEntered']],
  },
  {
    name: 'a sub-sequence entered only from an inactive Go To is never entered',
    seq: sequence({
      steps: [email('1'), goto('2', 'A1', { active: false }), ...sub],
      connections: [...chain('start', '1', '2'), ...subLines],
    }),
    expect: [['fail', ['A1', 'A2', 'A3'], 'neverEntered']],
    message: /Step 2 · Go To .* is inactive/,
  },
  {
    name: 'a sub-sequence entered only from a stranded Go To is never entered',
    seq: sequence({
      steps: [email('1'), complete('2'), email('3'), goto('4', 'A1'), ...sub],
      connections: [...chain('start', '1', '2'), ...chain('3', '4'), ...subLines],
    }),
    expect: [['fail', ['A1', 'A2', 'A3'], 'neverEntered']],
    message: /nobody reaches Step 4/,
  },
  {
    name: 'a line from a step nobody reaches is no way in either',
    seq: sequence({
      steps: [email('1'), complete('2'), email('3'), ...sub],
      connections: [...chain('start', '1', '2'), ...chain('3', 'A1'), ...subLines],
    }),
    expect: [['fail', ['A1', 'A2', 'A3'], 'neverEntered']],
  },
  {
    name: 'asks for review while another tab is unopened',
    seq: sequence({
      steps: [email('1'), complete('2'), ...sub],
      connections: [...chain('start', '1', '2'), ...subLines],
      tabs: { all: ['Main', 'A', 'B'], seen: ['Main', 'A'] },
    }),
    expect: [['review', ['A1', 'A2', 'A3'], 'maybeNeverEntered']],
  },
  {
    name: 'asks for review when the target of a reached Go To was not read (it may be the way in)',
    seq: sequence({
      steps: [email('1'), goto('2', 'A1', { goto: null }), ...sub],
      connections: [...chain('start', '1', '2'), ...subLines],
    }),
    expect: [['review', ['A1', 'A2', 'A3'], 'maybeNeverEntered']],
    message: /the target of the Go To in step 2 not read/,
  },
  {
    name: 'asks for review when the Starting Rules module was not seen (nobody knows what is reached)',
    seq: sequence({
      startingRules: null,
      steps: [email('1'), complete('2'), email('3'), goto('4', 'A1'), ...sub],
      connections: [...chain('1', '2'), ...chain('3', '4'), ...subLines],
    }),
    expect: [['review', ['A1', 'A2', 'A3'], 'maybeNeverEntered']],
    message: /Starting Rules module not seen/,
  },
  {
    name: 'an unread Go To that is inactive jumps nowhere: still never entered',
    seq: sequence({
      steps: [email('1'), goto('2', 'A1', { goto: null, active: false }), complete('3'), ...sub],
      connections: [...chain('start', '1', '2'), ...subLines],
    }),
    expect: [['fail', ['A1', 'A2', 'A3'], 'neverEntered']],
  },
]);
