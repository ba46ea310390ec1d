import type { ForgetRequest } from '../messaging/messages';
import { forgetAccepted, loadAccepted, saveAccepted } from './accepted-store';
import { forgetHistory, updateHistory } from './history-store';

/** `record` without the keys `ids`; `record` itself when it has none of them. */
function without<T>(record: Record<string, T>, ids: readonly string[]): Record<string, T> {
  if (!ids.some((id) => id in record)) return record;
  const gone = new Set(ids);
  return Object.fromEntries(Object.entries(record).filter(([id]) => !gone.has(id)));
}

/**
 * Forgets what this browser keeps of the sequences `ids`: their audit history and the findings
 * accepted on them (which then count again). A sequence open in a tab comes back at its next audit.
 */
export async function forgetSequences(ids: readonly string[]): Promise<void> {
  await updateHistory((history) => without(history, ids));
  const { accepted } = await loadAccepted();
  const kept = without(accepted, ids);
  if (kept !== accepted) await saveAccepted(kept);
}

/** Forgets every sequence: the audit history, the accepted findings, and what was set aside of either. */
export async function forgetEverySequence(): Promise<void> {
  await Promise.all([forgetHistory(), forgetAccepted()]);
}

/** Does what a `forget` message asks (the background runs it in turn with its own writes). */
export function forgetKept(request: ForgetRequest): Promise<void> {
  switch (request.what) {
    case 'sequences':
      return forgetSequences(request.ids);
    case 'every-sequence':
      return forgetEverySequence();
    case 'history':
      return forgetHistory();
    case 'accepted':
      return forgetAccepted();
  }
}
