import { rule } from '../../../lib/checks/start-not-connected';
import { chain, complete, email, healthy, ruleTable, sequence } from './model-builder';

ruleTable(rule, [
  {
    name: 'fires when no line leaves Starting Rules',
    seq: sequence({ steps: [email('1'), complete('2')], connections: chain('1', '2') }),
    expect: [['fail', ['start'], 'notConnected']],
  },
  { name: 'silent when Starting Rules is joined to step 1', seq: healthy(), expect: [] },
  {
    name: 'asks for review when the Starting Rules module was not seen',
    seq: sequence({ steps: [email('A1')], startingRules: null, tabs: { all: ['Main', 'A'], seen: ['A'] } }),
    expect: [['review', ['start'], 'startNotSeen']],
  },
  {
    name: 'asks for review when a line could not be traced',
    seq: sequence({
      steps: [email('1'), complete('2')],
      connections: chain('1', '2'),
      diagnostics: [{ code: 'line-untraced', where: 'line 1', expected: 'a line joining two nodes' }],
    }),
    expect: [['review', ['start'], 'maybeNotConnected']],
  },
  { name: 'silent on an empty canvas', seq: sequence({ steps: [] }), expect: [] },
]);
