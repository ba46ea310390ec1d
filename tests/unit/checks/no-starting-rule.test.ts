import { rule } from '../../../lib/checks/no-starting-rule';
import { healthy, ruleTable } from './model-builder';

ruleTable(rule, [
  {
    name: 'fires when Starting Rules holds no rule',
    seq: healthy({ startingRules: [] }),
    expect: [['fail', ['start'], 'noRule']],
  },
  { name: 'silent with one rule', seq: healthy(), expect: [] },
  {
    name: 'asks for review when the module was not seen',
    seq: healthy({ startingRules: null }),
    expect: [['review', ['start'], 'startNotSeen']],
  },
]);
