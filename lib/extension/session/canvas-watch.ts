import type { SequenceModel } from '../../model/model';
import {
  type CanvasSnapshot,
  compareTab,
  snapshotTabs,
  type UnsavedChange,
  type VisitObservations,
} from '../../visit/visit';
import type { PageWindow } from '../content/page-window';
import { isClickOn } from './save-control';

export interface CanvasWatch {
  /**
   * What changed on the canvas since each tab was first seen or Save Progress was last clicked.
   * `readWell`: the tabs on screen in this read, when it fitted well.
   */
  compare(sequence: SequenceModel, now: Date, readWell: readonly string[]): VisitObservations['unsaved'];
}

/**
 * What the canvas showed when each tab was first seen (or when Save Progress was last clicked),
 * for one sequence: a tab's first sight is its baseline, and switching tabs changes nothing.
 * Only a read that fitted well counts as a sight: a poor read (a profile that missed the lines
 * or a Go To) differs from the page without anyone changing it, so a tab is compared as its last
 * good read showed it, and has no baseline until it is read well.
 * A click on Save Progress (labelled `saveLabel`) is heard passively, before the app handles it,
 * and `saved` is called so the audit can follow at once. The listener ends with `signal`.
 */
export function watchCanvas(
  win: PageWindow,
  saveLabel: string,
  saved: () => void,
  signal: AbortSignal,
): CanvasWatch {
  let sequenceId: string | null = null;
  let baseline: CanvasSnapshot = {};
  let lastGood: CanvasSnapshot = {};
  let lastSaveSeenAt: string | null = null;
  let saveClicked = false;
  const onClick = (event: Event) => {
    if (!isClickOn(event.target, saveLabel)) return;
    saveClicked = true;
    saved();
  };
  win.addEventListener('click', onClick, { capture: true, passive: true, signal });
  return {
    compare(sequence, now, readWell) {
      if (sequence.id !== sequenceId) {
        // Another sequence opened inside the app: what was saved there says nothing here.
        sequenceId = sequence.id;
        baseline = {};
        lastGood = {};
        lastSaveSeenAt = null;
      }
      lastGood = { ...lastGood, ...snapshotTabs(sequence, readWell) };
      const current: CanvasSnapshot = {};
      for (const tab of sequence.tabs.seen) {
        const shown = lastGood[tab];
        if (shown) current[tab] = shown;
      }
      if (saveClicked) {
        saveClicked = false;
        baseline = { ...current };
        lastSaveSeenAt = now.toISOString();
      }
      baseline = { ...current, ...baseline };
      const changes: UnsavedChange[] = [];
      // A tab no longer seen (deleted from the tab bar) lost all it had.
      for (const [tab, before] of Object.entries(baseline))
        changes.push(...compareTab(before, current[tab] ?? { steps: {}, lines: [] }));
      return { changes, lastSaveSeenAt };
    },
  };
}
