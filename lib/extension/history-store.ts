import type { History, Outcome } from '../history/history';
import { historyStoreSchema } from '../history/history-schema';
import { keptPerSequence } from './kept-per-sequence';

/**
 * Each sequence's outcomes per visit (lib/history), in the extension's local storage: written by
 * the background as audits report, read by the popup and the options page.
 */
const kept = keptPerSequence<Outcome[]>('local:auditHistory', historyStoreSchema, 'audit history');
export const historyItem = kept.item;
export const historySetAsideItem = kept.setAside;

export interface LoadedHistory {
  history: History;
  notice: string | null;
}

export async function loadHistory(): Promise<LoadedHistory> {
  const { sequences, notice } = await kept.load();
  return { history: sequences, notice };
}

export const saveHistory = (history: History): Promise<void> => kept.save(history);
