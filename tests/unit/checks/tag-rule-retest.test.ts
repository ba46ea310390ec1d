import { rule } from '../../../lib/checks/tag-rule-retest';
import { healthy, ruleTable } from './model-builder';

ruleTable(rule, [
  {
    name: 'fires on a tag starting rule',
    seq: healthy({ startingRules: [{ type: 'tag', label: 'Tag applied: Downloaded recipes' }] }),
    expect: [['fail', ['start'], 'tagRule']],
    message: /Downloaded recipes/,
  },
  {
    name: 'one finding for several tag rules',
    seq: healthy({
      startingRules: [
        { type: 'tag', label: 'Tag applied: A' },
        { type: 'optin', label: 'Opt-in form: B' },
        { type: 'tag', label: 'Tag applied: C' },
      ],
    }),
    expect: [['fail', ['start'], 'tagRule']],
  },
  {
    name: 'silent on a list rule',
    seq: healthy({ startingRules: [{ type: 'list', label: 'Subscribed to list: A' }] }),
    expect: [],
  },
  {
    name: 'asks for review when the rules were not seen',
    seq: healthy({ startingRules: null }),
    expect: [['review', ['start'], 'startNotSeen']],
  },
]);
