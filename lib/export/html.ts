import type { Report } from '../audit/report';
import { DEFAULT_QUIET_HOURS, type QuietHours } from '../time/quiet-hours';
import { ZoneClock } from '../time/timing';
import { layoutTimelineChart } from '../timeline/chart';
import { formatWhen, KIND_WORDS } from '../timeline/words';
import { coverDate, type FixGroup, fixesFirst, totalCounts } from './client-summary';
import { type ExportOptions, ruleDocHref } from './doc-link';
import { escapeHtml } from './escape-html';
import { REPORT_CSS } from './html-style';
import { plural } from './plural';
import {
  acceptedNote,
  changeLines,
  type Finding,
  type FindingGroup,
  formatDateTime,
  type GroupKey,
  groupFindings,
  houseRuleLines,
  PAGE_KIND_LABELS,
  pageProblem,
  readingLines,
  reportSubject,
  runOrderText,
  SEVERITY_LABELS,
  STATUS_LABELS,
  whereLabel,
} from './report-view';
import { displayText, MAX_DISPLAY_CHARS, truncate } from './text';
import { timelineTable } from './timeline-view';

/** Nothing may run and nothing may load: a report opened from disk stays inert and offline. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** What the cover says beyond the sequences: what the report is, for whom, by whom, and a note. */
export interface CoverDetails {
  /** Default: "Kartra sequence audit: <name>" for one sequence, "Kartra account audit" for several. */
  title?: string;
  /** Who the report is for (a person or a company). */
  client?: string;
  /** Who made it (the options' "Prepared by"). */
  preparedBy?: string;
  /** A few words to the client; line breaks start paragraphs. */
  note?: string;
}

export interface HtmlReportOptions extends ExportOptions {
  cover?: CoverDetails;
}

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

function factList(rows: readonly [string, string][], className: string): string {
  const items = rows.map(([term, value]) => `<dt>${term}</dt><dd>${value}</dd>`).join('\n');
  return `<dl class="${className}">\n${items}\n</dl>`;
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
  return factList(rows, 'facts');
}

const COUNT_LABELS: readonly [GroupKey, string, string][] = [
  ['error', 'error', 'errors'],
  ['warning', 'warning', 'warnings'],
  ['review', 'to review', 'to review'],
  ['info', 'tip', 'tips'],
];

/** The counts as badges, and how many were accepted; "No findings." when there is nothing. */
function countsList(counts: Report['counts'], accepted: number): string {
  const items = COUNT_LABELS.filter(([key]) => counts[key] > 0)
    .map(([key, one, many]) => {
      const count = counts[key];
      return `<li class="sev-${key}">${badge(key, `${count} ${count === 1 ? one : many}`)}</li>`;
    })
    .join('\n');
  return [
    items ? `<ul class="counts">\n${items}\n</ul>` : '<p>No findings.</p>',
    accepted > 0 ? `<p>And ${accepted} accepted (listed under Accepted).</p>` : '',
  ]
    .filter(Boolean)
    .join('\n');
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
<p>${badge(group.key, label)} <strong class="where">${pageText(whereLabel(finding))}</strong></p>
<p class="message">${pageText(finding.message)}</p>
<p class="fix">${note ? pageText(note(finding)) : `<strong>Fix:</strong> ${pageText(finding.fix)}`}</p>
<p class="rule">Rule: <a href="${href}"><code>${escapeHtml(displayText(finding.ruleId))}</code></a></p>
</li>`;
}

/** A part of a sequence's section, headed; `id` is unique in the document. */
function part(id: string, heading: string, body: string): string {
  return `<section aria-labelledby="${id}">
<h3 id="${id}">${heading}</h3>
${body}
</section>`;
}

function changesPart(report: Report, prefix: string): string {
  const changes = changeLines(report);
  if (!changes) return '';
  const items = changes.lines.map((line) => `<li>${pageText(line)}</li>`).join('\n');
  return part(`${prefix}-changes`, escapeHtml(changes.heading), `<ul>\n${items}\n</ul>`);
}

function acceptedPart(report: Report, prefix: string, options: ExportOptions): string {
  const accepted = report.accepted ?? [];
  if (accepted.length === 0) return '';
  const group = { key: 'accepted', heading: 'Accepted', findings: accepted } as const;
  return groupPart(group, prefix, options, (item) => acceptedNote(item as (typeof accepted)[number]));
}

/** A group of findings as exports list them: by severity, to review, or accepted. */
type Listed = FindingGroup | { key: 'accepted'; heading: string; findings: readonly Finding[] };

function groupPart(group: Listed, prefix: string, options: ExportOptions, note?: Note): string {
  const items = group.findings.map((finding) => findingItem(finding, group, options, note)).join('\n');
  return part(
    `${prefix}-group-${group.key}`,
    `${group.heading} (${group.findings.length})`,
    `<ol class="findings">\n${items}\n</ol>`,
  );
}

function runOrderPart(report: Report, prefix: string): string {
  if (report.runOrder.length === 0) return '';
  return part(
    `${prefix}-run-order`,
    'Run order',
    `<p class="run-order">${pageText(runOrderText(report.runOrder))}</p>`,
  );
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

function timelinePart(report: Report, prefix: string, options: ExportOptions): string {
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
  return part(
    `${prefix}-timeline`,
    'Timeline',
    [`<p>${pageText(table.intro)}</p>`, ...notices, timelineChart(report, quiet), tableHtml]
      .filter(Boolean)
      .join('\n'),
  );
}

function houseRulesPart(report: Report, prefix: string): string {
  const lines = houseRuleLines(report);
  if (lines.length === 0) return '';
  return part(
    `${prefix}-house-rules`,
    'House rules',
    `<ul>\n${lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('\n')}\n</ul>`,
  );
}

function coveragePart(report: Report, prefix: string): string {
  const { tabsAudited, tabsNotSeen, notes } = report.coverage;
  const items: string[] = [];
  const tabs = (list: readonly string[]) => list.map((tab) => pageText(tab)).join(', ');
  if (tabsAudited.length > 0) items.push(`<li>Tabs audited: ${tabs(tabsAudited)}</li>`);
  if (tabsNotSeen.length > 0)
    items.push(`<li>Tabs not seen (open them to audit them): ${tabs(tabsNotSeen)}</li>`);
  for (const line of readingLines(report)) items.push(`<li>${pageText(line)}</li>`);
  for (const note of notes) items.push(`<li>${pageText(note)}</li>`);
  if (items.length === 0) return '';
  return part(`${prefix}-coverage`, 'Coverage', `<ul>\n${items.join('\n')}\n</ul>`);
}

/** One sequence's report: a page of its own in print, starting with its name. */
function sequenceSection(report: Report, prefix: string, options: ExportOptions): string {
  const problem = pageProblem(report);
  const parts = [
    changesPart(report, prefix),
    ...groupFindings(report.findings).map((group) => groupPart(group, prefix, options)),
    acceptedPart(report, prefix, options),
    runOrderPart(report, prefix),
    timelinePart(report, prefix, options),
    houseRulesPart(report, prefix),
    coveragePart(report, prefix),
  ];
  return `<section class="sequence" aria-labelledby="${prefix}">
<h2 id="${prefix}"><bdi>${escapeHtml(reportSubject(report))}</bdi></h2>
${facts(report)}
${[problem ? `<p>${problem}</p>` : '', countsList(report.counts, report.accepted?.length ?? 0), ...parts].filter(Boolean).join('\n')}
</section>`;
}

/** The note as paragraphs, one per line typed; [] when empty. */
function noteParagraphs(note: string): string[] {
  return truncate(note, MAX_DISPLAY_CHARS)
    .split(/\r\n|\r|\n/)
    .map((line) => displayText(line))
    .filter(Boolean)
    .map((line) => `<p><bdi>${escapeHtml(line)}</bdi></p>`);
}

function documentTitle(reports: readonly Report[], cover: CoverDetails): string {
  const given = displayText(cover.title ?? '');
  if (given) return given;
  const [only] = reports;
  return reports.length === 1 && only
    ? `Kartra sequence audit: ${reportSubject(only)}`
    : 'Kartra account audit';
}

/**
 * A report's cover: the title, then the client, who prepared it, the date of the newest audit,
 * how many sequences (when more than one) and the note. The account report has one too.
 */
export function coverHeader(
  audits: readonly Pick<Report, 'generatedAt'>[],
  title: string,
  cover: CoverDetails,
): string {
  const client = displayText(cover.client ?? '');
  const preparedBy = displayText(cover.preparedBy ?? '');
  const note = noteParagraphs(cover.note ?? '');
  const rows: [string, string][] = [];
  if (client) rows.push(['Client', `<bdi>${escapeHtml(client)}</bdi>`]);
  if (preparedBy) rows.push(['Prepared by', `<bdi>${escapeHtml(preparedBy)}</bdi>`]);
  rows.push(['Date', escapeHtml(coverDate(audits))]);
  if (audits.length > 1) rows.push(['Sequences', String(audits.length)]);
  if (note.length > 0) rows.push(['Note', note.join('\n')]);
  return `<header class="cover">
<h1><bdi>${escapeHtml(title)}</bdi></h1>
${factList(rows, 'cover__facts')}
</header>`;
}

function fixItem(group: FixGroup, review: boolean): string {
  const key: GroupKey = review ? 'review' : group.severity;
  const label = review
    ? `Needs review (${SEVERITY_LABELS[group.severity]})`
    : SEVERITY_LABELS[group.severity];
  return `<li class="fix-item sev-${key}">
<p>${badge(key, label)} <strong>${pageText(group.fix)}</strong></p>
<p class="meta">${plural(group.findings, 'finding')}: ${pageText(group.places.join('; '))}</p>
</li>`;
}

/** Per sequence of an account: its name and counts, so the client sees where the problems are. */
function sequenceTable(reports: readonly Report[]): string {
  const rows = reports.map((report, index) => {
    const { error, warning, info, review } = report.counts;
    return `<tr><th scope="row"><a href="#s${index + 1}"><bdi>${escapeHtml(reportSubject(report))}</bdi></a></th><td>${error}</td><td>${warning}</td><td>${review}</td><td>${info}</td><td>${report.accepted?.length ?? 0}</td></tr>`;
  });
  return `<table class="sequences">
<caption>Findings per sequence</caption>
<thead><tr><th scope="col">Sequence</th><th scope="col">Errors</th><th scope="col">Warnings</th><th scope="col">To review</th><th scope="col">Tips</th><th scope="col">Accepted</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
}

/** The counts of every sequence, then what to fix, the fixes that matter most first, then what to check. */
function summary(reports: readonly Report[]): string {
  const { fixes, reviews } = fixesFirst(reports);
  const accepted = reports.reduce((sum, report) => sum + (report.accepted?.length ?? 0), 0);
  const list = (groups: readonly FixGroup[], review: boolean) =>
    `<ol class="fixes">\n${groups.map((group) => fixItem(group, review)).join('\n')}\n</ol>`;
  const body = [
    countsList(totalCounts(reports), accepted),
    reports.length > 1 ? sequenceTable(reports) : '',
    fixes.length > 0 ? part('fixes-first', 'What to fix, most important first', list(fixes, false)) : '',
    reviews.length > 0 ? part('needs-review', 'Needs review', list(reviews, true)) : '',
  ];
  return `<section class="summary" aria-labelledby="summary">
<h2 id="summary">Summary</h2>
${body.filter(Boolean).join('\n')}
</section>`;
}

/**
 * The client report as one self-contained HTML file: a cover (title, client, prepared by, date,
 * note) with the summary, then one section per report (a sequence, or the sequence list), each
 * starting a page in print. Readable offline, printable to PDF, and inert: its CSP forbids scripts
 * and every outside resource, and all page and user text is escaped.
 */
export function renderHtmlDocument(
  reports: readonly [Report, ...Report[]],
  options: HtmlReportOptions = {},
): string {
  const cover = options.cover ?? {};
  const title = documentTitle(reports, cover);
  const newest = reports.reduce((a, b) => (b.generatedAt > a.generatedAt ? b : a));
  const sections = reports.map((report, index) => sequenceSection(report, `s${index + 1}`, options));
  return htmlDocument(
    title,
    newest,
    REPORT_CSS,
    [coverHeader(reports, title, cover), summary(reports), ...sections].join('\n'),
  );
}

/**
 * A self-contained, inert HTML file: `body` in a main element over a footer naming the tool and
 * when `made` was generated, styled by `css`, under a CSP that forbids scripts and every outside
 * resource. Every report file (a sequence's, the account's) is one.
 */
export function htmlDocument(
  title: string,
  made: Pick<Report, 'generatedAt' | 'tool'>,
  css: string,
  body: string,
): string {
  const when = formatDateTime(made.generatedAt);
  const tool = `${displayText(made.tool.name)} ${displayText(made.tool.version)}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} (${escapeHtml(when)})</title>
<style>
${css}
</style>
</head>
<body>
<main>
${body}
<footer>
<p>Generated by ${escapeHtml(tool)} on <time datetime="${escapeHtml(displayText(made.generatedAt))}">${escapeHtml(when)}</time>.</p>
</footer>
</main>
</body>
</html>
`;
}

/** One report as the client report: renderHtmlDocument with a single section. */
export function renderHtmlReport(report: Report, options: HtmlReportOptions = {}): string {
  return renderHtmlDocument([report], options);
}
