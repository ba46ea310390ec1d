import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { withAccepted } from '../../../../lib/accepted/accepted';
import { loadAccepted, saveAccepted } from '../../../../lib/extension/storage/accepted-store';
import {
  forgetEverySequence,
  forgetKept,
  forgetSequences,
} from '../../../../lib/extension/storage/forget-sequences';
import { loadHistory, saveHistory } from '../../../../lib/extension/storage/history-store';
import { withOutcome } from '../../../../lib/history/history';

const AT = '2026-12-01T09:00:00.000Z';
const audited = (sequenceId: string) => ({
  sequenceId,
  name: `Sequence ${sequenceId}`,
  status: 'active' as const,
  outcome: {
    visit: AT,
    at: AT,
    complete: true,
    counts: { error: 1, warning: 0, info: 0, review: 0 },
    accepted: 1,
    findings: ['step-inactive fail 2'],
  },
});
const finding = { ruleId: 'version-draft', kind: 'fail' as const, steps: ['3'] };

async function keepTwo(): Promise<void> {
  await saveHistory(withOutcome(withOutcome({}, audited('1')), audited('2')));
  const now = new Date(AT);
  await saveAccepted(withAccepted(withAccepted({}, '1', finding, 'on purpose', now), '2', finding, '', now));
}

describe('forgetting sequences', () => {
  beforeEach(() => fakeBrowser.reset());

  it('forgets one sequence: its history and the findings accepted on it, the others kept', async () => {
    await keepTwo();
    await forgetSequences(['1']);
    expect(Object.keys((await loadHistory()).history)).toEqual(['2']);
    expect(Object.keys((await loadAccepted()).accepted)).toEqual(['2']);
  });

  it('forgets every sequence, and what was set aside, leaving nothing in local storage', async () => {
    await keepTwo();
    // A value another version wrote, set aside when the accepted findings were saved over it.
    await fakeBrowser.storage.local.set({ acceptedFindings: { version: 9 } });
    await saveAccepted({});
    expect(Object.keys(await fakeBrowser.storage.local.get())).toContain('acceptedFindingsSetAside');
    await forgetEverySequence();
    expect(await fakeBrowser.storage.local.get()).toEqual({});
  });

  it('does what a forget message asks: some sequences, every sequence, or the history alone', async () => {
    await keepTwo();
    await forgetKept({ what: 'sequences', ids: ['2'] });
    expect(Object.keys((await loadHistory()).history)).toEqual(['1']);
    await forgetKept({ what: 'history' });
    expect((await loadHistory()).history).toEqual({});
    // The history alone: the accepted findings stay.
    expect(Object.keys((await loadAccepted()).accepted)).toEqual(['1']);
    await forgetKept({ what: 'every-sequence' });
    expect((await loadAccepted()).accepted).toEqual({});
  });
});
