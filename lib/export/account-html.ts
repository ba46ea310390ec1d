import type { AccountReport, AccountSequence } from '../overview/account-report';
import { shownName, trendText } from '../overview/overview';
import { acceptedText, lastAuditedText, resultText, statusText } from './account-view';
import { escapeHtml } from './escape-html';
import { type CoverDetails, coverHeader, htmlDocument } from './html';
import { REPORT_CSS } from './html-style';
import { displayText } from './text';

/** The table's own lines, over the single-sequence report's style. */
const ACCOUNT_CSS = `
main { max-width: 72rem; }
.sequences { border-collapse: collapse; width: 100%; font-size: .9rem; }
.sequences caption { text-align: left; color: #59636e; font-size: .85rem; padding-bottom: .25rem; }
.sequences th, .sequences td { border-bottom: 1px solid #d0d7de; padding: .3rem .45rem; text-align: left; vertical-align: top; }
.sequences thead th { overflow-wrap: normal; }
.sequences .number { text-align: right; white-space: nowrap; }
.sequences .id { display: block; color: #59636e; font-size: .85rem; font-weight: 400; }
`.trim();

/** Page text (names): cleaned, escaped, and isolated so right-to-left text cannot reorder its cell. */
const pageText = (text: string) => `<bdi>${escapeHtml(displayText(text))}</bdi>`;

function row(sequence: AccountSequence): string {
  const name = pageText(shownName(sequence));
  // The address is made from the profile's pattern and an id it matches; escaped all the same.
  const linked = sequence.url ? `<a href="${escapeHtml(sequence.url)}">${name}</a>` : name;
  const numbers = [
    sequence.counts.error,
    sequence.counts.warning,
    sequence.counts.info,
    sequence.counts.review,
  ].map((n) => `<td class="number">${n}</td>`);
  return `<tr><th scope="row">${linked} <span class="id">id ${pageText(sequence.id)}</span></th><td>${escapeHtml(statusText(sequence))}</td><td>${escapeHtml(lastAuditedText(sequence))}</td>${numbers.join('')}<td class="number">${acceptedText(sequence.accepted)}</td><td>${escapeHtml(trendText(sequence.trend))}</td></tr>`;
}

/**
 * The account report as one self-contained HTML file, with a cover as the client report has (who
 * prepared it, the date), inert as the sequence report is (its CSP forbids scripts and every
 * outside resource; every name is escaped).
 */
export function renderAccountHtml(report: AccountReport, cover: CoverDetails = {}): string {
  const body =
    report.sequences.length === 0
      ? '<p>No sequence has been audited in this browser yet.</p>'
      : `<dl class="facts">
<dt>Sequences</dt><dd>${report.sequences.length}</dd>
<dt>Result</dt><dd>${escapeHtml(resultText(report))}</dd>
</dl>
<table class="sequences">
<caption>Each sequence as its latest audit in this browser found it</caption>
<thead><tr><th scope="col">Sequence</th><th scope="col">Status</th><th scope="col">Last audited</th><th scope="col" class="number">Errors</th><th scope="col" class="number">Warnings</th><th scope="col" class="number">Tips</th><th scope="col" class="number">To review</th><th scope="col" class="number">Accepted</th><th scope="col">Trend</th></tr></thead>
<tbody>
${report.sequences.map(row).join('\n')}
</tbody>
</table>`;
  const title = 'Kartra account audit';
  return htmlDocument(
    title,
    report,
    `${REPORT_CSS}\n${ACCOUNT_CSS}`,
    `${coverHeader([report], title, cover)}\n${body}`,
  );
}
