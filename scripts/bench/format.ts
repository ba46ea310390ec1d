import type { BudgetResult } from './budgets';
import type { ContentScriptSize } from './bundle-size';
import { round } from './stats';

/** Plain-text output of the benchmark: one table of figures per sequence size, then the budgets. */

export interface SizeRow {
  steps: number;
  /** Steps on the Main tab: the cards on screen that the reader reads. */
  visibleSteps: number;
  auditMs: number;
  readMs: number;
  checkMs: number;
  renderMs: number;
  reauditMs: number;
  changeToReportMs: number;
  /** The floor run by the page's own scripts: a lower bound no content script can reach. */
  floorMs: number;
  /** The same floor from an isolated world, as a content script reads: what the budget compares. */
  isolatedFloorMs: number;
  axeMs: number;
  popupMs: number;
  popupOwnMs: number;
  /** A popup built the same way drawing the same first paint, validating nothing (same run). */
  popupFloorMs: number;
  auditOverPageFloor: number;
  auditOverFloor: number;
  auditOverAxe: number;
}

const show = (value: number, unit = ''): string => {
  if (Number.isNaN(value)) return 'n/a';
  if (value === Number.POSITIVE_INFINITY) return 'none';
  return `${round(value)}${unit}`;
};

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export const ROWS: { key: keyof SizeRow; label: string; unit: string }[] = [
  { key: 'visibleSteps', label: 'cards on screen (Main tab)', unit: '' },
  { key: 'auditMs', label: 'full audit: read + check + draw (ms)', unit: '' },
  { key: 'readMs', label: '  of which read (ms)', unit: '' },
  { key: 'checkMs', label: '  of which check (ms)', unit: '' },
  { key: 'renderMs', label: '  of which draw warnings (ms)', unit: '' },
  { key: 'isolatedFloorMs', label: 'floor: bare geometry + text pass, as a content script (ms)', unit: '' },
  { key: 'floorMs', label: 'the same floor run by the page itself (ms)', unit: '' },
  { key: 'auditOverFloor', label: 'audit / floor', unit: 'x' },
  { key: 'auditOverPageFloor', label: 'audit / floor run by the page', unit: 'x' },
  { key: 'reauditMs', label: 'live re-audit after Activate (ms)', unit: '' },
  { key: 'changeToReportMs', label: 'Activate click to warnings updated (ms)', unit: '' },
  { key: 'axeMs', label: 'axe-core run (ms)', unit: '' },
  { key: 'auditOverAxe', label: 'audit / axe-core', unit: 'x' },
  { key: 'popupMs', label: 'popup: navigation start to report shown (ms)', unit: '' },
  { key: 'popupOwnMs', label: '  of which the extension’s: page parsed to report shown (ms)', unit: '' },
  { key: 'popupFloorMs', label: '  its floor: the same first paint, validating nothing (ms)', unit: '' },
];

export function sizeTable(sizes: SizeRow[]): string {
  const header = ['medians', ...sizes.map((s) => `${s.steps.toLocaleString('en-US')} steps`)];
  const rows = ROWS.map((row) => [row.label, ...sizes.map((s) => show(s[row.key], row.unit))]);
  return table(header, rows);
}

export function budgetTable(results: BudgetResult[]): string {
  const rows = results.map((r) => [
    r.label,
    `${show(r.value, r.unit === 'x' ? 'x' : ` ${r.unit}`)}`,
    `${r.compare} ${r.limit}${r.unit === 'x' ? 'x' : ` ${r.unit}`}`,
    r.pass ? 'PASS' : 'MISS',
  ]);
  return table(['budget', 'figure', 'limit', ''], rows);
}

/** The same tables as Markdown, for docs/performance.md. */
export function sizeMarkdown(sizes: SizeRow[]): string {
  const header = [
    'median of the repetitions',
    ...sizes.map((s) => `${s.steps.toLocaleString('en-US')} steps`),
  ];
  const rows = ROWS.map((row) => [row.label.trim(), ...sizes.map((s) => show(s[row.key], row.unit))]);
  return markdown(header, rows);
}

export function budgetMarkdown(results: BudgetResult[]): string {
  const unit = (r: BudgetResult) => (r.unit === 'x' ? 'x' : ` ${r.unit}`);
  return markdown(
    ['budget', 'figure', 'limit', ''],
    results.map((r) => [
      r.label,
      show(r.value, unit(r)),
      `${r.compare} ${r.limit}${unit(r)}`,
      r.pass ? 'PASS' : 'MISS',
    ]),
  );
}

function markdown(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(line)].join('\n');
}

/** The start-up figures in a line: what is held (the run against its floor) and what the script's size costs first. */
export function startupLine(runMs: number, compileMs: number, floorMs: number): string {
  return `start-up on a Kartra page that is not a sequence: ${show(runMs, ' ms')} on the main thread from the script's start to idle (median), after ${show(compileMs, ' ms')} compiling it; floor (an empty WXT content script with the polyfill, same run): ${show(floorMs, ' ms')}, ${show(runMs / floorMs, 'x')}`;
}

const kb = (bytes: number) => `${round(bytes / 1024)} KB`;

/** The content script's size on a sequence page (what the budget holds), each file, and the loader alone. */
export function contentScriptSizeLine(size: ContentScriptSize): string {
  const files = size.files.map((f) => `${f.file} ${kb(f.gzip)}`).join(' + ');
  return (
    `content script on a sequence page: ${kb(size.raw)} raw, ${kb(size.gzip)} gzip (${files}); ` +
    `the loader alone, on every other Kartra page: ${kb(size.loader.raw)} raw, ${kb(size.loader.gzip)} gzip`
  );
}
