import { storage } from '@wxt-dev/storage';
import type { History, SequenceHistory } from '../../history/history';
import { historyStoreSchema, migrateHistory } from '../../history/history-schema';
import { keptPerSequence } from './kept-per-sequence';

/**
 * Each sequence's history (lib/history), in the extension's local storage: written by the
 * background as audits and the sequence list report, read by the popup, the options page and the
 * account overview.
 */
const kept = keptPerSequence<SequenceHistory>('local:auditHistory', historyStoreSchema, 'audit history', {
  version: 2,
  migrate: migrateHistory,
});
export const historyItem = kept.item;
export const historySetAsideItem = kept.setAside;

/**
 * Why the browser refused the latest change to the history (its storage full, say), for the
 * pages that show the history to say so. In session storage, apart from the local storage that
 * refused; cleared by the next change it accepts.
 */
export const historyNotSavedItem = storage.defineItem<string | null>('session:auditHistoryNotSaved', {
  fallback: null,
});

export interface LoadedHistory {
  history: History;
  /** Why what is stored is not used, or why the latest change was not kept; null when neither. */
  notices: string[];
}

export async function loadHistory(): Promise<LoadedHistory> {
  const [{ sequences, notice }, notSaved] = await Promise.all([kept.load(), historyNotSavedItem.getValue()]);
  return { history: sequences, notices: [notice, notSaved].filter((n): n is string => n !== null) };
}

export const saveHistory = (history: History): Promise<void> => kept.save(history);

/** Removes the history and what was set aside of it. */
export const forgetHistory = (): Promise<void> => kept.forget();

/**
 * Applies `change` to the stored history and stores the result, unless it is the same history.
 * When the browser refuses to store it, the pages that show the history say so (the audit that
 * sent it ran all the same, and the history stays as it was).
 */
export async function updateHistory(change: (history: History) => History): Promise<void> {
  const { sequences: history } = await kept.load();
  const next = change(history);
  if (next === history) return;
  try {
    await saveHistory(next);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    await historyNotSavedItem.setValue(
      `The audit history could not be updated: the browser refused to store it (${reason}), so the latest audits are missing from it. Audits still run. Forgetting sequences you no longer need makes room.`,
    );
    return;
  }
  if ((await historyNotSavedItem.getValue()) !== null) await historyNotSavedItem.removeValue();
}
