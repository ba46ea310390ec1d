import { describe, expect, it } from 'vitest';
import type { Severity } from '../../../lib/settings/settings';
import type { ExpectedFinding } from '../../fixtures/sequences/fixtures';
import { skinVerdict } from '../../support/skin-findings';

const fail = (ruleId: string, steps: string[], severity: Severity = 'error'): ExpectedFinding => ({
  ruleId,
  severity,
  kind: 'fail',
  steps,
});
const review = (ruleId: string, steps: string[], severity: Severity = 'warning') => ({
  ...fail(ruleId, steps, severity),
  kind: 'review' as const,
});

describe('skinVerdict', () => {
  const expected = [fail('step-inactive', ['3']), fail('step-not-connected', ['4', '5'], 'warning')];

  it('the same findings are the same', () => {
    expect(skinVerdict(expected, [...expected, fail('step-numbers-not-order', [], 'info')])).toEqual({
      outcome: 'same',
    });
  });

  it('reviews of the rules it could not read are honest', () => {
    const actual = [fail('step-inactive', ['3']), review('step-not-connected', [])];
    expect(skinVerdict(expected, actual)).toEqual({ outcome: 'reviews' });
    expect(
      skinVerdict(expected, [fail('step-inactive', ['3']), review('step-not-connected', ['4', '5', '6'])]),
    ).toEqual({
      outcome: 'reviews',
    });
    // An extra review where the default skin is quiet is honest too.
    expect(skinVerdict([], [review('step-not-connected', [])])).toEqual({ outcome: 'reviews' });
  });

  it('a review of another rule or of fewer steps does not stand in for a finding', () => {
    const verdict = skinVerdict(expected, [
      fail('step-inactive', ['3']),
      review('step-not-connected', ['4']),
    ]);
    expect(verdict).toEqual({
      outcome: 'wrong',
      problems: ['missing, and no review of it: step-not-connected (warning) [4, 5]'],
    });
    expect(skinVerdict(expected, [fail('step-inactive', ['3']), review('date-in-past', [])]).outcome).toBe(
      'wrong',
    );
  });

  it('a fail the default skin does not give is wrong', () => {
    expect(skinVerdict([], [fail('step-not-connected', ['1', '2', '3'], 'warning')])).toEqual({
      outcome: 'wrong',
      problems: ['a fail the default skin does not give: step-not-connected (warning) [1, 2, 3]'],
    });
  });

  it('never a clean bill of health for a page whose default report has findings', () => {
    const verdict = skinVerdict(expected, [fail('step-numbers-not-order', [], 'info')]);
    expect(verdict.outcome).toBe('wrong');
    expect(verdict.outcome === 'wrong' && verdict.problems[0]).toMatch(/^clean report/);
    expect(skinVerdict(expected, []).outcome).toBe('wrong');
    // A page whose default report is clean may stay clean.
    expect(skinVerdict([], [])).toEqual({ outcome: 'same' });
  });
});
