import { useEffect, useState } from 'preact/hooks';
import type { ClientDetailsBySequence } from '@/lib/client-details/client-details';
import {
  clientDetailsItem,
  loadClientDetails,
  saveClientDetails,
} from '@/lib/extension/storage/client-details-store';

/**
 * The client and note the popup keeps per sequence for its client report (in this browser only):
 * each sequence's, whether a stored value could not be read, and Forget them.
 */
export function ClientDetailsSummary() {
  const [kept, setKept] = useState<ClientDetailsBySequence | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    const load = () =>
      void loadClientDetails().then((loaded) => {
        setKept(loaded.sequences);
        setNotice(loaded.notice);
      });
    load();
    return clientDetailsItem.watch(load);
  }, []);
  if (kept === null) return null;
  const entries = Object.entries(kept);
  return (
    <section aria-labelledby="client-details">
      <h2 id="client-details">Client details of reports</h2>
      {notice && (
        <p class="notice" role="alert">
          {notice}
        </p>
      )}
      {entries.length === 0 ? (
        <p>
          None: the client and note you type in the popup for a client report are kept here, per sequence, in
          this browser only.
        </p>
      ) : (
        <>
          <table class="client-details">
            <caption>
              Kept in this browser only, for the next report of each sequence; emptying both in the popup
              forgets one.
            </caption>
            <thead>
              <tr>
                <th scope="col">Sequence id</th>
                <th scope="col">Client</th>
                <th scope="col">Note</th>
                <th scope="col">Last used</th>
              </tr>
            </thead>
            <tbody>
              {entries.map(([id, details]) => (
                <tr key={id}>
                  <th scope="row">{id}</th>
                  <td>{details.client}</td>
                  <td class="client-details__note">{details.note}</td>
                  <td>{new Date(details.usedAt).toLocaleDateString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" onClick={() => void saveClientDetails({})}>
            Forget all client details
          </button>
        </>
      )}
    </section>
  );
}
