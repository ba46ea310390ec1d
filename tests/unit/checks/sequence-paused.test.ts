import { describe, expect, it } from 'vitest';
import { createContext } from '../../../lib/audit/audit';
import { rule } from '../../../lib/checks/sequence-paused';
import type { SeenListRow } from '../../../lib/visit/visit';
import { healthy, NOW, ruleTable, runList } from './model-builder';

ruleTable(rule, [
  {
    name: 'fires on a paused sequence',
    seq: healthy({ status: 'paused' }),
    expect: [['fail', [], 'paused']],
  },
  { name: 'silent on a running sequence', seq: healthy({ status: 'active' }), expect: [] },
  {
    name: 'says where to look and how to read the icons when the status was never seen',
    seq: healthy({ status: null }),
    expect: [['review', [], 'statusNotShown']],
  },
  {
    name: 'says that contacts in a paused sequence wait',
    seq: healthy({ status: 'paused', subscribers: 88 }),
    expect: [['fail', [], 'paused']],
    message: /88 contacts are in it/,
  },
  {
    name: 'uses what the list showed, and when, on an editor that shows no status',
    seq: healthy({ status: null, subscribers: null }),
    options: { visit: { listSeen: seen('paused', '2026-11-27T10:02:00Z', 9), unsaved: null } },
    expect: [['fail', [], 'pausedOnList']],
    message: / 10:02 .* 9 contacts are in it/,
  },
  {
    name: 'names the day when the list was seen on an earlier day',
    seq: healthy({ status: null }),
    options: { visit: { listSeen: seen('paused', '2026-11-26T17:45:00Z', 0), unsaved: null } },
    expect: [['fail', [], 'pausedOnList']],
    message: / 2026-11-26 17:45 /,
  },
  {
    name: 'is silent when the list showed the sequence running',
    seq: healthy({ status: null }),
    options: { visit: { listSeen: seen('active', '2026-11-27T10:02:00Z', 3), unsaved: null } },
    expect: [],
  },
  {
    name: "trusts the editor's own status control over the list seen earlier",
    seq: healthy({ status: 'active' }),
    options: { visit: { listSeen: seen('paused', '2026-11-27T10:02:00Z', 3), unsaved: null } },
    expect: [],
  },
]);

function seen(status: 'active' | 'paused', seenAt: string, subscribers: number): SeenListRow {
  return { id: '2231', name: 'Lead magnet follow-up', status, subscribers, completed: 0, seenAt };
}

describe('sequence-paused on the list page', () => {
  const row = (id: string, status: 'active' | 'paused' | null) => ({
    id,
    name: `Sequence ${id}`,
    status,
    subscribers: 3,
    completed: 1,
  });

  it('fires once per paused row, naming the row', () => {
    const found = runList(rule, [row('1', 'active'), row('2', 'paused'), row('3', 'paused')]);
    expect(found.map((f) => [f.kind, f.sequenceId, f.steps, f.messageId])).toEqual([
      ['fail', '2', [], 'rowPaused'],
      ['fail', '3', [], 'rowPaused'],
    ]);
    expect(found[0]?.message).toContain('"Sequence 2"');
    expect(found[0]?.message).toContain('3 contacts are in it');
    expect(found[0]?.severity).toBe('error');
  });

  it('is silent when every row runs', () => {
    expect(runList(rule, [row('1', 'active'), row('2', 'active')])).toEqual([]);
  });

  it('asks for review when part of the list could not be read', () => {
    const found = rule.check(
      createContext('list', {
        sequence: null,
        rows: [row('1', 'active')],
        diagnostics: [{ code: 'list-status-unread', where: 'row 2', expected: 'a status button' }],
        now: NOW,
      }),
    );
    expect(found.map((f) => [f.kind, f.steps, f.messageId])).toEqual([['review', [], 'listUnread']]);
    expect(found[0]?.message).toContain('row 2');
  });

  it('asks for review on a row whose icon was not read', () => {
    expect(runList(rule, [row('9', null)]).map((f) => [f.kind, f.sequenceId, f.messageId])).toEqual([
      ['review', '9', 'rowUnread'],
    ]);
  });
});
