import { describe, expect, it } from 'vitest';
import { plumbingReason, rule } from '../../../lib/checks/public-name-weak';
import { healthy, ruleTable } from './model-builder';

ruleTable(rule, [
  {
    name: 'fires when the public name is not set',
    seq: healthy({ publicName: '' }),
    expect: [['fail', [], 'notSet']],
  },
  {
    name: 'fires when it equals the internal name',
    seq: healthy({ name: 'Lead magnet follow-up', publicName: 'lead magnet follow-up' }),
    expect: [['fail', [], 'internalName']],
  },
  {
    name: 'fires on "Newsletter"',
    seq: healthy({ publicName: 'Newsletter' }),
    expect: [['fail', [], 'plumbing']],
  },
  {
    name: 'fires on "Welcome copy v2"',
    seq: healthy({ publicName: 'Welcome copy v2' }),
    expect: [['fail', [], 'plumbing']],
  },
  { name: 'fires on an id', seq: healthy({ publicName: 'seq_2231' }), expect: [['fail', [], 'plumbing']] },
  { name: 'silent on a name people want', seq: healthy({ publicName: 'Free recipe pack' }), expect: [] },
  {
    name: 'silent on "Weekly recipes newsletter"',
    seq: healthy({ publicName: 'Weekly recipes newsletter' }),
    expect: [],
  },
  {
    name: 'asks for review when the public name was not read',
    seq: healthy({ publicName: null }),
    expect: [['review', [], 'nameUnread']],
  },
]);

describe('plumbing names', () => {
  it.each([
    'Test',
    'Untitled sequence',
    'Copy of Welcome',
    'List 3',
    'Sequence',
    'Onboarding V3',
    '12345',
    'Promo #12',
    'welcome-7',
    'Main list 2026',
  ])('%s reads like plumbing', (name) => expect(plumbingReason(name)).not.toBeNull());
  it.each([
    'Piano in Your Pajamas: Members’ Updates',
    'Copywriting tips',
    '5 days to calmer mornings',
    'Top 10 recipes',
  ])('%s reads like a name for people', (name) => expect(plumbingReason(name)).toBeNull());
});
