import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { EXPORT_FORMATS, EXPORT_LABELS, EXPORT_MIME_TYPES, type ExportFormat } from '@/lib/export';
import { accountFileName, renderAccountReport } from '@/lib/export/account';
import { plural } from '@/lib/export/plural';
import { sendMessage } from '@/lib/extension/messaging/messenger';
import { loadSettings } from '@/lib/extension/storage/settings-store';
import { kartraProfile } from '@/lib/kartra/profile';
import { accountReport } from '@/lib/overview/account-report';
import {
  DEFAULT_SORT,
  type Filter,
  filterRows,
  NO_FILTER,
  type OverviewRow,
  overviewRows,
  type Sort,
  type SortKey,
  shownName,
  sortRows,
} from '@/lib/overview/overview';
import { download } from '../download';
import { useHistory } from '../use-history';
import { SequenceTable } from './SequenceTable';

/** Names and statuses sort A to Z first; dates newest first, counts and trends from the most. */
const ASCENDING_FIRST: ReadonlySet<SortKey> = new Set(['name', 'status']);

/**
 * The account overview: every sequence audited in this browser, sortable and filterable, each
 * linked to its editor in Kartra; the account report in every export format; Forget one or all.
 */
export function Overview() {
  const loaded = useHistory();
  const [sort, setSort] = useState<Sort>(DEFAULT_SORT);
  const [filter, setFilter] = useState<Filter>(NO_FILTER);
  const [said, setSaid] = useState('');
  const [confirming, setConfirming] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const ask = useRef<HTMLButtonElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  const manifest = browser.runtime.getManifest();
  // The options' "Prepared by", for the account report's cover.
  const [preparedBy, setPreparedBy] = useState('');
  useEffect(() => {
    void loadSettings().then((loaded) => setPreparedBy(loaded.settings.preparedBy));
  }, []);

  const rows = useMemo(() => sortRows(overviewRows(loaded?.history ?? {}), sort), [loaded, sort]);
  const shown = useMemo(() => filterRows(rows, filter), [rows, filter]);
  useEffect(() => {
    if (confirming) confirm.current?.focus();
  }, [confirming]);

  if (loaded === null) return <p>Loading the audit history…</p>;

  const onSort = (key: SortKey) =>
    setSort((current) =>
      current.key === key
        ? { key, descending: !current.descending }
        : { key, descending: !ASCENDING_FIRST.has(key) },
    );
  // The button pressed goes with what it forgot: the heading takes the focus.
  const forgotten = (words: string) => {
    setSaid(words);
    heading.current?.focus();
  };
  const forgetOne = (row: OverviewRow) =>
    void sendMessage('forget', { what: 'sequences', ids: [row.id] }).then(() =>
      forgotten(`Forgot “${shownName(row)}”: its audit history and accepted findings.`),
    );
  const forgetAll = () =>
    void sendMessage('forget', { what: 'every-sequence' }).then(() => {
      setConfirming(false);
      forgotten('Forgot every sequence: the audit history and the accepted findings are empty.');
    });
  const exportAs = (format: ExportFormat) => {
    const report = accountReport(rows, {
      tool: { name: manifest.name, version: manifest.version },
      now: new Date(),
      profile: kartraProfile,
    });
    download(
      renderAccountReport(report, format, { preparedBy }),
      EXPORT_MIME_TYPES[format],
      accountFileName(report, format),
    );
  };

  return (
    <main class="overview">
      <h1 ref={heading} tabIndex={-1}>
        Account overview
      </h1>
      <p class="help">
        Every sequence audited in this browser, as its latest audit found it. Kept in this browser only;
        nothing is sent anywhere.
      </p>
      {loaded.notices.map((notice) => (
        <p key={notice} class="notice" role="alert">
          {notice}
        </p>
      ))}
      <p class="status-line" role="status">
        {said}
      </p>
      {rows.length === 0 ? (
        <p>
          No sequence audited yet. Open a sequence in Kartra (Marketing › Sequences, then Edit): it is listed
          here once the extension has audited it.
        </p>
      ) : (
        <>
          <search class="filters" aria-label="Filter the sequences">
            <label>
              Find{' '}
              <input
                type="search"
                value={filter.text}
                placeholder="Name or id"
                onInput={(event) => setFilter({ ...filter, text: event.currentTarget.value })}
              />
            </label>
            <label>
              Status{' '}
              <select
                value={filter.status}
                onChange={(event) =>
                  setFilter({ ...filter, status: event.currentTarget.value as Filter['status'] })
                }
              >
                <option value="any">Any</option>
                <option value="active">Running</option>
                <option value="paused">Paused</option>
                <option value="unknown">Not seen</option>
              </select>
            </label>
            <label>
              <input
                type="checkbox"
                checked={filter.problemsOnly}
                onChange={(event) => setFilter({ ...filter, problemsOnly: event.currentTarget.checked })}
              />{' '}
              Only with errors or warnings
            </label>
          </search>
          <p class="hint" aria-live="polite">
            {shown.length === rows.length
              ? plural(rows.length, 'sequence')
              : `${shown.length} of ${plural(rows.length, 'sequence')} shown`}
          </p>
          {shown.length > 0 && (
            <SequenceTable rows={shown} sort={sort} onSort={onSort} onForget={forgetOne} />
          )}
          <section aria-labelledby="account-report">
            <h2 id="account-report">Account report</h2>
            <p class="help">
              Every sequence above in one file, in the order shown, whatever the filter: for a client or your
              records.
            </p>
            <div class="actions">
              {EXPORT_FORMATS.map((format) => (
                <button key={format} type="button" onClick={() => exportAs(format)}>
                  {EXPORT_LABELS[format]}
                </button>
              ))}
            </div>
          </section>
        </>
      )}
      {(rows.length > 0 || loaded.notices.length > 0) && (
        <section aria-labelledby="forget-all">
          <h2 id="forget-all">Forget</h2>
          <p class="help">
            Forget removes what this browser keeps of a sequence: its audit history and the findings you
            accepted on it. A sequence still open in a tab comes back at its next audit.
          </p>
          <button
            ref={ask}
            type="button"
            aria-expanded={confirming}
            onClick={() => setConfirming(!confirming)}
          >
            Forget all…
          </button>
          {confirming && (
            <p class="actions">
              <span>Forget all {plural(rows.length, 'sequence')}? This cannot be undone.</span>
              <button ref={confirm} type="button" onClick={forgetAll}>
                Forget all
              </button>
              <button
                type="button"
                onClick={() => {
                  setConfirming(false);
                  ask.current?.focus();
                }}
              >
                Cancel
              </button>
            </p>
          )}
        </section>
      )}
      <p class="tool-version">
        {manifest.name} {manifest.version}
      </p>
    </main>
  );
}
