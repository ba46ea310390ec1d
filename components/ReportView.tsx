import type { Report } from '@/lib/report';

const SEVERITY_LABEL = { error: 'Errors', warning: 'Warnings', info: 'Tips' } as const;

/** A report as the popup shows it; every text from the page is rendered as text by Preact. */
export function ReportView({ report }: { report: Report }) {
  if (report.page.kind === 'unrecognised') {
    return (
      <section>
        <h2>This builder page could not be read</h2>
        <p>The auditor did not recognise the sequence builder, so it cannot say whether this sequence is fine.</p>
        <ul>
          {report.coverage.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      </section>
    );
  }
  const failures = report.findings.filter((finding) => finding.kind === 'fail');
  const reviews = report.findings.filter((finding) => finding.kind === 'review');
  return (
    <section>
      {report.sequence && (
        <h2 class="report__sequence">
          {report.sequence.name} <span class="report__status">{report.sequence.status ?? 'status unknown'}</span>
        </h2>
      )}
      <p class="report__counts">
        {report.counts.error} errors · {report.counts.warning} warnings · {report.counts.info} tips
        {report.counts.review > 0 && ` · ${report.counts.review} to review`}
      </p>
      {(['error', 'warning', 'info'] as const).map((severity) => {
        const group = failures.filter((finding) => finding.severity === severity);
        if (group.length === 0) return null;
        return (
          <details key={severity} open={severity === 'error'} class={`group group--${severity}`}>
            <summary>
              {SEVERITY_LABEL[severity]} ({group.length})
            </summary>
            <ul>
              {group.map((finding, index) => (
                <li key={`${finding.ruleId}-${index}`} class="finding">
                  <p class="finding__message">{finding.message}</p>
                  <p class="finding__fix">{finding.fix}</p>
                </li>
              ))}
            </ul>
          </details>
        );
      })}
      {reviews.length > 0 && (
        <details class="group group--review" open>
          <summary>Needs review ({reviews.length})</summary>
          <ul>
            {reviews.map((finding, index) => (
              <li key={`${finding.ruleId}-${index}`} class="finding">
                <p class="finding__message">{finding.message}</p>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
