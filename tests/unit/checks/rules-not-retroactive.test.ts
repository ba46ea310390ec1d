import { rule } from '../../../lib/checks/rules-not-retroactive';
import { healthy, ruleTable } from './model-builder';

ruleTable(rule, [
  {
    name: 'fires when there is a starting rule',
    seq: healthy(),
    expect: [['fail', ['start'], 'notRetroactive']],
  },
  { name: 'silent with no starting rule', seq: healthy({ startingRules: [] }), expect: [] },
  {
    name: 'asks for review when the rules were not seen',
    seq: healthy({ startingRules: null }),
    expect: [['review', ['start'], 'startNotSeen']],
  },
]);
