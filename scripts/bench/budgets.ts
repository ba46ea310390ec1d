/**
 * The performance budgets (docs/performance.md), held by the benchmark's figures (never by timed
 * tests: the machines are shared, so only a benchmark run's own ratios and medians mean anything).
 */

export interface Figures {
  auditMs1000: number;
  auditOverFloor1000: number;
  scale1000over100: number;
  /** The loader alone, what every Kartra page loads (bundle-size.ts); the audit module is printed, not held. */
  contentLoaderGzipBytes: number;
  /** The popup's own part: from its page parsed to its report shown (measure.ts). */
  popupOwnMs1000: number;
  /** The same for a Preact page drawing the same answer's counts and first findings (same run). */
  popupFloorMs: number;
  /** The 1,000-step audit of a page read with a profile inferred from it, over that profile's floor. */
  inferredAuditOverFloor1000: number;
  /** The content script's main-thread time on a Kartra page that is not a sequence, start to idle. */
  startupMs: number;
  /** The same for an empty content script built by the same WXT with the same polyfill (same run). */
  startupFloorMs: number;
  drag: { audits: number; minGapMs: number; maxPer250ms: number } | null;
}

export interface BudgetResult {
  id: string;
  /** What is held, in words, with its limit. */
  label: string;
  value: number;
  limit: number;
  unit: string;
  /** How the figure must compare with the limit. */
  compare: '<=' | '>=';
  /** MISS also when the figure could not be measured (NaN). */
  pass: boolean;
}

const within = (value: number, limit: number) => Number.isFinite(value) && value <= limit;

export function checkBudgets(f: Figures): BudgetResult[] {
  const loaderKb = f.contentLoaderGzipBytes / 1024;
  const results: BudgetResult[] = [
    {
      id: 'audit-over-floor-1000',
      label: '1,000-step audit / floor (both as a content script)',
      value: f.auditOverFloor1000,
      limit: 2,
      unit: 'x',
      compare: '<=',
      pass: within(f.auditOverFloor1000, 2),
    },
    {
      id: 'scale-1000-over-100',
      label: '1,000-step / 100-step audit',
      value: f.scale1000over100,
      limit: 12,
      unit: 'x',
      compare: '<=',
      pass: within(f.scale1000over100, 12),
    },
    {
      id: 'audit-inferred-over-floor-1000',
      label: '1,000-step audit with an inferred profile / its floor',
      value: f.inferredAuditOverFloor1000,
      limit: 3,
      unit: 'x',
      compare: '<=',
      pass: within(f.inferredAuditOverFloor1000, 3),
    },
    {
      // What every Kartra page loads; the audit module, on sequence pages only, is printed apart.
      id: 'loader-gzip',
      label: 'content-script loader (every Kartra page), gzip',
      value: loaderKb,
      limit: 8,
      unit: 'KB',
      compare: '<=',
      pass: within(loaderKb, 8),
    },
    {
      // Against an empty WXT content script with the polyfill, measured in the same run: the
      // machines move absolute start-up times by 2x between runs.
      id: 'startup-over-floor',
      label: 'start-up on a Kartra page that is not a sequence / its floor',
      value: f.startupMs / f.startupFloorMs,
      limit: 1.3,
      unit: 'x',
      compare: '<=',
      pass: within(f.startupMs / f.startupFloorMs, 1.3),
    },
    {
      // Against a popup built the same way that draws the same first paint without validating,
      // measured in the same run.
      id: 'popup-over-floor',
      label: 'popup: page parsed to report shown (1,000 steps) / its floor',
      value: f.popupOwnMs1000 / f.popupFloorMs,
      limit: 1.3,
      unit: 'x',
      compare: '<=',
      pass: within(f.popupOwnMs1000 / f.popupFloorMs, 1.3),
    },
  ];
  // While a card is dragged: no two audits closer than 250 ms (1 ms for timer rounding).
  const minGap = f.drag ? (f.drag.audits < 2 ? Number.POSITIVE_INFINITY : f.drag.minGapMs) : Number.NaN;
  results.push({
    id: 'drag-throttle',
    label: 'audits while dragging: at most one per 250 ms (smallest gap)',
    value: minGap,
    limit: 250,
    unit: 'ms',
    compare: '>=',
    pass: f.drag !== null && f.drag.audits >= 1 && (minGap >= 249 || minGap === Number.POSITIVE_INFINITY),
  });
  return results;
}
