import { useEffect, useState } from 'preact/hooks';
import type { AcceptedBySequence } from '@/lib/accepted/accepted';
import { plural } from '@/lib/export/plural';
import { sendMessage } from '@/lib/extension/messaging/messenger';
import { acceptedItem, loadAccepted } from '@/lib/extension/storage/accepted-store';

/**
 * What the extension keeps of the findings the user accepted (in this browser only): how many,
 * on how many sequences, whether a stored value could not be read, and Forget all. Each is
 * listed, with its reason and Restore, in the popup of its sequence.
 */
export function AcceptedSummary() {
  const [accepted, setAccepted] = useState<AcceptedBySequence | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    const load = () =>
      void loadAccepted().then((loaded) => {
        setAccepted(loaded.accepted);
        setNotice(loaded.notice);
      });
    load();
    return acceptedItem.watch(load);
  }, []);
  if (accepted === null) return null;
  const sequences = Object.values(accepted).filter((list) => list.length > 0);
  const count = sequences.reduce((sum, list) => sum + list.length, 0);
  return (
    <section aria-labelledby="accepted-findings">
      <h2 id="accepted-findings">Accepted findings</h2>
      {notice && (
        <p class="notice" role="alert">
          {notice}
        </p>
      )}
      <p>
        {count === 0
          ? 'None: findings you accept in the popup are kept here, in this browser only.'
          : `${plural(count, 'finding')} accepted on ${plural(sequences.length, 'sequence')}, kept in this browser only. Each sequence's popup lists them with their reasons and Restore.`}
      </p>
      {count > 0 && (
        <button type="button" onClick={() => void sendMessage('forget', { what: 'accepted' })}>
          Forget all accepted findings
        </button>
      )}
    </section>
  );
}
