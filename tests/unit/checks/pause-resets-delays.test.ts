import { rule } from '../../../lib/checks/pause-resets-delays';
import { chain, complete, email, healthy, onDate, ruleTable, sequence } from './model-builder';

const noDelays = sequence({
  steps: [email('1'), email('2'), complete('3')],
  connections: chain('start', '1', '2', '3'),
});

ruleTable(rule, [
  {
    name: 'fires with contacts inside and a waiting step',
    seq: healthy({ subscribers: 42 }),
    expect: [['fail', [], 'delaysRestart']],
    message: /42 contacts/,
  },
  { name: 'silent with nobody inside', seq: healthy({ subscribers: 0 }), expect: [] },
  { name: 'silent when no step has a delay', seq: { ...noDelays, subscribers: 42 }, expect: [] },
  {
    name: 'fires for a date-specific step too',
    seq: sequence({
      steps: [email('1', { delay: onDate('2030-01-01T10:00') }), complete('2')],
      subscribers: 3,
    }),
    expect: [['fail', [], 'delaysRestart']],
  },
  {
    name: 'asks for review when the contact count was not read',
    seq: healthy({ subscribers: null }),
    expect: [['review', [], 'contactsUnread']],
  },
  {
    name: 'asks for review when delays were not read',
    seq: { ...noDelays, subscribers: 5, steps: [email('1', { delay: null }), email('2'), complete('3')] },
    expect: [['review', [], 'delaysUnread']],
  },
]);
