import { describe, expect, it } from 'vitest';
import { createContext } from '../../../lib/audit';
import { rule } from '../../../lib/checks/sequence-paused';
import { healthy, NOW, ruleTable, runList } from './model-builder';

ruleTable(rule, [
  {
    name: 'fires on a paused sequence',
    seq: healthy({ status: 'paused' }),
    expect: [['fail', []]],
    message: /paused.*▶/,
  },
  { name: 'silent on a running sequence', seq: healthy({ status: 'active' }), expect: [] },
  {
    name: 'asks for review when the status was not read',
    seq: healthy({ status: null }),
    expect: [['review', []]],
  },
]);

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
    expect(found.map((f) => [f.kind, f.sequenceId, f.steps])).toEqual([
      ['fail', '2', []],
      ['fail', '3', []],
    ]);
    expect(found[0]?.message).toContain('Sequence 2');
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
    expect(found.map((f) => [f.kind, f.steps])).toEqual([['review', []]]);
    expect(found[0]?.message).toContain('row 2');
  });

  it('asks for review on a row whose icon was not read', () => {
    expect(runList(rule, [row('9', null)]).map((f) => [f.kind, f.sequenceId])).toEqual([['review', '9']]);
  });
});
