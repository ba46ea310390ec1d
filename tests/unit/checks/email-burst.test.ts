import { describe, expect, it } from 'vitest';
import { rule } from '../../../lib/checks/email-burst';
import {
  chain,
  complete,
  email,
  no,
  ruleTable,
  run,
  sequence,
  sms,
  split,
  tag,
  wait,
  weekdays,
  yes,
} from './model-builder';

ruleTable(rule, [
  {
    name: 'fires on two emails in a row with no delay',
    seq: sequence({
      steps: [email('1'), email('2'), complete('3')],
      connections: chain('start', '1', '2', '3'),
    }),
    expect: [['fail', ['1', '2'], 'sameMoment']],
    message: /^Step 1 · Send email "Email 1" and Step 2 · Send email "Email 2" /,
  },
  {
    name: 'silent when the second waits',
    seq: sequence({
      steps: [email('1'), email('2', { delay: wait(0, 1) }), complete('3')],
      connections: chain('start', '1', '2', '3'),
    }),
    expect: [],
  },
  {
    name: 'silent when the second has a window',
    seq: sequence({
      steps: [email('1'), email('2', { window: weekdays() }), complete('3')],
      connections: chain('start', '1', '2', '3'),
    }),
    expect: [],
  },
  {
    name: 'fires through an instant tag step',
    seq: sequence({
      steps: [email('1'), tag('2'), sms('3'), complete('4')],
      connections: chain('start', '1', '2', '3', '4'),
    }),
    expect: [['fail', ['1', '3'], 'sameMoment']],
  },
  {
    name: 'silent when the step between waits',
    seq: sequence({
      steps: [email('1'), tag('2', { delay: wait(1) }), email('3'), complete('4')],
      connections: chain('start', '1', '2', '3', '4'),
    }),
    expect: [],
  },
  {
    name: 'groups a run of three',
    seq: sequence({
      steps: [email('1'), email('2'), email('3'), complete('4')],
      connections: chain('start', '1', '2', '3', '4'),
    }),
    expect: [['fail', ['1', '2', '3'], 'sameMoment']],
  },
  {
    // One contact takes one branch: 3 and 4 never reach the same person.
    name: 'the branches of an instant split after an email are separate bursts',
    seq: sequence({
      steps: [email('1'), split('2'), email('3'), email('4'), complete('5')],
      connections: [
        ...chain('start', '1', '2'),
        yes('2', '3'),
        no('2', '4'),
        ...chain('3', '5'),
        ...chain('4', '5'),
      ],
    }),
    expect: [
      ['fail', ['1', '3'], 'sameMoment'],
      ['fail', ['1', '4'], 'sameMoment'],
    ],
  },
  {
    name: 'messages on two branches that then meet one message: one burst per branch',
    seq: sequence({
      steps: [split('1'), email('2'), email('3'), email('4'), complete('5')],
      connections: [
        ...chain('start', '1'),
        yes('1', '2'),
        no('1', '3'),
        ...chain('2', '4'),
        ...chain('3', '4', '5'),
      ],
    }),
    expect: [
      ['fail', ['2', '4'], 'sameMoment'],
      ['fail', ['3', '4'], 'sameMoment'],
    ],
  },
  {
    name: 'silent on the two branches of a split with one message each',
    seq: sequence({
      steps: [tag('1'), split('2'), email('3'), email('4'), complete('5'), complete('6')],
      connections: [
        ...chain('start', '1', '2'),
        yes('2', '3'),
        no('2', '4'),
        ...chain('3', '5'),
        ...chain('4', '6'),
      ],
    }),
    expect: [],
  },
  {
    name: 'an inactive email is not sent',
    seq: sequence({
      steps: [email('1'), email('2', { active: false }), complete('3')],
      connections: chain('start', '1', '2', '3'),
    }),
    expect: [],
  },
  {
    name: 'asks for review when a step between has unread timing',
    seq: sequence({
      steps: [email('1'), tag('2', { delay: null }), email('3'), complete('4')],
      connections: chain('start', '1', '2', '3', '4'),
    }),
    expect: [['review', ['1', '3'], 'maybeSameMoment']],
  },
  {
    name: 'silent on messages nobody reaches',
    seq: sequence({
      steps: [email('1', { delay: wait(1) }), complete('2'), email('3'), email('4')],
      connections: [...chain('start', '1', '2'), ...chain('3', '4')],
    }),
    expect: [],
  },
]);

describe('house rule: least time between two messages', () => {
  const apart = (hours: number) =>
    sequence({
      steps: [email('1'), email('2', { delay: wait(0, hours) }), complete('3')],
      connections: chain('start', '1', '2', '3'),
    });
  const gap = (minGapMinutes: number) => ({
    settings: { ruleOptions: { 'email-burst': { minGapMinutes } } },
  });

  it('flags messages closer than the gap, in its words, with a fix naming it', () => {
    const [close] = run(rule, apart(1), gap(120));
    expect(close).toMatchObject({ kind: 'fail', steps: ['1', '2'], messageId: 'tooClose' });
    expect(close?.message).toContain('120 minutes');
    expect(close?.fix).toContain('at least 120 minutes apart');
  });

  it('is silent on messages as far apart as the gap, and on a gap of 0 keeps to the same moment', () => {
    expect(run(rule, apart(2), gap(120))).toEqual([]);
    expect(run(rule, apart(1), gap(0))).toEqual([]);
    expect(run(rule, apart(0), gap(0)).map((f) => f.messageId)).toEqual(['sameMoment']);
  });

  it('adds up the waits of the steps between, and stops at a window', () => {
    const chainOf = (windowed: boolean) =>
      sequence({
        steps: [
          email('1'),
          tag('2', { delay: wait(0, 1) }),
          email('3', { delay: wait(0, 1), ...(windowed ? { window: weekdays() } : {}) }),
          complete('4'),
        ],
        connections: chain('start', '1', '2', '3', '4'),
      });
    expect(run(rule, chainOf(false), gap(180)).map((f) => [f.messageId, f.steps])).toEqual([
      ['tooClose', ['1', '3']],
    ]);
    expect(run(rule, chainOf(false), gap(120))).toEqual([]);
    expect(run(rule, chainOf(true), gap(180))).toEqual([]);
  });

  it('a step whose timing was not read makes it a review', () => {
    const unread = sequence({
      steps: [email('1'), tag('2', { delay: null }), email('3'), complete('4')],
      connections: chain('start', '1', '2', '3', '4'),
    });
    expect(run(rule, unread, gap(60)).map((f) => [f.kind, f.messageId])).toEqual([
      ['review', 'maybeTooClose'],
    ]);
  });
});
