import { plural } from '@/lib/export/plural';
import { sendMessage } from '@/lib/extension/messaging/messenger';
import { OpenOverview } from '../OpenOverview';
import { useHistory } from '../use-history';

/**
 * The audit history the extension keeps in this browser (one outcome per visit of each sequence,
 * for "Since Tue 1 Dec: 2 fixed, 1 new" and the account overview): how much there is, why a stored
 * value is not used, the account overview, and Forget the history.
 */
export function HistorySummary() {
  const loaded = useHistory();
  if (loaded === null) return null;
  const sequences = Object.values(loaded.history);
  const visits = sequences.reduce((sum, entry) => sum + entry.outcomes.length, 0);
  return (
    <section aria-labelledby="audit-history">
      <h2 id="audit-history">Audit history</h2>
      {loaded.notices.map((notice) => (
        <p key={notice} class="notice" role="alert">
          {notice}
        </p>
      ))}
      <p>
        {visits === 0
          ? 'None yet: what each visit of a sequence found is kept here, in this browser only, so the popup can say what changed since.'
          : `What ${plural(visits, 'visit')} of ${plural(sequences.length, 'sequence')} found (their names and statuses, counts and which rules fired on which steps), kept in this browser only.`}
      </p>
      <p class="actions">
        <OpenOverview label="Open the account overview" />
        {visits > 0 && (
          <button type="button" onClick={() => void sendMessage('forget', { what: 'history' })}>
            Forget the history
          </button>
        )}
      </p>
    </section>
  );
}
