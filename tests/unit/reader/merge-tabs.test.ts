import { describe, expect, it } from 'vitest';
import type { SequenceModel, Step } from '../../../lib/model/model';
import { mergeTabs } from '../../../lib/reader/merge-tabs';

function step(ref: string, tab: string, title = `Step ${ref}`): Step {
  return {
    ref,
    tab,
    kind: 'email',
    active: true,
    title,
    delay: { type: 'immediate' },
    window: { type: 'any' },
    recipients: 'anyone',
    recipientsText: 'Anyone reaching this step',
    versions: [],
    goto: null,
    action: null,
    target: null,
  };
}

function model(over: Partial<SequenceModel>): SequenceModel {
  return {
    id: '2231',
    name: 'Follow-up',
    publicName: 'Recipes',
    status: 'active',
    subscribers: 42,
    startingRules: null,
    steps: [],
    connections: [],
    tabs: { all: ['Main', 'A', 'B'], seen: [] },
    diagnostics: [],
    ...over,
  };
}

const main = model({
  startingRules: [{ type: 'tag', label: 'Tag applied: X' }],
  steps: [step('1', 'Main'), step('2', 'Main')],
  connections: [
    { from: 'start', to: '1' },
    { from: '1', to: '2' },
  ],
  tabs: { all: ['Main', 'A', 'B'], seen: ['Main'] },
  diagnostics: [{ code: 'timing-unread', where: 'step 2', expected: 'a timing line', step: '2' }],
});
const tabA = model({
  subscribers: 43,
  steps: [step('A1', 'A'), step('A2', 'A')],
  connections: [{ from: 'A1', to: 'A2' }],
  tabs: { all: ['Main', 'A', 'B'], seen: ['A'] },
});

describe('mergeTabs', () => {
  it('keeps the tabs seen before and adds the one on screen', () => {
    const merged = mergeTabs(main, tabA);
    expect(merged.steps.map((s) => s.ref)).toEqual(['1', '2', 'A1', 'A2']);
    expect(merged.connections).toEqual([...main.connections, ...tabA.connections]);
    expect(merged.tabs).toEqual({ all: ['Main', 'A', 'B'], seen: ['Main', 'A'] });
    expect(merged.startingRules).toEqual(main.startingRules);
    expect(merged.subscribers).toBe(43);
    expect(merged.diagnostics).toEqual(main.diagnostics);
  });

  it("replaces the current tab's steps and lines rather than piling them up", () => {
    const edited = model({
      startingRules: [],
      steps: [step('1', 'Main', 'New subject')],
      connections: [],
      tabs: { all: ['Main', 'A', 'B'], seen: ['Main'] },
    });
    const merged = mergeTabs(mergeTabs(main, tabA), edited);
    expect(merged.steps.map((s) => [s.ref, s.title])).toEqual([
      ['A1', 'Step A1'],
      ['A2', 'Step A2'],
      ['1', 'New subject'],
    ]);
    expect(merged.connections).toEqual([{ from: 'A1', to: 'A2' }]);
    expect(merged.startingRules).toEqual([]);
    expect(merged.diagnostics).toEqual([]);
    expect(merged.tabs.seen).toEqual(['A', 'Main']);
  });

  it('takes only the current read for another sequence or without a previous one', () => {
    expect(mergeTabs(null, tabA)).toBe(tabA);
    expect(mergeTabs(main, { ...tabA, id: '999' })).toEqual({ ...tabA, id: '999' });
  });

  it('forgets a tab the tab bar no longer lists', () => {
    const tabB = model({ steps: [step('B1', 'B')], tabs: { all: ['Main', 'B'], seen: ['B'] } });
    const merged = mergeTabs(mergeTabs(main, tabA), tabB);
    expect(merged.steps.map((s) => s.ref)).toEqual(['1', '2', 'B1']);
    expect(merged.tabs.seen).toEqual(['Main', 'B']);
  });

  it('never piles steps up when the tab bar cannot be read: merging is by reference number, idempotent', () => {
    // No tab bar: nothing says which tab is on screen, and the steps carry no tab.
    const unread = model({
      steps: [step('1', ''), step('2', '')],
      connections: [{ from: '1', to: '2' }],
      tabs: { all: [], seen: [] },
    });
    let merged = mergeTabs(null, unread);
    for (let i = 0; i < 5; i++) merged = mergeTabs(merged, unread);
    expect(merged.steps.map((s) => s.ref)).toEqual(['1', '2']);
    expect(merged.connections).toEqual([{ from: '1', to: '2' }]);
    expect(mergeTabs(mergeTabs(main, tabA), tabA)).toEqual(mergeTabs(main, tabA));
    // A step edited since is the new read's version, not both.
    const edited = model({ ...unread, steps: [step('1', '', 'New subject'), step('2', '')] });
    expect(mergeTabs(merged, edited).steps.map((s) => s.title)).toEqual(['New subject', 'Step 2']);
  });
});
