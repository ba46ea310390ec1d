import { useEffect, useState } from 'preact/hooks';
import { historyItem, type LoadedHistory, loadHistory, saveHistory } from '@/lib/extension/history-store';

/**
 * The audit history the extension keeps in this browser (one outcome per visit of each sequence,
 * for "Since Tue 1 Dec: 2 fixed, 1 new"): how much there is, and Forget the history.
 */
export function HistorySummary() {
  const [loaded, setLoaded] = useState<LoadedHistory | null>(null);
  useEffect(() => {
    const load = () => void loadHistory().then(setLoaded);
    load();
    return historyItem.watch(load);
  }, []);
  if (loaded === null) return null;
  const sequences = Object.values(loaded.history);
  const visits = sequences.reduce((sum, list) => sum + list.length, 0);
  return (
    <section aria-labelledby="audit-history">
      <h2 id="audit-history">Audit history</h2>
      {loaded.notice && (
        <p class="notice" role="alert">
          {loaded.notice}
        </p>
      )}
      <p>
        {visits === 0
          ? 'None yet: what each visit of a sequence found is kept here, in this browser only, so the popup can say what changed since.'
          : `What ${visits} visit${visits === 1 ? '' : 's'} of ${sequences.length} sequence${sequences.length === 1 ? '' : 's'} found (counts and which rules fired on which steps, no texts), kept in this browser only.`}
      </p>
      {visits > 0 && (
        <button type="button" onClick={() => void saveHistory({})}>
          Forget the history
        </button>
      )}
    </section>
  );
}
