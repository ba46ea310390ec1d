import type { Report } from '../audit/report';
import { type ExportOptions, ruleDocHref } from './doc-link';
import { markdownCode, markdownFooter, escapeMarkdown as md } from './escape-markdown';
import {
  acceptedCount,
  acceptedNote,
  changeLines,
  type Finding,
  type FindingGroup,
  groupFindings,
  houseRuleLines,
  PAGE_KIND_LABELS,
  pageProblem,
  readingLines,
  reportSubject,
  runOrderText,
  SEVERITY_LABELS,
  STATUS_LABELS,
  summarizeCounts,
  whereLabel,
} from './report-view';
import { timelineTable } from './timeline-view';

function sequenceLines(report: Report): string[] {
  const sequence = report.sequence;
  if (!sequence || report.page.kind === 'list') return [];
  const lines = [
    `- Sequence: ${sequence.name ? md(sequence.name) : '(name not shown)'} (id ${markdownCode(sequence.id)})`,
  ];
  if (sequence.publicName !== null) {
    lines.push(`- Public name: ${sequence.publicName.trim() ? md(sequence.publicName) : '(not set)'}`);
  }
  if (sequence.status) lines.push(`- Status: ${STATUS_LABELS[sequence.status]}`);
  if (sequence.subscribers !== null) {
    lines.push(`- Contacts in the sequence: ${sequence.subscribers}`);
  }
  return lines;
}

/** `group` null: an accepted finding, whose `note` (when and why) replaces the fix. */
function findingLines(
  finding: Finding,
  group: FindingGroup | null,
  options: ExportOptions,
  note?: string,
): string[] {
  // In "Needs review" and "Accepted" the severity is no longer implied by the heading, so say it.
  const severity = group?.key !== 'review' && group ? '' : ` (${SEVERITY_LABELS[finding.severity]})`;
  return [
    `- **${md(whereLabel(finding))}**${severity}: ${md(finding.message)}`,
    `  - ${note === undefined ? `Fix: ${md(finding.fix)}` : md(note)}`,
    `  - Rule: [${md(finding.ruleId)}](${ruleDocHref(finding.ruleId, options)})`,
  ];
}

/** A table cell: escaped page text, on one line (escapeMarkdown folds whitespace and escapes "|"). */
const cell = (text: string | null) => (text ? md(text) : '');

function timelineLines(report: Report, options: ExportOptions): string[] {
  const table = timelineTable(report, options.quietHours);
  if (!table) return [];
  const lines = ['## Timeline', '', md(table.intro), ''];
  for (const notice of table.notices) lines.push(`> ${md(notice)}`, '');
  if (table.rows.length === 0) return lines;
  lines.push('| Message | When | Branch | Quiet | Note |', '| --- | --- | --- | --- | --- |');
  for (const row of table.rows) {
    // Skipped and never-sent messages are struck through, as in the popup.
    const message =
      row.status === 'skipped' || row.status === 'never' ? `~~${cell(row.message)}~~` : cell(row.message);
    lines.push(
      `| ${message} | ${cell(row.when)} | ${cell(row.branch)} | ${cell(row.quiet)} | ${cell(row.note)} |`,
    );
  }
  lines.push('');
  return lines;
}

function coverageLines(report: Report): string[] {
  const { tabsAudited, tabsNotSeen, notes } = report.coverage;
  const lines: string[] = [];
  if (tabsAudited.length > 0) lines.push(`- Tabs audited: ${tabsAudited.map((tab) => md(tab)).join(', ')}`);
  if (tabsNotSeen.length > 0) {
    lines.push(`- Tabs not seen (open them to audit them): ${tabsNotSeen.map((tab) => md(tab)).join(', ')}`);
  }
  for (const line of readingLines(report)) lines.push(`- ${md(line)}`);
  for (const note of notes) lines.push(`- ${md(note)}`);
  return lines;
}

/**
 * The report as Markdown to paste into an e-mail or a ticket. Every piece of page text is
 * escaped, so a step title cannot format the report, add links or smuggle HTML.
 */
export function renderMarkdownReport(report: Report, options: ExportOptions = {}): string {
  const out: string[] = [`# Kartra sequence audit: ${md(reportSubject(report))}`, ''];
  out.push(...sequenceLines(report));
  out.push(`- Page: ${PAGE_KIND_LABELS[report.page.kind]}, ${markdownCode(report.page.url)}`);
  const acceptedText = acceptedCount(report);
  out.push(
    `- Result: **${summarizeCounts(report.counts)}**${acceptedText ? ` (and ${acceptedText})` : ''}`,
    '',
  );
  const problem = pageProblem(report);
  if (problem) out.push(problem, '');

  for (const group of groupFindings(report.findings)) {
    out.push(`## ${group.heading} (${group.findings.length})`, '');
    for (const finding of group.findings) out.push(...findingLines(finding, group, options));
    out.push('');
  }

  const changes = changeLines(report);
  if (changes) out.push(`## ${md(changes.heading)}`, '', ...changes.lines.map((line) => `- ${md(line)}`), '');

  const accepted = report.accepted ?? [];
  if (accepted.length > 0) {
    out.push(`## Accepted (${accepted.length})`, '');
    for (const item of accepted) out.push(...findingLines(item, null, options, acceptedNote(item)));
    out.push('');
  }

  const houseRules = houseRuleLines(report);
  if (houseRules.length > 0) out.push('## House rules', '', ...houseRules.map((line) => `- ${md(line)}`), '');

  if (report.runOrder.length > 0) {
    out.push('## Run order', '', md(runOrderText(report.runOrder)), '');
  }
  out.push(...timelineLines(report, options));
  const coverage = coverageLines(report);
  if (coverage.length > 0) out.push('## Coverage', '', ...coverage, '');

  out.push(...markdownFooter(report));
  return out.join('\n');
}
