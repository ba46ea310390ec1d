import { rule } from '../../../lib/checks/too-many-emails';
import type { Step } from '../../../lib/model/model';
import { chain, complete, email, ruleTable, sequence, sms } from './model-builder';

const emails = (count: number, extra: Step[] = []) => {
  const steps = [...Array.from({ length: count }, (_, i) => email(String(i + 1))), ...extra];
  return sequence({ steps, connections: chain('start', ...steps.map((s) => s.ref)) });
};

ruleTable(rule, [
  {
    name: 'fires on 11 emails (limit 10)',
    seq: emails(11),
    expect: [['fail', [], 'tooMany']],
    message: /11 email steps/,
  },
  { name: 'silent on exactly 10 emails', seq: emails(10, [complete('11')]), expect: [] },
  { name: 'SMS steps do not count', seq: emails(10, [sms('11'), sms('12')]), expect: [] },
  {
    name: 'follows the configured limit',
    seq: emails(4),
    options: { settings: { ruleOptions: { 'too-many-emails': { limit: 3 } } } },
    expect: [['fail', [], 'tooMany']],
  },
  {
    name: 'a limit the rule does not accept (0) counts as the default',
    seq: emails(10),
    options: { settings: { ruleOptions: { 'too-many-emails': { limit: 0 } } } },
    expect: [],
  },
  {
    name: 'asks for review under the limit while tabs are unopened',
    seq: { ...emails(3), tabs: { all: ['Main', 'A'], seen: ['Main'] } },
    expect: [['review', [], 'countedSoFar']],
  },
]);
