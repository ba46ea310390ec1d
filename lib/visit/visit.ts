import type { Connection, SequenceModel } from '../model/model';
import type { ListMemory, SeenListRow } from './list-memory-schema';

/**
 * What the audit session observed during this browser session beyond the page on screen, as
 * plain data for the checks: what the sequence list showed earlier, and the changes made on the
 * canvas since the page loaded (or since Save Progress was last clicked). The session owns the
 * state; this module only holds its shapes and the pure comparison.
 */

// The list memory's shapes; their schema is the background's (list-memory-schema.ts).
export type { ListMemory, SeenListRow };

export type UnsavedChange =
  | { kind: 'activated' | 'deactivated' | 'step-added' | 'step-removed'; step: string }
  | { kind: 'line-added' | 'line-removed'; line: Connection };

export interface UnsavedChanges {
  /** Changes between what was saved (or loaded) and what the page shows now. */
  changes: UnsavedChange[];
  /** When a click on Save Progress was last seen (ISO instant); null = not since the page loaded. */
  lastSaveSeenAt: string | null;
}

export interface VisitObservations {
  /** What the sequence list showed for this sequence earlier in the browser session. */
  listSeen: SeenListRow | null;
  /** null when nobody watched the page change (a one-off read, a saved page). */
  unsaved: UnsavedChanges | null;
}

/** What counts as saved state on one tab: each step's activation, and its lines. */
export interface TabSnapshot {
  steps: Record<string, boolean>;
  lines: Connection[];
}
export type CanvasSnapshot = Record<string, TabSnapshot>;

const lineKey = (c: Connection) => `${c.from}>${c.to}${c.branch ? `:${c.branch}` : ''}`;

/** The tab of each step, and of each line (a line lives on its target step's tab). */
export function snapshotTabs(sequence: SequenceModel, tabs: readonly string[]): CanvasSnapshot {
  const snapshot: CanvasSnapshot = {};
  for (const tab of tabs) snapshot[tab] = { steps: {}, lines: [] };
  const tabOf = new Map<string, string>();
  for (const s of sequence.steps) tabOf.set(s.ref, s.tab);
  for (const step of sequence.steps) {
    const tab = snapshot[step.tab];
    if (tab && !(step.ref in tab.steps)) tab.steps[step.ref] = step.active;
  }
  for (const line of sequence.connections) {
    const tab = snapshot[tabOf.get(line.to) ?? ''];
    if (tab) tab.lines.push({ ...line });
  }
  return snapshot;
}

/** Every difference between a tab as saved and as shown now, steps first, in reading order. */
export function compareTab(saved: TabSnapshot, now: TabSnapshot): UnsavedChange[] {
  const changes: UnsavedChange[] = [];
  for (const step of Object.keys(now.steps)) {
    const active = now.steps[step];
    const before = saved.steps[step];
    if (before === undefined) changes.push({ kind: 'step-added', step });
    else if (before !== active) changes.push({ kind: active ? 'activated' : 'deactivated', step });
  }
  for (const step of Object.keys(saved.steps))
    if (!(step in now.steps)) changes.push({ kind: 'step-removed', step });
  // Each line's key made once, not once for its set and again for each look-up.
  const savedKeys = saved.lines.map(lineKey);
  const nowKeys = now.lines.map(lineKey);
  const savedLines = new Set(savedKeys);
  const nowLines = new Set(nowKeys);
  now.lines.forEach((line, i) => {
    if (!savedLines.has(nowKeys[i] as string)) changes.push({ kind: 'line-added', line });
  });
  saved.lines.forEach((line, i) => {
    if (!nowLines.has(savedKeys[i] as string)) changes.push({ kind: 'line-removed', line });
  });
  return changes;
}
