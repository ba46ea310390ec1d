import { describe, expect, it } from 'vitest';
import {
  ACCEPTED_LIMITS,
  type AcceptedBySequence,
  splitAccepted,
  withAccepted,
  withoutAccepted,
} from '../../../lib/accepted/accepted';
import { acceptedStoreSchema } from '../../../lib/accepted/accepted-schema';
import { audit } from '../../../lib/audit/audit';
import type { Finding } from '../../../lib/audit/report';
import { loadEditorSpec } from '../../fixtures/sequences/fixtures';
import { specToModel } from '../../support/spec-to-model';

const draft: Finding = {
  ruleId: 'version-draft',
  messageId: 'fixture',
  severity: 'info',
  kind: 'fail',
  message: 'Step 3 · Send email keeps version B at 0%.',
  fix: 'Give it its share.',
  steps: ['3'],
};
const inactive: Finding = { ...draft, ruleId: 'step-inactive', severity: 'error', steps: ['5', '2'] };
const NOW = new Date('2026-12-01T09:00:00Z');

describe('accepted findings', () => {
  it('takes an accepted finding out and keeps its reason and date; the others stay open', () => {
    const store = withAccepted({}, '42', inactive, '  kept off while the offer is paused  ', NOW);
    const { open, accepted } = splitAccepted([draft, inactive], store['42'] ?? []);
    expect(open).toEqual([draft]);
    expect(accepted).toEqual([
      { ...inactive, reason: 'kept off while the offer is paused', acceptedAt: NOW.toISOString() },
    ]);
  });

  it('holds only the finding it was given for: other steps or another decision show again', () => {
    const store = withAccepted({}, '42', inactive, '', NOW);
    const acceptances = store['42'] ?? [];
    // The same steps in another order are the same finding.
    expect(splitAccepted([{ ...inactive, steps: ['2', '5'] }], acceptances).accepted).toHaveLength(1);
    expect(splitAccepted([{ ...inactive, steps: ['2', '5', '7'] }], acceptances).open).toHaveLength(1);
    expect(splitAccepted([{ ...inactive, kind: 'review' }], acceptances).open).toHaveLength(1);
    expect(splitAccepted([{ ...inactive, ruleId: 'step-not-connected' }], acceptances).open).toHaveLength(1);
  });

  it('restores a finding, and forgets a sequence with nothing accepted', () => {
    const store = withAccepted(withAccepted({}, '42', inactive, '', NOW), '42', draft, '', NOW);
    const one = withoutAccepted(store, '42', inactive);
    expect(one['42']?.map((a) => a.ruleId)).toEqual(['version-draft']);
    expect(withoutAccepted(one, '42', draft)).toEqual({});
  });

  it('keeps the latest per sequence and the sequences accepted in most recently, within limits that stay far under the browser quota', () => {
    let store: AcceptedBySequence = {};
    const reason = 'x'.repeat(ACCEPTED_LIMITS.reasonLength + 50);
    const day = (n: number) => new Date(NOW.getTime() + n * 60_000);
    for (let s = 0; s < ACCEPTED_LIMITS.sequences + 5; s++)
      for (let f = 0; f < ACCEPTED_LIMITS.perSequence + 3; f++)
        store = withAccepted(store, String(s), { ...draft, steps: [String(f)] }, reason, day(s));
    const ids = Object.keys(store);
    expect(ids).toHaveLength(ACCEPTED_LIMITS.sequences);
    // The five accepted in longest ago went first.
    expect(ids).not.toContain('0');
    expect(ids).toContain(String(ACCEPTED_LIMITS.sequences + 4));
    expect(store['7']).toHaveLength(ACCEPTED_LIMITS.perSequence);
    expect(store['7']?.at(-1)?.steps).toEqual([String(ACCEPTED_LIMITS.perSequence + 2)]);
    expect(store['7']?.every((a) => a.reason.length === ACCEPTED_LIMITS.reasonLength)).toBe(true);
    // Every limit filled: what storage.local keeps is still a small share of its 10 MB.
    const stored = JSON.stringify(acceptedStoreSchema.parse({ version: 1, sequences: store }));
    expect(stored.length).toBeLessThan(5 * 1024 * 1024);
  }, 60_000);

  it('in the report: out of the findings and the counts, listed under accepted', () => {
    const spec = loadEditorSpec('step-inactive.fires');
    const page = {
      kind: 'editor' as const,
      url: 'https://app.kartra.com/marketing/sequences/edit/x',
      sequence: specToModel(spec),
    };
    const tool = { name: 't', version: '0' };
    const before = audit(page, { now: NOW, tool });
    const error = before.findings.find((f) => f.ruleId === 'step-inactive');
    if (!error) throw new Error('the fixture has its error');
    const store = withAccepted({}, page.sequence.id, error, 'on purpose', NOW);
    const after = audit(page, { now: NOW, tool, accepted: store });
    expect(after.counts.error).toBe(before.counts.error - 1);
    expect(after.findings).not.toContainEqual(error);
    expect(after.accepted).toEqual([{ ...error, reason: 'on purpose', acceptedAt: NOW.toISOString() }]);
    expect(
      audit(page, { now: NOW, tool, accepted: { other: store[page.sequence.id] ?? [] } }).accepted,
    ).toBeUndefined();
  });
});
