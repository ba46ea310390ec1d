import { rule } from '../../../lib/checks/split-branch-open';
import { chain, complete, email, no, ruleTable, sequence, split, yes } from './model-builder';

const withBranches = (...lines: ReturnType<typeof yes>[]) =>
  sequence({
    steps: [email('1'), split('2', { title: 'Opened email 1' }), complete('3'), complete('4')],
    connections: [...chain('start', '1', '2'), ...lines],
  });

ruleTable(rule, [
  {
    name: 'fires when the No branch has no line',
    seq: withBranches(yes('2', '3')),
    expect: [['fail', ['2'], 'branchOpen']],
    message: /^Step 2 · Split "Opened email 1": .* No branch has /,
  },
  {
    name: 'fires when the Yes branch has no line',
    seq: withBranches(no('2', '4')),
    expect: [['fail', ['2'], 'branchOpen']],
  },
  {
    name: 'fires once when both are open',
    seq: withBranches(),
    expect: [['fail', ['2'], 'branchOpen']],
    message: / Yes and No branches have /,
  },
  { name: 'silent when both branches lead on', seq: withBranches(yes('2', '3'), no('2', '4')), expect: [] },
  {
    name: 'asks for review when a line leaves the split but its branch could not be told',
    seq: withBranches(yes('2', '3'), { from: '2', to: '4' }),
    expect: [['review', ['2'], 'branchUnread']],
  },
  {
    name: 'silent on a split nobody reaches',
    seq: sequence({ steps: [email('1'), complete('3'), split('2')], connections: chain('start', '1', '3') }),
    expect: [],
  },
]);
