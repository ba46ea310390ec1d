import { describe, expect, it } from 'vitest';
import { rule } from '../../../lib/checks/path-without-ending';
import {
  chain,
  complete,
  email,
  goto,
  no,
  ruleTable,
  run,
  sequence,
  split,
  step,
  tag,
  unsubscribe,
  yes,
} from './model-builder';

ruleTable(rule, [
  {
    name: 'fires when the last step is an email',
    seq: sequence({
      steps: [email('1'), email('2', { title: 'Bye' })],
      connections: chain('start', '1', '2'),
    }),
    expect: [['fail', ['2'], 'noEnding']],
    message: /Step 2 · Send email "Bye"/,
  },
  {
    name: 'silent when the path ends on Complete',
    seq: sequence({
      steps: [email('1'), email('2'), complete('3')],
      connections: chain('start', '1', '2', '3'),
    }),
    expect: [],
  },
  {
    name: 'silent when the path ends on an unsubscribe step',
    seq: sequence({ steps: [email('1'), unsubscribe('2')], connections: chain('start', '1', '2') }),
    expect: [],
  },
  {
    name: 'silent when the path ends on a Go To',
    seq: sequence({
      steps: [email('1'), goto('2', 'A1'), email('A1'), complete('A2')],
      connections: [...chain('start', '1', '2'), ...chain('A1', 'A2')],
    }),
    expect: [],
  },
  {
    name: 'fires when a tag step ends the path',
    seq: sequence({ steps: [email('1'), tag('2')], connections: chain('start', '1', '2') }),
    expect: [['fail', ['2'], 'noEnding']],
  },
  {
    name: 'accepts unsubscribing from this very sequence as an ending',
    seq: sequence({
      steps: [email('1'), step('2', 'sequence', { action: 'unsubscribe', target: 'Lead magnet follow-up' })],
      connections: chain('start', '1', '2'),
    }),
    expect: [],
  },
  {
    name: 'leaves a split with an open branch to split-branch-open',
    seq: sequence({
      steps: [email('1'), split('2'), complete('3')],
      connections: [...chain('start', '1', '2'), yes('2', '3')],
    }),
    expect: [],
  },
  {
    name: 'fires on each open end of a split',
    seq: sequence({
      steps: [split('1'), email('2'), complete('3'), email('4')],
      connections: [{ from: 'start', to: '1' }, yes('1', '2'), no('1', '4'), ...chain('2', '3')],
    }),
    expect: [['fail', ['4'], 'noEnding']],
  },
  {
    name: 'silent on a step no path reaches (an island is step-unreachable)',
    seq: sequence({ steps: [email('1'), complete('2'), email('3')], connections: chain('start', '1', '2') }),
    expect: [],
  },
  {
    name: 'asks for review when the last step kind was not read',
    seq: sequence({ steps: [email('1'), step('2', 'unknown')], connections: chain('start', '1', '2') }),
    expect: [['review', ['2'], 'kindUnread']],
  },
  {
    name: 'asks for review when some lines could not be traced',
    seq: sequence({
      steps: [email('1'), email('2')],
      connections: chain('start', '1'),
      diagnostics: [{ code: 'line-untraced', where: 'line 2', expected: 'a line joining two nodes' }],
    }),
    expect: [
      ['review', ['1'], 'maybeNoEnding'],
      ['review', ['2'], 'maybeNoEnding'],
    ],
  },
]);

describe('house rule: how every path ends', () => {
  const endsWith = (last: ReturnType<typeof complete>) =>
    sequence({ steps: [email('1'), last], connections: chain('start', '1', '2') });
  const withEnding = (ending: string) => ({
    settings: { ruleOptions: { 'path-without-ending': { ending } } },
  });

  it('either ending is fine by default', () => {
    expect(run(rule, endsWith(complete('2')))).toEqual([]);
    expect(run(rule, endsWith(unsubscribe('2')))).toEqual([]);
  });

  it('flags the other ending, and the fix names the house ending', () => {
    const [onComplete] = run(rule, endsWith(complete('2')), withEnding('unsubscribe'));
    expect(onComplete).toMatchObject({ kind: 'fail', steps: ['2'], messageId: 'otherEnding' });
    expect(onComplete?.fix).toContain('an unsubscribe step (your house rule)');
    expect(run(rule, endsWith(unsubscribe('2')), withEnding('unsubscribe'))).toEqual([]);
    const [onUnsubscribe] = run(rule, endsWith(unsubscribe('2')), withEnding('complete'));
    expect(onUnsubscribe).toMatchObject({ messageId: 'otherEnding', steps: ['2'] });
    expect(onUnsubscribe?.message).toContain('a Complete step');
  });

  it('a path with no ending at all names the house ending in its fix; a Go To is always an ending', () => {
    const [open] = run(rule, endsWith(email('2')), withEnding('complete'));
    expect(open).toMatchObject({ messageId: 'noEnding', steps: ['2'] });
    expect(open?.fix).toContain('a Complete step (your house rule)');
    const jump = sequence({ steps: [email('1'), goto('2', '1')], connections: chain('start', '1', '2') });
    expect(run(rule, jump, withEnding('unsubscribe'))).toEqual([]);
  });

  it('a value the rule does not know counts as the default', () => {
    expect(run(rule, endsWith(complete('2')), withEnding('never'))).toEqual([]);
  });
});
