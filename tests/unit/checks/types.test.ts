import { describe, expect, it } from 'vitest';
import { bindReport, fillMessage, type RuleMeta } from '../../../lib/checks/types';

const meta = {
  id: 'example-rule',
  severity: 'warning',
  title: 'An example rule',
  description: 'A rule made up for these tests.',
  fix: 'The usual fix.',
  messages: {
    found: '{{step}} has {{count}} problems; {{step}} again.',
    plain: 'Nothing to fill in.',
  },
  fixes: { order: 'Follow the order {{order}}.' },
  pages: ['editor'],
} as const satisfies Omit<RuleMeta<'found' | 'plain', 'order'>, 'docs'>;

describe('fillMessage', () => {
  it('fills every placeholder, each time it appears, numbers too', () => {
    expect(fillMessage(meta.messages.found, { step: 'Step 2', count: 3 }, 'here')).toBe(
      'Step 2 has 3 problems; Step 2 again.',
    );
  });

  it('inserts a value as it is, never reading braces in it as a placeholder', () => {
    expect(fillMessage('{{step}}.', { step: 'Send email "{{first_name}}, $& {{step}}"' }, 'here')).toBe(
      'Send email "{{first_name}}, $& {{step}}".',
    );
  });

  it('throws on a placeholder with no value, naming where', () => {
    expect(() => fillMessage(meta.messages.found, { step: 'Step 2' }, 'example-rule.found')).toThrow(
      'example-rule.found: no value for {{count}}',
    );
  });
});

describe('bindReport', () => {
  const report = bindReport(meta);

  it('makes a finding of the rule, worded by the message it names', () => {
    expect(report('fail', 'found', ['2'], { step: 'Step 2', count: 1 })).toEqual({
      ruleId: 'example-rule',
      messageId: 'found',
      severity: 'warning',
      kind: 'fail',
      message: 'Step 2 has 1 problems; Step 2 again.',
      fix: 'The usual fix.',
      steps: ['2'],
    });
  });

  it('carries the sequence and the cause only when given', () => {
    const cause = { code: 'timing-unread' as const, shown: 'Delay of 2 days' };
    const found = report('review', 'plain', [], {}, { sequenceId: '7', cause });
    expect(found).toMatchObject({
      messageId: 'plain',
      message: 'Nothing to fill in.',
      sequenceId: '7',
      cause,
    });
    expect(Object.keys(report('review', 'plain', []))).not.toContain('cause');
  });

  it("fills the placeholders of a fix from meta.fixes with the finding's data", () => {
    const found = report('fail', 'plain', [], { order: '1 → 3 → 2' }, { fix: 'order' });
    expect(found.fix).toBe('Follow the order 1 → 3 → 2.');
  });

  it('throws on a missing value, naming the rule and the message', () => {
    expect(() => report('fail', 'found', ['2'], { step: 'Step 2' })).toThrow(
      'example-rule.found: no value for {{count}}',
    );
  });

  it('throws on a fix placeholder with no value, naming the rule and the fix', () => {
    expect(() => report('fail', 'plain', [], {}, { fix: 'order' })).toThrow(
      'example-rule fix order: no value for {{order}}',
    );
  });

  it('throws on a message id or a fix id the rule does not have', () => {
    // The types refuse both; a cast stands for a caller the types do not cover.
    expect(() => report('fail', 'missing' as 'plain', [])).toThrow('example-rule: no message missing');
    expect(() => report('fail', 'plain', [], {}, { fix: 'missing' as 'order' })).toThrow(
      'example-rule: no fix missing',
    );
  });
});
