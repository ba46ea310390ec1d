import { useEffect, useState } from 'preact/hooks';
import type { Report } from '@/lib/audit/report';
import { CLIENT_DETAILS_LIMITS, withClientDetails } from '@/lib/client-details/client-details';
import {
  EXPORT_FORMATS,
  EXPORT_LABELS,
  EXPORT_MIME_TYPES,
  type ExportFormat,
  renderReport,
  reportFileName,
} from '@/lib/export';
import { renderStepMapCsv, renderStepMapMarkdown, stepMapFileName } from '@/lib/export/step-map';
import type { LastStepMap } from '@/lib/export/step-map-since';
import { loadClientDetails, saveClientDetails } from '@/lib/extension/storage/client-details-store';
import type { SequenceModel } from '@/lib/model/model';
import type { QuietHours } from '@/lib/time/quiet-hours';
import { timelinePending } from '@/lib/timeline/pending';
import { download } from '../download';

/** The report and the page model of one audit, and the last audit's map: what the step map is made from. */
export interface StepMapSource {
  report: Report;
  sequence: SequenceModel;
  last: LastStepMap;
}

const STEP_MAP_FORMATS = [
  { format: 'csv', label: 'Step map (CSV)' },
  { format: 'md', label: 'Step map (Markdown)' },
] as const;

/**
 * The client and the note of a sequence's client report (the HTML export), started from what was
 * last used for the sequence; what is used is kept for it (lib/client-details), or forgotten
 * when both are emptied.
 */
function useClientDetails(sequenceId: string | null) {
  const [client, setClient] = useState('');
  const [note, setNote] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    if (sequenceId === null) return;
    let current = true;
    void loadClientDetails().then((loaded) => {
      if (!current) return;
      const kept = loaded.sequences[sequenceId];
      // What was typed before the stored details arrived wins.
      if (kept) {
        setClient((typed) => typed || kept.client);
        setNote((typed) => typed || kept.note);
      }
      setNotice(loaded.notice);
    });
    return () => {
      current = false;
    };
  }, [sequenceId]);
  const keep = async () => {
    if (sequenceId === null) return;
    const loaded = await loadClientDetails();
    await saveClientDetails(withClientDetails(loaded.sequences, sequenceId, { client, note }, new Date()));
  };
  return { client, setClient, note, setNote, notice, keep };
}

/**
 * The report as a file to send to a client (JSON, Markdown, HTML, CSV), or as Markdown to paste;
 * the HTML file is the client report, its cover naming the client, the note and who prepared it.
 * And the step map, when `loadStepMap` can fetch the page model it needs.
 */
export function ExportBar({
  report,
  quietHours,
  preparedBy = '',
  loadStepMap,
}: {
  report: Report;
  quietHours?: QuietHours;
  /** The options' "Prepared by", for the client report's cover. */
  preparedBy?: string;
  loadStepMap?: () => Promise<StepMapSource | null>;
}) {
  // The timeline's quiet-hours markers follow the settings, as in the popup.
  const options = quietHours ? { quietHours } : {};
  const [status, setStatus] = useState<string | null>(null);
  const details = useClientDetails(report.sequence?.id ?? null);
  const exportAs = (format: ExportFormat) => {
    const cover = { client: details.client, note: details.note, preparedBy };
    download(
      renderReport(report, format, format === 'html' ? { ...options, cover } : options),
      EXPORT_MIME_TYPES[format],
      reportFileName(report, format),
    );
    if (format === 'html')
      details
        .keep()
        .catch((error: unknown) => setStatus(`The client details were not kept: ${String(error)}`));
  };
  // A builder's report gets its timeline right after the popup's first paint: exports wait for it.
  const pending = timelinePending(report);
  const copyMarkdown = async () => {
    try {
      await navigator.clipboard.writeText(renderReport(report, 'md', options));
      setStatus('Copied the report as Markdown.');
    } catch {
      setStatus('The clipboard is not available here; use the Markdown download instead.');
    }
  };
  const downloadStepMap = async (format: 'csv' | 'md') => {
    const source = await loadStepMap?.();
    if (!source) {
      setStatus('The step map could not be made: the builder did not answer. Reload the page and try again.');
      return;
    }
    const text =
      format === 'csv'
        ? renderStepMapCsv(source.report, source.sequence, source.last)
        : renderStepMapMarkdown(source.report, source.sequence, source.last);
    download(text, EXPORT_MIME_TYPES[format], stepMapFileName(source.report, format));
    setStatus(null);
  };
  return (
    <section class="exports" aria-label="Export the report">
      <h2 class="section-title">Export</h2>
      <fieldset class="client-report">
        <legend>Client report (the HTML file)</legend>
        {details.notice && (
          <p class="notice" role="alert">
            {details.notice}
          </p>
        )}
        <label for="client-name">Client</label>
        <input
          id="client-name"
          type="text"
          autocomplete="off"
          maxLength={CLIENT_DETAILS_LIMITS.client}
          value={details.client}
          onInput={(event) => details.setClient(event.currentTarget.value)}
        />
        <label for="client-note">Note on the cover</label>
        <textarea
          id="client-note"
          rows={3}
          maxLength={CLIENT_DETAILS_LIMITS.note}
          aria-describedby="client-report-help"
          value={details.note}
          onInput={(event) => details.setNote(event.currentTarget.value)}
        />
        <p id="client-report-help" class="hint">
          {preparedBy ? `Prepared by ${preparedBy}.` : 'Add "Prepared by" on the options page.'} Print the
          HTML file to PDF from the browser. The client and note are kept for this sequence, in this browser
          only.
        </p>
      </fieldset>
      <div class="exports__buttons">
        {EXPORT_FORMATS.map((format) => (
          <button key={format} type="button" disabled={pending} onClick={() => exportAs(format)}>
            {EXPORT_LABELS[format]}
          </button>
        ))}
        <button type="button" disabled={pending} onClick={copyMarkdown}>
          Copy as Markdown
        </button>
      </div>
      {loadStepMap && (
        <div>
          <h3 class="exports__subtitle">Step map</h3>
          <p class="hint">
            Every step's box number (as Kartra's API and Zapier name it), tab, run order and whether it runs.
          </p>
          <div class="exports__buttons">
            {STEP_MAP_FORMATS.map(({ format, label }) => (
              <button key={format} type="button" onClick={() => void downloadStepMap(format)}>
                {label}
              </button>
            ))}
          </div>
        </div>
      )}
      <p class="status-line" role="status">
        {status}
      </p>
    </section>
  );
}
