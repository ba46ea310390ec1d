import { storage } from '@wxt-dev/storage';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { audit } from '../../../lib/audit/audit';
import { findingKey, parseFindingKey } from '../../../lib/audit/finding-key';
import { renderStepMapCsv, renderStepMapMarkdown } from '../../../lib/export/step-map';
import type { StepPrint } from '../../../lib/export/step-map-since';
import {
  historySetAsideItem,
  loadHistory,
  saveHistory,
  updateHistory,
} from '../../../lib/extension/storage/history-store';
import {
  changesOfReport,
  changesSince,
  HISTORY_LIMITS,
  type History,
  lastStepMap,
  type Outcome,
  outcomeOf,
  type SequenceOutcome,
  withListSeen,
  withOutcome,
} from '../../../lib/history/history';
import { historyStoreSchema } from '../../../lib/history/history-schema';
import { loadEditorSpec } from '../../fixtures/sequences/fixtures';
import type { EditorSpec } from '../../replica/spec';
import { withStepDeleted } from '../../support/delete-step';
import { parseCsv } from '../../support/parse-csv';
import { type SpecToModelOptions, specToModel } from '../../support/spec-to-model';

const counts = { error: 1, warning: 0, info: 0, review: 0 };
const outcome = (visit: string, at: string, findings: string[], complete = true): Outcome => ({
  visit,
  at,
  complete,
  counts,
  accepted: 0,
  findings,
});
/** An audit of `sequenceId` on an editor that showed no name and no status. */
const sent = (sequenceId: string, made: Outcome): SequenceOutcome => ({
  sequenceId,
  name: null,
  status: null,
  outcome: made,
});
const DAY1 = '2026-12-01T09:00:00.000Z';
const DAY2 = '2026-12-07T10:00:00.000Z';
const DAY3 = '2026-12-09T11:00:00.000Z';

/** An audit of `spec`'s builder at `at`, with the page model it was made from. */
function auditedSpec(spec: EditorSpec, at: string, options?: SpecToModelOptions) {
  const sequence = specToModel(spec, options);
  const page = {
    kind: 'editor' as const,
    url: `https://app.kartra.com/marketing/sequences/edit/${sequence.id}`,
    sequence,
  };
  return { report: audit(page, { now: new Date(at), tool: { name: 't', version: '0' } }), sequence };
}

/** A step map as its audit kept it: one box per print. */
const mapOf = (...boxes: string[]): StepPrint[] => boxes.map((box) => [box, 'email', `t${box}`]);

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
      sent('42', outcome(DAY1, DAY1, ['step-inactive fail 2', 'email-burst fail 3 4'])),
    );
    history = withOutcome(history, sent('42', outcome(DAY2, DAY2, ['email-burst fail 3 4'])));
    const later = outcome(DAY2, '2026-12-07T10:05:00.000Z', ['email-burst fail 3 4', 'date-in-past fail 6']);
    history = withOutcome(history, sent('42', later));
    expect(history['42']?.outcomes.map((o) => o.at)).toEqual([DAY1, later.at]);
    expect(changesSince(history['42']?.outcomes ?? [], later)).toEqual({
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

  it('compares the report of this visit before the history holds it, not the last stored visit', () => {
    const spec = loadEditorSpec('step-inactive.fires');
    const { report } = auditedSpec(spec, DAY2);
    const DAY0 = '2026-11-20T09:00:00.000Z';
    // Two earlier visits stored; this visit (DAY2) not yet.
    const stored = [outcome(DAY0, DAY0, ['email-burst fail 3 4']), outcome(DAY1, DAY1, [])];
    const changes = changesOfReport(stored, report, DAY2);
    expect(changes?.since).toBe(DAY1);
    expect(changes?.fixed).toEqual([]);
    expect(changes?.added).toContain('step-inactive fail 2');
    // Stored later, the same visit is not compared with itself.
    const withThis = [...stored, outcome(DAY2, report.generatedAt, report.findings.map(findingKey))];
    expect(changesOfReport(withThis, report, DAY2)).toEqual(changes);
  });

  it("is the builder's report's outcome, its open findings only", () => {
    const spec = loadEditorSpec('step-inactive.fires');
    const { report, sequence } = auditedSpec(spec, DAY2);
    const made = outcomeOf(report, sequence, DAY2);
    expect(made?.sequenceId).toBe(sequence.id);
    expect(made?.outcome.findings).toContain('step-inactive fail 2');
    expect(made?.outcome.complete).toBe(true);
    expect(made).toMatchObject({ name: spec.name, status: spec.status, outcome: { accepted: 0 } });
    expect(outcomeOf({ ...report, page: { ...report.page, kind: 'list' } }, sequence, DAY2)).toBeNull();
  });

  it('holds every bound at once and stays far under the browser quota', async () => {
    let history: History = {};
    const key = (n: number) =>
      `subsequence-never-entered fail ${Array.from({ length: 12 }, (_, i) => `B${n + i}`).join(' ')}`;
    const findings = Array.from({ length: HISTORY_LIMITS.findings }, (_, i) => key(i));
    const at = (n: number) => new Date(Date.parse(DAY1) + n * 1000).toISOString();
    // The longest name kept, of characters JSON writes escaped.
    const name = '"'.repeat(HISTORY_LIMITS.nameLength);
    // The largest step map kept, of the longest box numbers, kinds and fingerprints the schema takes.
    const stepMap = Array.from(
      { length: HISTORY_LIMITS.boxes },
      (_, i): StepPrint => [String(i).padStart(20, '9'), 'unsubscribe', 'z'.repeat(11)],
    );
    let n = 0;
    for (let s = 0; s < HISTORY_LIMITS.sequences + 3; s++)
      for (let v = 0; v < 3; v++) {
        n++;
        history = withOutcome(history, {
          ...sent(String(s), { ...outcome(at(n), at(n), findings), stepMap }),
          name,
          status: 'paused',
        });
      }
    const ids = Object.keys(history);
    expect(ids.length).toBeLessThanOrEqual(HISTORY_LIMITS.sequences);
    // The sequences audited longest ago went first; the latest is kept.
    expect(history['0']).toBeUndefined();
    expect(ids).toContain(String(HISTORY_LIMITS.sequences + 2));
    // Every sequence keeps at least its latest outcome, and step maps on its last two complete ones only.
    expect(Object.values(history).every((entry) => entry.outcomes.length >= 1)).toBe(true);
    expect(Object.values(history).every((entry) => entry.outcomes.filter((o) => o.stepMap).length <= 2)).toBe(
      true,
    );
    expect(history[String(HISTORY_LIMITS.sequences + 2)]?.outcomes.at(-1)?.stepMap).toHaveLength(
      HISTORY_LIMITS.boxes,
    );
    const value = historyStoreSchema.parse({ version: 2, sequences: history });
    await saveHistory(history);
    expect(JSON.stringify(value).length).toBeLessThan(HISTORY_LIMITS.bytes * 1.1);
    expect(JSON.stringify(await storage.getItem('local:auditHistory')).length).toBeLessThan(
      10 * 1024 * 1024 * 0.5,
    );
    let small: History = {};
    for (let s = 0; s < HISTORY_LIMITS.sequences + 5; s++)
      small = withOutcome(small, sent(String(s), outcome(at(s), at(s), [])));
    expect(Object.keys(small)).toHaveLength(HISTORY_LIMITS.sequences);
    expect(small['4']).toBeUndefined();
    let visits: History = {};
    for (let v = 0; v < HISTORY_LIMITS.visits + 5; v++)
      visits = withOutcome(visits, sent('7', outcome(at(v), at(v), [])));
    expect(visits['7']?.outcomes).toHaveLength(HISTORY_LIMITS.visits);
  }, 60_000);

  it("keeps a complete audit's step map, on the last two complete outcomes only", () => {
    const launch = loadEditorSpec('launch-sequence');
    const whole = auditedSpec(launch, DAY1);
    expect(outcomeOf(whole.report, whole.sequence, DAY1)?.outcome.stepMap?.map(([box]) => box)).toEqual(
      whole.sequence.steps.map((step) => step.ref),
    );
    // A tab not opened: its boxes would look deleted to the next visit.
    const partly = auditedSpec(launch, DAY1, { tabsSeen: ['Main'] });
    expect(outcomeOf(partly.report, partly.sequence, DAY1)?.outcome.stepMap).toBeUndefined();

    const visits = ['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04'].map(
      (day) => `${day}T09:00:00.000Z`,
    );
    let history: History = {};
    for (const [index, visit] of visits.entries()) {
      const complete = index !== 2;
      const made = { ...outcome(visit, visit, [], complete), ...(complete ? { stepMap: mapOf('1') } : {}) };
      history = withOutcome(history, sent('42', made));
    }
    expect(history['42']?.outcomes.map((o) => o.stepMap !== undefined)).toEqual([false, true, false, true]);
  });

  it("compares a visit's step map with the last complete audit of another visit, stored or not yet", () => {
    const outcomes = [
      { ...outcome(DAY1, DAY1, []), stepMap: mapOf('1', '2') },
      outcome(DAY2, DAY2, [], false),
      { ...outcome(DAY3, DAY3, []), stepMap: mapOf('1') },
    ];
    const later = '2026-12-09T11:05:00.000Z';
    // The third visit, still on the page: its own outcome is not an earlier audit.
    expect(lastStepMap(outcomes, { visit: DAY3, at: later })).toEqual({ at: DAY1, prints: mapOf('1', '2') });
    expect(lastStepMap(outcomes.slice(0, 2), { visit: DAY3, at: later })).toEqual({
      at: DAY1,
      prints: mapOf('1', '2'),
    });
    // The next visit compares with the third.
    expect(
      lastStepMap(outcomes, { visit: '2026-12-10T08:00:00.000Z', at: '2026-12-10T08:00:00.000Z' }),
    ).toEqual({
      at: DAY3,
      prints: mapOf('1'),
    });
    expect(lastStepMap([], { visit: DAY1, at: DAY1 })).toEqual({ at: null });
  });

  it("makes the next visit's step map say which boxes were renumbered and which deleted", () => {
    const before = loadEditorSpec('step-inactive.fires');
    const first = auditedSpec(before, DAY1);
    const made = outcomeOf(first.report, first.sequence, DAY1);
    if (!made) throw new Error('no outcome');
    const history = withOutcome({}, made);
    // Step 2 deleted in Kartra, the steps after it numbered one lower.
    const again = auditedSpec(withStepDeleted(before, '2'), DAY2);
    const last = lastStepMap(history[made.sequenceId]?.outcomes ?? [], { visit: DAY2, at: DAY2 });
    const [, ...rows] = parseCsv(renderStepMapCsv(again.report, again.sequence, last));
    expect(rows.map((row) => [row[0], row[4], row.at(-1)])).toEqual([
      ['1', '1', 'same'],
      ['2', '2', 'renumbered from 3'],
      ['3', '3', 'renumbered from 4'],
      ['2', '', 'deleted'],
    ]);
  });

  it('reads what this version stored before it kept step maps: nothing to compare with, and the step map says so', async () => {
    const stored = {
      name: 'Lead magnet',
      status: null,
      outcomes: [outcome(DAY1, DAY1, ['step-inactive fail 2'])],
    };
    await storage.setItem('local:auditHistory', { version: 2, sequences: { '42': stored } });
    const loaded = await loadHistory();
    expect(loaded).toEqual({ history: { '42': stored }, notices: [] });
    const last = lastStepMap(loaded.history['42']?.outcomes ?? [], { visit: DAY2, at: DAY2 });
    expect(last).toEqual({ at: DAY1, prints: null });
    const now = auditedSpec(loadEditorSpec('step-inactive.fires'), DAY2);
    expect(renderStepMapMarkdown(now.report, now.sequence, last)).toContain(
      '- Since last audit: not compared: the last audit (2026-12-01 09:00 UTC) kept no step map',
    );
    const [, ...rows] = parseCsv(renderStepMapCsv(now.report, now.sequence, last));
    expect(rows.every((row) => row.at(-1) === '')).toBe(true);
    // The next audit keeps its map beside what was stored, nothing set aside.
    const made = outcomeOf(now.report, now.sequence, DAY2);
    if (!made) throw new Error('no outcome');
    await saveHistory(withOutcome(loaded.history, { ...made, sequenceId: '42' }));
    expect((await loadHistory()).history['42']?.outcomes.map((o) => o.stepMap !== undefined)).toEqual([
      false,
      true,
    ]);
    expect(await historySetAsideItem.getValue()).toBeNull();
  });

  it('names a stored history another version wrote, and keeps it apart before writing a new one', async () => {
    const older = { version: 3, visits: [] };
    await storage.setItem('local:auditHistory', older);
    const loaded = await loadHistory();
    expect(loaded.history).toEqual({});
    expect(loaded.notices.join('\n')).toMatch(/audit history.*version/);
    await saveHistory(withOutcome({}, sent('1', outcome(DAY1, DAY1, []))));
    expect(await historySetAsideItem.getValue()).toEqual(older);
    expect((await loadHistory()).history['1']?.outcomes).toHaveLength(1);
  });

  it("keeps a sequence's name and status as last seen, on its editor or on the sequence list", () => {
    const seenOnList = { id: '42', name: 'Lead magnet follow-up', status: 'paused' as const };
    // An editor that shows no status: what the list showed earlier stands.
    let history = withOutcome({}, sent('42', outcome(DAY1, DAY1, [])));
    expect(history['42']).toMatchObject({ name: null, status: null });
    history = withListSeen(history, [{ ...seenOnList, seenAt: '2026-12-01T08:00:00.000Z' }]);
    expect(history['42']).toMatchObject({
      name: null,
      status: { value: 'paused', seenOn: 'list', at: '2026-12-01T08:00:00.000Z' },
    });
    // Then the editor shows both: the later sighting wins.
    history = withOutcome(history, {
      ...sent('42', outcome(DAY2, DAY2, [])),
      name: 'Lead magnet',
      status: 'active',
    });
    expect(history['42']).toMatchObject({
      name: 'Lead magnet',
      status: { value: 'active', seenOn: 'editor', at: DAY2 },
    });
    // A list seen before that changes nothing; a list seen after renames and pauses it.
    const before = withListSeen(history, [{ ...seenOnList, seenAt: DAY1 }]);
    expect(before).toBe(history);
    const after = withListSeen(history, [{ ...seenOnList, seenAt: '2026-12-08T09:00:00.000Z' }]);
    expect(after['42']).toMatchObject({
      name: 'Lead magnet follow-up',
      status: { value: 'paused', seenOn: 'list' },
    });
    // A sequence never audited here is not added from the list.
    expect(withListSeen(history, [{ ...seenOnList, id: '7', seenAt: DAY2 }])).toBe(history);
  });

  it('reads the history the previous version stored: every outcome kept, the name and accepted count unknown', async () => {
    const { accepted: _none, ...v1 } = outcome(DAY1, DAY1, ['step-inactive fail 2']);
    await storage.setItem('local:auditHistory', { version: 1, sequences: { '42': [v1], '7': [] } });
    const loaded = await loadHistory();
    expect(loaded.notices).toEqual([]);
    expect(loaded.history).toEqual({
      '42': { name: null, status: null, outcomes: [{ ...v1, accepted: null }] },
    });
    // Written in this version's shape at the next save, nothing set aside (nothing was lost).
    await saveHistory(withOutcome(loaded.history, sent('42', outcome(DAY2, DAY2, []))));
    expect(await storage.getItem('local:auditHistory')).toMatchObject({ version: 2 });
    expect(await historySetAsideItem.getValue()).toBeNull();
    expect((await loadHistory()).history['42']?.outcomes).toHaveLength(2);
  });

  it('says so where the history is shown when the browser refuses to store it, and keeps what it had', async () => {
    await saveHistory(withOutcome({}, sent('1', outcome(DAY1, DAY1, []))));
    const set = vi
      .spyOn(fakeBrowser.storage.local, 'set')
      .mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    await updateHistory((history) => withOutcome(history, sent('2', outcome(DAY2, DAY2, []))));
    const refused = await loadHistory();
    expect(Object.keys(refused.history)).toEqual(['1']);
    expect(refused.notices.join('\n')).toMatch(
      /could not be updated.*QUOTA_BYTES quota exceeded.*Audits still run/,
    );
    set.mockRestore();
    // The next change it accepts clears the notice.
    await updateHistory((history) => withOutcome(history, sent('2', outcome(DAY2, DAY2, []))));
    const stored = await loadHistory();
    expect(Object.keys(stored.history).sort()).toEqual(['1', '2']);
    expect(stored.notices).toEqual([]);
  });
});
