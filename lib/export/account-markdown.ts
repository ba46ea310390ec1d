import type { AccountReport, AccountSequence } from '../overview/account-report';
import { shownName, trendText } from '../overview/overview';
import { acceptedText, lastAuditedText, resultText, statusText } from './account-view';
import { markdownFooter, escapeMarkdown as md } from './escape-markdown';

function row(sequence: AccountSequence): string {
  const name = md(shownName(sequence));
  // The address is made from the profile's pattern and an id it matches: nothing in it to escape.
  const linked = sequence.url ? `[${name}](${sequence.url})` : name;
  const cells = [
    `${linked} (id ${md(sequence.id)})`,
    md(statusText(sequence)),
    md(lastAuditedText(sequence)),
    String(sequence.counts.error),
    String(sequence.counts.warning),
    String(sequence.counts.info),
    String(sequence.counts.review),
    acceptedText(sequence.accepted),
    md(trendText(sequence.trend)),
  ];
  return `| ${cells.join(' | ')} |`;
}

/** The account report as Markdown: one table row per sequence, every name escaped. */
export function renderAccountMarkdown(report: AccountReport): string {
  const out = ['# Kartra account audit', ''];
  if (report.sequences.length === 0) {
    out.push('No sequence has been audited in this browser yet.', '');
    return [...out, ...markdownFooter(report)].join('\n');
  }
  out.push(
    `- Sequences: ${report.sequences.length}`,
    `- Result: ${resultText(report)}`,
    '',
    '| Sequence | Status | Last audited | Errors | Warnings | Tips | To review | Accepted | Trend |',
    '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | --- |',
    ...report.sequences.map(row),
    '',
  );
  return [...out, ...markdownFooter(report)].join('\n');
}
