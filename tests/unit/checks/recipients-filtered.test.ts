import { rule } from '../../../lib/checks/recipients-filtered';
import { chain, complete, email, healthy, ruleTable, sequence, sms, tag } from './model-builder';

const flow = (...steps: ReturnType<typeof email>[]) =>
  sequence({
    steps: [...steps, complete('9')],
    connections: chain('start', ...steps.map((s) => s.ref), '9'),
  });

ruleTable(rule, [
  {
    name: 'fires on a filtered email',
    seq: flow(
      email('1'),
      email('2', { recipients: 'filtered', recipientsText: 'Filtered: only contacts matching filters' }),
    ),
    expect: [['fail', ['2'], 'filtered']],
    message: /^Step 2 · Send email "Email 2" .*\("Filtered: only contacts matching filters"\)/,
  },
  { name: 'silent when everyone reaching the step gets it', seq: healthy(), expect: [] },
  {
    name: 'fires on a filtered SMS too',
    seq: flow(sms('1', { recipients: 'filtered' })),
    expect: [['fail', ['1'], 'filtered']],
  },
  {
    name: 'asks for review when recipients were not read',
    seq: flow(email('1', { recipients: null })),
    expect: [['review', ['1'], 'recipientsUnread']],
  },
  { name: 'ignores steps without recipients', seq: flow(tag('1')), expect: [] },
]);
