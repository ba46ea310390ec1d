import { rule } from '../../../lib/checks/email-no-subject';
import { chain, complete, email, ruleTable, sequence, sms } from './model-builder';

const subject = (title: string | null) =>
  sequence({
    steps: [email('1'), email('2', { title }), complete('3')],
    connections: chain('start', '1', '2', '3'),
  });

ruleTable(rule, [
  {
    name: 'fires on an empty subject',
    seq: subject(''),
    expect: [['fail', ['2'], 'noSubject']],
    message: /^Step 2 · Send email (?!")/,
  },
  { name: 'fires on a blank subject', seq: subject('   '), expect: [['fail', ['2'], 'noSubject']] },
  { name: 'silent with a subject', seq: subject('Your recipes'), expect: [] },
  {
    name: 'asks for review when the subject was not read',
    seq: subject(null),
    expect: [['review', ['2'], 'subjectUnread']],
  },
  {
    name: 'SMS texts are not subjects',
    seq: sequence({ steps: [sms('1', { title: '' }), complete('2')], connections: chain('start', '1', '2') }),
    expect: [],
  },
]);
