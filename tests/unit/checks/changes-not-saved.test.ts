import { rule } from '../../../lib/checks/changes-not-saved';
import type { UnsavedChange, VisitObservations } from '../../../lib/visit/visit';
import { healthy, ruleTable } from './model-builder';

const unsaved = (changes: UnsavedChange[], lastSaveSeenAt: string | null = null): VisitObservations => ({
  listSeen: null,
  unsaved: { changes, lastSaveSeenAt },
});

ruleTable(rule, [
  {
    name: 'silent on a one-off read (nobody watched the page change)',
    seq: healthy(),
    expect: [],
  },
  {
    name: 'silent when nothing changed since the page loaded',
    seq: healthy(),
    options: { visit: unsaved([]) },
    expect: [],
  },
  {
    name: 'fires on a step activated since the page loaded',
    seq: healthy(),
    options: { visit: unsaved([{ kind: 'activated', step: '2' }]) },
    expect: [['fail', ['2'], 'unsavedSinceLoad']],
    message: /step 2 activated/,
  },
  {
    name: 'names a line drawn or removed by both its ends',
    seq: healthy(),
    options: {
      visit: unsaved([
        { kind: 'line-added', line: { from: 'start', to: '1' } },
        { kind: 'line-removed', line: { from: '3', to: '4', branch: 'yes' } },
      ]),
    },
    expect: [['fail', ['start', '1', '3', '4'], 'unsavedSinceLoad']],
    message: /the line from Starting Rules to step 1 drawn; the line from step 3 \(yes\) to step 4 removed/,
  },
  {
    name: 'counts steps added and removed, and deactivation',
    seq: healthy(),
    options: {
      visit: unsaved([
        { kind: 'step-added', step: '4' },
        { kind: 'step-removed', step: 'A1' },
        { kind: 'deactivated', step: '1' },
      ]),
    },
    expect: [['fail', ['4', 'A1', '1'], 'unsavedSinceLoad']],
    message: /step 4 added; step A1 removed; step 1 deactivated/,
  },
  {
    name: 'says since when, after a save was seen',
    seq: healthy(),
    options: { visit: unsaved([{ kind: 'activated', step: '2' }], '2026-11-27T11:40:00Z') },
    expect: [['fail', ['2'], 'unsavedSinceSave']],
    message: /\(11:40\)/,
  },
  {
    name: 'silent once everything was saved',
    seq: healthy(),
    options: { visit: unsaved([], '2026-11-27T11:40:00Z') },
    expect: [],
  },
]);
