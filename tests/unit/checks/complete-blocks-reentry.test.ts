import { rule } from '../../../lib/checks/complete-blocks-reentry';
import {
  chain,
  complete,
  email,
  healthy,
  no,
  ruleTable,
  sequence,
  split,
  unsubscribe,
  yes,
} from './model-builder';

const tagRule = [{ type: 'tag' as const, label: 'Tag applied: Requested guide' }];

ruleTable(rule, [
  {
    name: 'fires on a Complete ending when a tag rule can fire again',
    seq: sequence({
      startingRules: tagRule,
      steps: [email('1'), complete('2', { title: 'Guide done' })],
      connections: chain('start', '1', '2'),
    }),
    expect: [['fail', ['2'], 'reentryBlocked']],
    message: /Step 2 · Complete "Guide done".*a tag applied again/,
  },
  {
    name: 'fires for a purchase, a form and a page visit alike, naming each trigger',
    seq: sequence({
      startingRules: [
        { type: 'order', label: 'Bought: Box' },
        { type: 'optin', label: 'Form: Waitlist' },
        { type: 'page', label: 'Visited: Pricing' },
      ],
      steps: [email('1'), complete('2')],
      connections: chain('start', '1', '2'),
    }),
    expect: [['fail', ['2'], 'reentryBlocked']],
    message: /a product bought again, a form filled in again, or a page visited again/,
  },
  {
    name: 'one finding per Complete step that ends a path',
    seq: sequence({
      startingRules: tagRule,
      steps: [split('1'), complete('2'), email('3'), complete('4')],
      connections: [{ from: 'start', to: '1' }, yes('1', '2'), no('1', '3'), ...chain('3', '4')],
    }),
    expect: [
      ['fail', ['2'], 'reentryBlocked'],
      ['fail', ['4'], 'reentryBlocked'],
    ],
  },
  {
    name: 'silent when the path ends with an unsubscribe step',
    seq: sequence({
      startingRules: tagRule,
      steps: [email('1'), unsubscribe('2')],
      connections: chain('start', '1', '2'),
    }),
    expect: [],
  },
  {
    name: 'silent when only rules that do not fire twice start it (list, another sequence, automation)',
    seq: sequence({
      startingRules: [
        { type: 'list', label: 'Subscribed to list: Buyers' },
        { type: 'sequence', label: 'Finished: Onboarding' },
        { type: 'automation', label: 'Automation: VIP' },
      ],
      steps: [email('1'), complete('2')],
      connections: chain('start', '1', '2'),
    }),
    expect: [],
  },
  {
    name: 'silent with no starting rule',
    seq: healthy({ startingRules: [] }),
    expect: [],
  },
  {
    name: 'silent on an inactive Complete step (contacts skip it)',
    seq: sequence({
      startingRules: tagRule,
      steps: [email('1'), complete('2', { active: false })],
      connections: chain('start', '1', '2'),
    }),
    expect: [],
  },
  {
    name: 'silent on a Complete step no path reaches',
    seq: sequence({
      startingRules: tagRule,
      steps: [email('1'), unsubscribe('2'), email('3'), complete('4')],
      connections: [...chain('start', '1', '2'), ...chain('3', '4')],
    }),
    expect: [],
  },
  {
    name: 'asks for review when the Starting Rules module was not seen',
    seq: sequence({
      startingRules: null,
      steps: [email('1'), complete('2')],
      connections: chain('1', '2'),
    }),
    expect: [['review', ['start'], 'startNotSeen']],
    message: / step 2 /,
  },
  {
    name: 'asks for review when the lines to the Complete step could not all be traced',
    seq: sequence({
      startingRules: tagRule,
      steps: [email('1'), complete('2')],
      connections: chain('start', '1'),
      diagnostics: [{ code: 'line-untraced', where: 'line 2', expected: 'a line joining two nodes' }],
    }),
    expect: [['review', ['2'], 'maybeReached']],
  },
]);
