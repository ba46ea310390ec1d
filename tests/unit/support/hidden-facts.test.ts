import { describe, expect, it } from 'vitest';
import { hiddenFactProblems } from '../../support/hidden-facts';

const finding = (ruleId: string, kind: 'fail' | 'review', steps: string[], message = '') => ({
  ruleId,
  severity: 'error',
  kind,
  steps,
  message,
});

const defaults = [finding('step-not-connected', 'fail', ['3']), finding('email-no-subject', 'fail', ['2'])];
const why = /<canvas>/;

describe('hiddenFactProblems (a skin that hides the lines)', () => {
  it('accepts a review of each line rule with the reason, the other rules unchanged', () => {
    const actual = [
      finding('step-not-connected', 'review', [], 'lines painted on a <canvas>'),
      finding('email-no-subject', 'fail', ['2']),
    ];
    expect(hiddenFactProblems(['lines'], why, defaults, actual)).toEqual([]);
  });

  it('refuses "not connected" on a page whose lines it never read', () => {
    const actual = [finding('step-not-connected', 'fail', ['3']), finding('email-no-subject', 'fail', ['2'])];
    expect(hiddenFactProblems(['lines'], why, defaults, actual)).toContain(
      'a fail from a rule needing lines: step-not-connected (error) [3]',
    );
  });

  it('refuses a review that does not say why', () => {
    const actual = [
      finding('step-not-connected', 'review', [], 'could not be checked'),
      finding('email-no-subject', 'fail', ['2']),
    ];
    expect(hiddenFactProblems(['lines'], why, defaults, actual)).toEqual([
      'a review that does not say why: could not be checked',
    ]);
  });

  it('refuses a verdict the hidden lines changed on a rule that does not need them', () => {
    const actual = [
      finding('step-not-connected', 'review', [], 'lines painted on a <canvas>'),
      finding('email-no-subject', 'fail', ['1']),
    ];
    expect(hiddenFactProblems(['lines'], why, defaults, actual)).toEqual([
      'missing: email-no-subject (error) [2] fail',
      'unexpected: email-no-subject (error) [1] fail',
    ]);
  });

  it('lets foreign markup leave a field unread: a review of the same rule on the same step', () => {
    const actual = [
      finding('step-not-connected', 'review', [], 'lines painted on a <canvas>'),
      finding('email-no-subject', 'review', ['2']),
    ];
    expect(hiddenFactProblems(['lines'], why, defaults, actual)).toEqual([]);
  });

  it('refuses a clean report', () => {
    expect(hiddenFactProblems(['lines'], why, [], [])).toEqual([
      'no review at all: a clean report for a page whose lines were not read',
    ]);
  });
});
