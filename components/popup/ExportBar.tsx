import { useState } from 'preact/hooks';
import type { Report } from '@/lib/audit/report';
import { EXPORT_FORMATS, EXPORT_LABELS, EXPORT_MIME_TYPES, renderReport, reportFileName } from '@/lib/export';
import { renderStepMapCsv, renderStepMapMarkdown, stepMapFileName } from '@/lib/export/step-map';
import type { LastStepMap } from '@/lib/export/step-map-since';
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
 * The report as a file to send to a client (JSON, Markdown, HTML, CSV), or as Markdown to paste;
 * and the step map, when `loadStepMap` can fetch the page model it needs.
 */
export function ExportBar({
  report,
  quietHours,
  loadStepMap,
}: {
  report: Report;
  quietHours?: QuietHours;
  loadStepMap?: () => Promise<StepMapSource | null>;
}) {
  // The timeline's quiet-hours markers follow the settings, as in the popup.
  const options = quietHours ? { quietHours } : {};
  const [status, setStatus] = useState<string | null>(null);
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
      <div class="exports__buttons">
        {EXPORT_FORMATS.map((format) => (
          <button
            key={format}
            type="button"
            disabled={pending}
            onClick={() =>
              download(
                renderReport(report, format, options),
                EXPORT_MIME_TYPES[format],
                reportFileName(report, format),
              )
            }
          >
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
