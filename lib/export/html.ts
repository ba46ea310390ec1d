import type { Report } from '../audit/report';
import { DEFAULT_QUIET_HOURS, type QuietHours } from '../time/quiet-hours';
import { ZoneClock } from '../time/timing';
import { layoutTimelineChart } from '../timeline/chart';
import { formatWhen, KIND_WORDS } from '../timeline/words';
import { type ExportOptions, ruleDocHref } from './doc-link';
import { escapeHtml } from './escape-html';
import { REPORT_CSS } from './html-style';
import { plural } from './plural';
import {
  acceptedCount,
  acceptedNote,
  changeLines,
  type Finding,
  type FindingGroup,
  formatDateTime,
  type GroupKey,
  groupFindings,
  PAGE_KIND_LABELS,
  pageProblem,
  readingLines,
  reportSubject,
  runOrderText,
  SEVERITY_LABELS,
  STATUS_LABELS,
  whereLabel,
} from './report-view';
import { displayText } from './text';
import { timelineTable } from './timeline-view';

/** Nothing may run and nothing may load: a report opened from disk stays inert and offline. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const SYMBOLS: Record<GroupKey | 'accepted', string> = {
  error: '✖',
  warning: '▲',
  info: 'ℹ',
  review: '?',
  accepted: '✓',
};

/** Page text: cleaned, escaped, and isolated so right-to-left text cannot reorder what surrounds it. */
function pageText(text: string): string {
  return `<bdi>${escapeHtml(displayText(text))}</bdi>`;
}

function badge(key: GroupKey | 'accepted', label: string): string {
  return `<span class="badge"><span aria-hidden="true">${SYMBOLS[key]}</span> ${label}</span>`;
}

function facts(report: Report): string {
  const rows: [string, string][] = [];
  const sequence = report.sequence;
  if (sequence && report.page.kind !== 'list') {
    rows.push(['Sequence', sequence.name ? pageText(sequence.name) : '(name not shown)']);
    rows.push(['Sequence id', `<code>${escapeHtml(displayText(sequence.id))}</code>`]);
    if (sequence.publicName !== null) {
      rows.push(['Public name', sequence.publicName.trim() ? pageText(sequence.publicName) : '(not set)']);
    }
    if (sequence.status) rows.push(['Status', STATUS_LABELS[sequence.status]]);
    if (typeof sequence.subscribers === 'number')
      rows.push(['Contacts in the sequence', String(sequence.subscribers)]);
  }
  rows.push([
    'Page',
    `${PAGE_KIND_LABELS[report.page.kind]}: <code>${escapeHtml(displayText(report.page.url))}</code>`,
  ]);
  const items = rows.map(([term, value]) => `<dt>${term}</dt><dd>${value}</dd>`).join('\n');
  return `<dl class="facts">\n${items}\n</dl>`;
}

const COUNT_LABELS: readonly [GroupKey, string, string][] = [
  ['error', 'error', 'errors'],
  ['warning', 'warning', 'warnings'],
  ['review', 'to review', 'to review'],
  ['info', 'tip', 'tips'],
];

function summary(report: Report): string {
  const items = COUNT_LABELS.filter(([key]) => report.counts[key] > 0)
    .map(([key, one, many]) => {
      const count = report.counts[key];
      return `<li class="sev-${key}">${badge(key, `${count} ${count === 1 ? one : many}`)}</li>`;
    })
    .join('\n');
  const problem = pageProblem(report);
  const body = [
    problem ? `<p>${problem}</p>` : '',
    items ? `<ul class="counts">\n${items}\n</ul>` : '<p>No findings.</p>',
    acceptedCount(report) ? `<p>And ${escapeHtml(acceptedCount(report))} (listed under Accepted).</p>` : '',
  ].filter(Boolean);
  return `<section aria-labelledby="summary">
<h2 id="summary">Summary</h2>
${body.join('\n')}
</section>`;
}

/** `note`: what replaces the fix (an accepted finding's when and why). */
type Note = ((finding: Finding) => string) | undefined;

function findingItem(finding: Finding, group: Listed, options: ExportOptions, note: Note): string {
  const label =
    group.key === 'review' || group.key === 'accepted'
      ? `${group.key === 'review' ? 'Needs review' : 'Accepted'} (${SEVERITY_LABELS[finding.severity]})`
      : SEVERITY_LABELS[finding.severity];
  const href = escapeHtml(ruleDocHref(finding.ruleId, options));
  return `<li class="finding sev-${group.key}">
<p>${badge(group.key, label)}<strong class="where">${pageText(whereLabel(finding))}</strong></p>
<p class="message">${pageText(finding.message)}</p>
<p class="fix">${note ? pageText(note(finding)) : `<strong>Fix:</strong> ${pageText(finding.fix)}`}</p>
<p class="rule">Rule: <a href="${href}"><code>${escapeHtml(displayText(finding.ruleId))}</code></a></p>
</li>`;
}

function changesSection(report: Report): string {
  const changes = changeLines(report);
  if (!changes) return '';
  return `<section aria-labelledby="changes">
<h2 id="changes">${escapeHtml(changes.heading)}</h2>
<ul>
${changes.lines.map((line) => `<li>${pageText(line)}</li>`).join('\n')}
</ul>
</section>`;
}

function acceptedSection(report: Report, options: ExportOptions): string {
  const accepted = report.accepted ?? [];
  if (accepted.length === 0) return '';
  const group = { key: 'accepted', heading: 'Accepted', findings: accepted } as const;
  return groupSection(group, options, (item) => acceptedNote(item as (typeof accepted)[number]));
}

/** A group of findings as exports list them: by severity, to review, or accepted. */
type Listed = FindingGroup | { key: 'accepted'; heading: string; findings: readonly Finding[] };

function groupSection(group: Listed, options: ExportOptions, note?: Note): string {
  const id = `group-${group.key}`;
  const items = group.findings.map((finding) => findingItem(finding, group, options, note)).join('\n');
  return `<section aria-labelledby="${id}">
<h2 id="${id}">${group.heading} (${group.findings.length})</h2>
<ol class="findings">
${items}
</ol>
</section>`;
}

function runOrder(report: Report): string {
  if (report.runOrder.length === 0) return '';
  return `<section aria-labelledby="run-order">
<h2 id="run-order">Run order</h2>
<p class="run-order">${pageText(runOrderText(report.runOrder))}</p>
</section>`;
}

/** The chart's width in the file (its viewBox scales it down on a narrow screen). */
const CHART_WIDTH = 760;

/** The chart of lib/timeline/chart.ts, as the popup draws it: an inline SVG, no script. */
function timelineChart(report: Report, quiet: QuietHours): string {
  const timeline = report.timeline;
  if (!timeline || timeline.branches.length === 0) return '';
  const clock = new ZoneClock(timeline.timeZone);
  const chart = layoutTimelineChart(timeline, quiet, { width: CHART_WIDTH }, clock);
  const marks = chart.rows.reduce((sum, row) => sum + row.marks.length, 0);
  const quietMarks = chart.rows.reduce((sum, row) => sum + row.marks.filter((m) => m.quiet).length, 0);
  const left = chart.rowsLeftOut > 0 ? `; ${plural(chart.rowsLeftOut, 'more path')} in the table only` : '';
  const label = `Chart: ${plural(marks, 'message')} on ${plural(chart.rows.length, 'path')}, from day 0 to day ${chart.maxDay}; ${quietMarks} in quiet hours${left}. The table lists them.`;
  const ticks = chart.ticks.map(
    (tick) =>
      `<g class="tick"><line x1="${tick.x}" x2="${tick.x}" y1="0" y2="${chart.height - 14}"/><text x="${tick.x}" y="${chart.height - 2}" text-anchor="middle">day ${tick.day}</text></g>`,
  );
  const rows = chart.rows.map((row) => {
    const circles = row.marks.map((mark) => {
      const title = `Step ${mark.ref} · ${KIND_WORDS[mark.kind] ?? mark.kind} · ${formatWhen(mark, clock)}${mark.quiet ? ' (quiet hours)' : ''}`;
      return `<circle class="mark${mark.quiet ? ' quiet' : ''}" cx="${mark.x}" cy="${row.y}" r="4" data-ref="${escapeHtml(displayText(mark.ref))}" data-day="${mark.day}"><title>${escapeHtml(displayText(title))}</title></circle>`;
    });
    return `<g class="row" data-branch="${escapeHtml(row.branchId)}"><text class="label" x="0" y="${row.y - 8}">${escapeHtml(displayText(row.label))}</text><line class="axis" x1="0" x2="${chart.width}" y1="${row.y}" y2="${row.y}"/>
${circles.join('\n')}</g>`;
  });
  return `<svg class="timeline-chart" role="img" aria-label="${escapeHtml(label)}" width="${chart.width}" height="${chart.height}" viewBox="0 0 ${chart.width} ${chart.height}" xmlns="http://www.w3.org/2000/svg">
${[...ticks, ...rows].join('\n')}
</svg>`;
}

function timelineSection(report: Report, options: ExportOptions): string {
  const quiet = options.quietHours ?? DEFAULT_QUIET_HOURS;
  const table = timelineTable(report, quiet);
  if (!table) return '';
  const notices = table.notices.map((notice) => `<p class="notice">${pageText(notice)}</p>`);
  const rows = table.rows.map((row) => {
    const struck = row.status === 'skipped' || row.status === 'never';
    const message = struck ? `<s>${pageText(row.message)}</s>` : pageText(row.message);
    return `<tr class="timeline-${row.status}" data-ref="${escapeHtml(displayText(row.ref))}"><th scope="row">${message}</th><td>${pageText(row.when)}</td><td>${pageText(row.branch)}</td><td>${row.quiet ? pageText(row.quiet) : ''}</td><td>${row.note ? pageText(row.note) : ''}</td></tr>`;
  });
  const tableHtml =
    rows.length === 0
      ? ''
      : `<table class="timeline">
<caption>Each email and SMS in the order a contact gets it, by branch</caption>
<thead><tr><th scope="col">Message</th><th scope="col">When</th><th scope="col">Branch</th><th scope="col">Quiet</th><th scope="col">Note</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
  return `<section aria-labelledby="timeline">
<h2 id="timeline">Timeline</h2>
<p>${pageText(table.intro)}</p>
${[...notices, timelineChart(report, quiet), tableHtml].filter(Boolean).join('\n')}
</section>`;
}

function coverage(report: Report): string {
  const { tabsAudited, tabsNotSeen, notes } = report.coverage;
  const items: string[] = [];
  const tabs = (list: readonly string[]) => list.map((tab) => pageText(tab)).join(', ');
  if (tabsAudited.length > 0) items.push(`<li>Tabs audited: ${tabs(tabsAudited)}</li>`);
  if (tabsNotSeen.length > 0)
    items.push(`<li>Tabs not seen (open them to audit them): ${tabs(tabsNotSeen)}</li>`);
  for (const line of readingLines(report)) items.push(`<li>${pageText(line)}</li>`);
  for (const note of notes) items.push(`<li>${pageText(note)}</li>`);
  if (items.length === 0) return '';
  return `<section aria-labelledby="coverage">
<h2 id="coverage">Coverage</h2>
<ul>
${items.join('\n')}
</ul>
</section>`;
}

/**
 * The report as one self-contained HTML file: readable offline, printable, and inert (its CSP
 * forbids scripts and every outside resource; all page text is escaped).
 */
export function renderHtmlReport(report: Report, options: ExportOptions = {}): string {
  const subject = reportSubject(report);
  const when = formatDateTime(report.generatedAt);
  const tool = `${displayText(report.tool.name)} ${displayText(report.tool.version)}`;
  const groups = groupFindings(report.findings).map((group) => groupSection(group, options));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Kartra sequence audit: ${escapeHtml(subject)} (${escapeHtml(when)})</title>
<style>
${REPORT_CSS}
</style>
</head>
<body>
<main>
<header>
<h1>Kartra sequence audit: <bdi>${escapeHtml(subject)}</bdi></h1>
${facts(report)}
</header>
${[summary(report), changesSection(report), ...groups, acceptedSection(report, options), runOrder(report), timelineSection(report, options), coverage(report)].filter(Boolean).join('\n')}
<footer>
<p>Generated by ${escapeHtml(tool)} on <time datetime="${escapeHtml(displayText(report.generatedAt))}">${escapeHtml(when)}</time>.</p>
</footer>
</main>
</body>
</html>
`;
}
