import { useState } from 'preact/hooks';
import { EXPORT_FORMATS, EXPORT_LABELS, EXPORT_MIME_TYPES, renderReport, reportFileName } from '@/lib/export';
import type { QuietHours } from '@/lib/quiet-hours';
import type { Report } from '@/lib/report';
import { timelinePending } from '@/lib/timeline-pending';

function download(text: string, type: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The report as a file to send to a client (JSON, Markdown, HTML, CSV), or as Markdown to paste. */
export function ExportBar({ report, quietHours }: { report: Report; quietHours?: QuietHours }) {
  // The timeline's quiet-hours markers follow the settings, as in the popup.
  const options = quietHours ? { quietHours } : {};
  const [copied, setCopied] = useState<string | null>(null);
  // A builder's report gets its timeline right after the popup's first paint: exports wait for it.
  const pending = timelinePending(report);
  const copyMarkdown = async () => {
    try {
      await navigator.clipboard.writeText(renderReport(report, 'md', options));
      setCopied('Copied the report as Markdown.');
    } catch {
      setCopied('The clipboard is not available here; use the Markdown download instead.');
    }
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
      <p class="status-line" role="status">
        {copied}
      </p>
    </section>
  );
}
