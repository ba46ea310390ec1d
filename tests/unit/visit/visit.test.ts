import { describe, expect, it } from 'vitest';
import { compareTab, snapshotTabs } from '../../../lib/visit/visit';
import { chain, complete, email, goto, sequence } from '../checks/model-builder';

describe('canvas snapshots and their comparison', () => {
  const loaded = sequence({
    steps: [email('1'), email('2', { active: false }), complete('3'), email('A1'), goto('A2', '3')],
    connections: [...chain('start', '1', '2', '3'), ...chain('A1', 'A2')],
  });

  it('files steps and lines under their tab (a line under its target step’s tab)', () => {
    const snapshot = snapshotTabs(loaded, ['Main', 'A']);
    expect(snapshot.Main?.steps).toEqual({ 1: true, 2: false, 3: true });
    expect(snapshot.Main?.lines).toHaveLength(3);
    expect(snapshot.A?.steps).toEqual({ A1: true, A2: true });
    expect(snapshot.A?.lines).toEqual([{ from: 'A1', to: 'A2' }]);
  });

  it('finds nothing when only the tab on screen changed', () => {
    const before = snapshotTabs(loaded, ['Main', 'A']);
    const after = snapshotTabs({ ...loaded, tabs: { all: ['Main', 'A'], seen: ['A', 'Main'] } }, [
      'Main',
      'A',
    ]);
    expect(
      compareTab(before.Main ?? { steps: {}, lines: [] }, after.Main ?? { steps: {}, lines: [] }),
    ).toEqual([]);
  });

  it('lists activation, steps and lines that differ', () => {
    const before = snapshotTabs(loaded, ['Main']).Main;
    const edited = sequence({
      steps: [email('1', { active: false }), email('2'), email('4')],
      connections: [...chain('start', '1', '2'), { from: '2', to: '4' }],
    });
    const after = snapshotTabs(edited, ['Main']).Main;
    if (!before || !after) throw new Error('no Main tab');
    expect(compareTab(before, after)).toEqual([
      { kind: 'deactivated', step: '1' },
      { kind: 'activated', step: '2' },
      { kind: 'step-added', step: '4' },
      { kind: 'step-removed', step: '3' },
      { kind: 'line-added', line: { from: '2', to: '4' } },
      { kind: 'line-removed', line: { from: '2', to: '3' } },
    ]);
  });
});
