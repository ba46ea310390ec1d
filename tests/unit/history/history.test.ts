import { storage } from '@wxt-dev/storage';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { audit } from '../../../lib/audit/audit';
import { findingKey, parseFindingKey } from '../../../lib/audit/finding-key';
import { historySetAsideItem, loadHistory, saveHistory } from '../../../lib/extension/history-store';
import {
  changesSince,
  HISTORY_LIMITS,
  type History,
  type Outcome,
  outcomeOf,
  withOutcome,
} from '../../../lib/history/history';
import { historyStoreSchema } from '../../../lib/history/history-schema';
import { loadEditorSpec } from '../../fixtures/sequences/fixtures';
import { specToModel } from '../../support/spec-to-model';

const counts = { error: 1, warning: 0, info: 0, review: 0 };
const outcome = (visit: string, at: string, findings: string[], complete = true): Outcome => ({
  visit,
  at,
  complete,
  counts,
  findings,
});
const DAY1 = '2026-12-01T09:00:00.000Z';
const DAY2 = '2026-12-07T10:00:00.000Z';

describe('the audit history', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keys a finding by rule, decision and steps, in any order, and reads the key back', () => {
    const key = findingKey({ ruleId: 'step-inactive', kind: 'fail', steps: ['5', '2'] });
    expect(key).toBe('step-inactive fail 2 5');
    expect(parseFindingKey(key)).toEqual({ ruleId: 'step-inactive', kind: 'fail', steps: ['2', '5'] });
  });

  it("keeps one outcome per visit, its latest audit's, and says what changed since an earlier visit", () => {
    let history: History = {};
    history = withOutcome(
      history,
      '42',
      outcome(DAY1, DAY1, ['step-inactive fail 2', 'email-burst fail 3 4']),
    );
    history = withOutcome(history, '42', outcome(DAY2, DAY2, ['email-burst fail 3 4']));
    const later = outcome(DAY2, '2026-12-07T10:05:00.000Z', ['email-burst fail 3 4', 'date-in-past fail 6']);
    history = withOutcome(history, '42', later);
    expect(history['42']?.map((o) => o.at)).toEqual([DAY1, later.at]);
    expect(changesSince(history['42'] ?? [], later)).toEqual({
      since: DAY1,
      fixed: ['step-inactive fail 2'],
      added: ['date-in-past fail 6'],
    });
  });

  it('compares only visits that read every tab: a finding on a tab not opened is not "fixed"', () => {
    const first = outcome(DAY1, DAY1, ['step-inactive fail A2']);
    expect(changesSince([first], outcome(DAY2, DAY2, [], false))).toBeNull();
    expect(changesSince([{ ...first, complete: false }], outcome(DAY2, DAY2, []))).toBeNull();
    expect(changesSince([], outcome(DAY2, DAY2, []))).toBeNull();
  });

  it("is the builder's report's outcome, its open findings only", () => {
    const spec = loadEditorSpec('step-inactive.fires');
    const page = {
      kind: 'editor' as const,
      url: 'https://app.kartra.com/marketing/sequences/edit/1',
      sequence: specToModel(spec),
    };
    const report = audit(page, { now: new Date(DAY2), tool: { name: 't', version: '0' } });
    const made = outcomeOf(report, DAY2);
    expect(made?.sequenceId).toBe(page.sequence.id);
    expect(made?.outcome.findings).toContain('step-inactive fail 2');
    expect(made?.outcome.complete).toBe(true);
    expect(outcomeOf({ ...report, page: { ...report.page, kind: 'list' } }, DAY2)).toBeNull();
  });

  it('holds every bound at once and stays far under the browser quota', async () => {
    let history: History = {};
    const key = (n: number) =>
      `subsequence-never-entered fail ${Array.from({ length: 12 }, (_, i) => `B${n + i}`).join(' ')}`;
    const findings = Array.from({ length: HISTORY_LIMITS.findings }, (_, i) => key(i));
    const at = (n: number) => new Date(Date.parse(DAY1) + n * 1000).toISOString();
    let n = 0;
    for (let s = 0; s < HISTORY_LIMITS.sequences + 3; s++)
      for (let v = 0; v < 3; v++) {
        n++;
        history = withOutcome(history, String(s), outcome(at(n), at(n), findings));
      }
    const ids = Object.keys(history);
    expect(ids.length).toBeLessThanOrEqual(HISTORY_LIMITS.sequences);
    // The sequences audited longest ago went first; the latest is kept.
    expect(history['0']).toBeUndefined();
    expect(ids).toContain(String(HISTORY_LIMITS.sequences + 2));
    // Every sequence keeps at least its latest outcome.
    expect(Object.values(history).every((list) => list.length >= 1)).toBe(true);
    const value = historyStoreSchema.parse({ version: 1, sequences: history });
    await saveHistory(history);
    expect(JSON.stringify(value).length).toBeLessThan(HISTORY_LIMITS.bytes * 1.1);
    expect(JSON.stringify(await storage.getItem('local:auditHistory')).length).toBeLessThan(
      10 * 1024 * 1024 * 0.5,
    );
    let small: History = {};
    for (let s = 0; s < HISTORY_LIMITS.sequences + 5; s++)
      small = withOutcome(small, String(s), outcome(at(s), at(s), []));
    expect(Object.keys(small)).toHaveLength(HISTORY_LIMITS.sequences);
    expect(small['4']).toBeUndefined();
    let visits: History = {};
    for (let v = 0; v < HISTORY_LIMITS.visits + 5; v++)
      visits = withOutcome(visits, '7', outcome(at(v), at(v), []));
    expect(visits['7']).toHaveLength(HISTORY_LIMITS.visits);
  }, 60_000);

  it('names a stored history another version wrote, and keeps it apart before writing a new one', async () => {
    const older = { version: 3, visits: [] };
    await storage.setItem('local:auditHistory', older);
    const loaded = await loadHistory();
    expect(loaded.history).toEqual({});
    expect(loaded.notice).toMatch(/audit history.*version/);
    await saveHistory(withOutcome({}, '1', outcome(DAY1, DAY1, [])));
    expect(await historySetAsideItem.getValue()).toEqual(older);
    expect((await loadHistory()).history['1']).toHaveLength(1);
  });
});
