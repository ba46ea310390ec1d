import { rule } from '../../../lib/checks/editing-live-sequence';
import { healthy, ruleTable } from './model-builder';

ruleTable(rule, [
  {
    name: 'fires with contacts inside',
    seq: healthy({ subscribers: 1 }),
    expect: [['fail', [], 'liveContacts']],
    message: /1 contact is/,
  },
  { name: 'silent with nobody inside', seq: healthy({ subscribers: 0 }), expect: [] },
  {
    name: 'asks for review when the count was not read',
    seq: healthy({ subscribers: null }),
    expect: [['review', [], 'contactsUnread']],
  },
]);
