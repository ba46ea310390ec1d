import type { Report } from '../audit/report';
import { compareRefs, subsequenceLetter } from '../flow/refs';
import { KIND_LABELS } from '../model/describe-step';
import type { SequenceModel } from '../model/model';
import { type CsvOptions, MAX_CSV_CELL, renderCsvTable } from './csv';
import { markdownCode, markdownFooter, escapeMarkdown as md } from './escape-markdown';
import { fileDay } from './file-name';
import { plural } from './plural';
import { formatDateTime, reportSubject } from './report-view';
import { type LastStepMap, type SinceLastAudit, sinceLastAudit, stepTitle } from './step-map-since';
import { displayText } from './text';

/**
 * The step map: every step the builder showed, by the box number Kartra's API and Zapier address
 * it by ("subscribe lead to sequence at step 4"), with where it falls in the real run order and
 * whether it runs. Pure: made from the report and the page model of the same audit.
 *
 * Its own entry point, apart from lib/export/index.ts: it is made from the page model as well as
 * the report, so it is not one of the report's formats, and only the popup's step-map buttons load it.
 *
 * Which boxes were renumbered or deleted since the last audit comes from the history: the last
 * complete audit of another visit kept its map (step-map-since.ts), and each row says how its box
 * compares; the last audit's boxes found neither in place nor renumbered follow the current ones.
 */

export interface StepMapRow {
  /** The number bubble as the builder shows it: "4", "A2". */
  box: string;
  /** The tab the step was read on: "Main", "A"... */
  tab: string;
  /** The card's kind as the builder's palette names it ("Send email"), or "not read". */
  kind: string;
  /** Page text, raw: each renderer escapes it. */
  title: string;
  /** 1-based place in the report's run order; null when no path seen reaches the step. */
  position: number | null;
  /** "yes", "no: inactive", "no: not reachable", or "can't tell: <reason>". */
  runs: string;
}

export type StepMapReport = Pick<Report, 'runOrder' | 'timeline'>;
export type StepMapSequence = Pick<SequenceModel, 'steps' | 'diagnostics'>;

/**
 * One row per step card, in box-number order (Main, then tab A, B...). The run order is the
 * report's own (the popup's "Real order"), so the map and the popup never disagree on it.
 */
export function stepMapRows(report: StepMapReport, sequence: StepMapSequence): StepMapRow[] {
  const position = new Map(report.runOrder.map((ref, index) => [ref, index + 1]));
  const cards = new Map<string, number>();
  for (const step of sequence.steps) cards.set(step.ref, (cards.get(step.ref) ?? 0) + 1);
  const activeUnread = new Set(
    sequence.diagnostics.flatMap((d) =>
      (d.code === 'inactive-label-unknown' || d.code === 'inactive-look-unread') && d.step ? [d.step] : [],
    ),
  );
  // Not on the run order proves nothing while part of the flow was not read: a Go To on an
  // unopened tab, or a line not traced, may still lead there. The report says why (timeline.uncertain).
  const flowDoubt =
    report.timeline === undefined
      ? 'the report does not say whether the whole flow was read'
      : report.timeline.uncertain;

  const rows = sequence.steps.map((step): StepMapRow => {
    const row = {
      box: step.ref,
      tab: step.tab,
      kind: step.kind === 'unknown' ? 'not read' : KIND_LABELS[step.kind],
      title: stepTitle(step),
    };
    const shown = cards.get(step.ref) ?? 1;
    // The flow joins lines to a number, so with two cards showing it no one can say which card
    // the order, or the lines, belong to.
    if (shown > 1) {
      return { ...row, position: null, runs: `can't tell: ${shown} cards show the number ${step.ref}` };
    }
    const place = position.get(step.ref) ?? null;
    if (place === null) {
      return { ...row, position: null, runs: flowDoubt ? `can't tell: ${flowDoubt}` : 'no: not reachable' };
    }
    if (activeUnread.has(step.ref)) {
      return { ...row, position: place, runs: "can't tell: whether it is active was not read" };
    }
    return { ...row, position: place, runs: step.active ? 'yes' : 'no: inactive' };
  });
  // sort is stable: two cards showing one number keep the builder's order.
  return rows.sort((a, b) => compareRefs(a.box, b.box));
}

/** The step map's CSV header; new columns go last so existing column indexes still hold. */
export const STEP_MAP_COLUMNS = [
  'box',
  'tab',
  'kind',
  'title',
  'position',
  'runs',
  'sequenceId',
  'tool',
  'generatedAt',
  'sinceLastAudit',
] as const;

/** The tab a box number belongs to: "A" for "A2", "Main" for "4". */
const tabOf = (box: string) => subsequenceLetter(box) ?? 'Main';

/** The last audit's boxes found neither in place nor renumbered; none without a comparison. */
const missingBoxes = (since: SinceLastAudit) => (since.at === null ? [] : since.missing);

/**
 * The step map as CSV, through the one CSV writer (formula defence, quoting, CRLF). The last
 * audit's boxes found neither in place nor renumbered follow every current row, with no position:
 * a lookup by box finds the step the builder shows now first.
 */
export function renderStepMapCsv(
  report: Report,
  sequence: StepMapSequence,
  last: LastStepMap,
  options: CsvOptions = {},
): string {
  const provenance = [
    report.sequence?.id ?? '',
    `${report.tool.name} ${report.tool.version}`,
    report.generatedAt,
  ];
  const since = sinceLastAudit(report, sequence, last);
  const rows = stepMapRows(report, sequence).map((row) => [
    row.box,
    row.tab,
    row.kind,
    // Controls and bidi overrides out, as in every export: a title must not reorder its row.
    displayText(row.title, MAX_CSV_CELL),
    row.position === null ? '' : String(row.position),
    row.runs,
    ...provenance,
    since.at === null ? '' : (since.byBox.get(row.box) ?? ''),
  ]);
  // Only a fingerprint of their titles was kept: the title cell stays empty.
  const missing = missingBoxes(since).map((box) => [
    box.box,
    tabOf(box.box),
    KIND_LABELS[box.kind],
    '',
    '',
    '',
    ...provenance,
    box.since,
  ]);
  return renderCsvTable(STEP_MAP_COLUMNS, [...rows, ...missing], options);
}

/** What the map leaves out, said where people read it. */
function omissions(report: Report, sequence: StepMapSequence): string[] {
  const lines: string[] = [];
  const notSeen = report.coverage.tabsNotSeen;
  if (notSeen.length > 0) {
    lines.push(
      `Not listed: the steps of ${notSeen.length === 1 ? 'tab' : 'tabs'} ${notSeen.join(', ')}, not opened yet. Open each tab in the builder, then export again.`,
    );
  }
  const unnumbered = sequence.diagnostics.filter((d) => d.code === 'step-number-missing').length;
  if (unnumbered > 0) {
    lines.push(
      `Not listed: ${plural(unnumbered, 'card')} whose number bubble could not be read, so no box number can be given.`,
    );
  }
  return lines;
}

/** A table cell: escaped page text on one line (escapeMarkdown folds whitespace and escapes "|"). */
const cell = (text: string) => (text ? md(text) : '');

/** The step map as a Markdown table, every piece of page text escaped. */
export function renderStepMapMarkdown(report: Report, sequence: StepMapSequence, last: LastStepMap): string {
  const since = sinceLastAudit(report, sequence, last);
  const out = [`# Kartra step map: ${md(reportSubject(report))}`, ''];
  if (report.sequence) out.push(`- Sequence id: ${markdownCode(report.sequence.id)}`);
  out.push(
    '- Box: the number bubble on the card, as Kartra and its integrations (API, Zapier) name the step.',
    '- Run order: where the step falls in the order a contact meets the steps; empty when no path reaches it.',
    since.at === null
      ? `- Since last audit: not compared: ${md(since.reason)}.`
      : `- Since last audit: compared with the audit of ${md(formatDateTime(since.at))}, by each box's kind and title. "renumbered from 4": the step was box 4 then, so an integration that names step 4 now reaches another step, or none.`,
    '',
  );
  for (const line of omissions(report, sequence)) out.push(`> ${md(line)}`, '');
  const rows = stepMapRows(report, sequence);
  // The comparison's column only when there was one: its reason is said above.
  const compared = since.at === null ? null : since.byBox;
  if (rows.length === 0) out.push('No steps were read on this page.', '');
  else {
    out.push(
      `| Box | Tab | Kind | Title | Run order | Runs |${compared ? ' Since last audit |' : ''}`,
      `| --- | --- | --- | --- | ---: | --- |${compared ? ' --- |' : ''}`,
    );
    for (const row of rows) {
      const change = compared ? ` ${cell(compared.get(row.box) ?? '')} |` : '';
      out.push(
        `| ${cell(row.box)} | ${cell(row.tab)} | ${cell(row.kind)} | ${cell(row.title)} | ${row.position ?? ''} | ${cell(row.runs)} |${change}`,
      );
    }
    out.push('');
  }
  const missing = missingBoxes(since);
  if (missing.length > 0) {
    out.push(
      '## Boxes of the last audit not found',
      '',
      'Every box the last audit showed is above, in place or renumbered, or here: "deleted" when its step is in no box now, "can\'t tell" when several steps share its kind and title and some of them moved. An integration that names one of these boxes may no longer reach the step it was set up for. Only a fingerprint of each title was kept, so titles are not shown.',
      '',
      '| Box | Tab | Kind | Since last audit |',
      '| --- | --- | --- | --- |',
      ...missing.map(
        (box) => `| ${cell(box.box)} | ${tabOf(box.box)} | ${KIND_LABELS[box.kind]} | ${cell(box.since)} |`,
      ),
      '',
    );
  }
  out.push(...markdownFooter(report));
  return out.join('\n');
}

/**
 * `kartra-step-map-<sequence id>-<yyyy-mm-dd>.<ext>`: by id, not name, because the id is what
 * Kartra's API and Zapier ask for beside the box number, and it survives a rename. The day is
 * taken as in the report's own file names.
 */
export function stepMapFileName(report: Report, ext: string, date?: Date): string {
  // Ids are letters, digits, - and _ on Kartra; anything else read from the page is left out.
  const id = (report.sequence?.id ?? '').replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  const extension = ext.toLowerCase().replace(/[^a-z0-9]/g, '') || 'txt';
  return `kartra-step-map-${id.slice(0, 50) || 'sequence'}-${fileDay(report, date)}.${extension}`;
}
