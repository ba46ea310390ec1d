import type { FitCheck, Reading } from '../model';

/**
 * How well a profile fits the page it read, from invariants any real builder satisfies (see
 * FIT_CHECKS in lib/model.ts). The counts are taken while interpreting, so judging a profile
 * costs no second pass.
 */

export interface ReadStats {
  cards: number;
  numbered: number;
  uniqueNumbers: number;
  kindsKnown: number;
  timingsRead: number;
  canvasHasCards: boolean;
  nodes: number;
  nodesOnEdges: number;
  lines: number;
  linesTraced: number;
  linkedNodes: number;
  linkedNodesWithLines: number;
  mainSteps: number;
  startSeen: boolean;
  gotos: number;
  gotosRead: number;
  splitLines: number;
  splitLinesLabelled: number;
}

export function emptyReadStats(): ReadStats {
  return {
    cards: 0,
    numbered: 0,
    uniqueNumbers: 0,
    kindsKnown: 0,
    timingsRead: 0,
    canvasHasCards: false,
    nodes: 0,
    nodesOnEdges: 0,
    lines: 0,
    linesTraced: 0,
    linkedNodes: 0,
    linkedNodesWithLines: 0,
    mainSteps: 0,
    startSeen: false,
    gotos: 0,
    gotosRead: 0,
    splitLines: 0,
    splitLinesLabelled: 0,
  };
}

/** A profile that fits at least this well reads the page; below it, the reader looks for a better one. */
export const GOOD_FIT = 0.9;

/** No check contradicts the reading (a tab with no card yet has nothing to contradict it). */
export function fitsWell(reading: Pick<Reading, 'checks'>): boolean {
  return reading.checks.every((c) => c.total === 0 || c.passed >= c.total * GOOD_FIT);
}

export function profileFit(stats: ReadStats): Pick<Reading, 'fit' | 'checks'> {
  const checks: FitCheck[] = [
    { id: 'cards-numbered', passed: stats.numbered, total: stats.cards },
    { id: 'numbers-unique', passed: stats.uniqueNumbers, total: stats.numbered },
    { id: 'kinds-known', passed: stats.kindsKnown, total: stats.cards },
    { id: 'timings-read', passed: stats.timingsRead, total: stats.cards },
    { id: 'nodes-found', passed: stats.nodes > 0 ? 1 : 0, total: stats.canvasHasCards ? 1 : 0 },
    { id: 'nodes-on-edges', passed: stats.nodesOnEdges, total: stats.nodes },
    { id: 'lines-traced', passed: stats.linesTraced, total: stats.lines },
    { id: 'linked-nodes-have-lines', passed: stats.linkedNodesWithLines, total: stats.linkedNodes },
    // A profile inferred where none of these showed (a sub-sequence tab) can miss them elsewhere.
    { id: 'start-found', passed: stats.startSeen ? 1 : 0, total: stats.mainSteps > 0 ? 1 : 0 },
    { id: 'gotos-read', passed: stats.gotosRead, total: stats.gotos },
    { id: 'branches-labelled', passed: stats.splitLinesLabelled, total: stats.splitLines },
  ];
  const counted = checks.filter((c) => c.total > 0);
  const fit = counted.length === 0 ? 0 : Math.min(...counted.map((c) => c.passed / c.total));
  return { fit: Math.max(0, Math.min(1, fit)), checks };
}
