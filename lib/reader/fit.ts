import type { FitCheck, Reading } from '../model/model';

/**
 * How well a profile fits the page it read, from invariants any real builder satisfies (see
 * FIT_CHECKS in lib/model/model.ts). The counts are taken while interpreting, so judging a profile
 * costs no second pass.
 */

/** The fit checks each card passes or fails by itself. */
export type CardCheckId = Extract<
  FitCheck['id'],
  'cards-numbered' | 'kinds-known' | 'timings-read' | 'gotos-read'
>;

/** A card that failed a card check. */
export interface CardMiss {
  /** Where on the page: "step 4", or "card 2" for a card without a number. */
  where: string;
  /**
   * The card shows the fact's line but it says nothing to read (a Go To naming no step): no
   * profile could read more there, so it is the card's own whatever the other cards show.
   */
  blank: boolean;
  /** The line the card shows where the fact's words were not read ("Delay of 2 days"), if any. */
  shown?: string;
}

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
  /** The cards that failed each card check. */
  misses: Record<CardCheckId, CardMiss[]>;
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
    misses: { 'cards-numbered': [], 'kinds-known': [], 'timings-read': [], 'gotos-read': [] },
  };
}

/** A profile that fits at least this well reads the page; below it, the reader looks for a better one. */
export const GOOD_FIT = 0.9;

/** No check contradicts the reading (a tab with no card yet has nothing to contradict it). */
export function fitsWell(reading: Pick<Reading, 'checks'>): boolean {
  return reading.checks.every((c) => {
    const counted = countedTotal(c);
    return counted === 0 || c.passed >= counted * GOOD_FIT;
  });
}

/** What a check holds against the profile: its total, less the cards that failed on their own. */
function countedTotal(check: FitCheck): number {
  return check.total - (check.oddCards?.length ?? 0);
}

export function profileFit(stats: ReadStats): Pick<Reading, 'fit' | 'checks'> {
  const card = (id: CardCheckId, passed: number, total: number): FitCheck => {
    const odd = oddCards(stats.misses[id], passed, total);
    return odd.length > 0 ? { id, passed, total, oddCards: odd } : { id, passed, total };
  };
  const checks: FitCheck[] = [
    card('cards-numbered', stats.numbered, stats.cards),
    { id: 'numbers-unique', passed: stats.uniqueNumbers, total: stats.numbered },
    card('kinds-known', stats.kindsKnown, stats.cards),
    card('timings-read', stats.timingsRead, stats.cards),
    { id: 'nodes-found', passed: stats.nodes > 0 ? 1 : 0, total: stats.canvasHasCards ? 1 : 0 },
    { id: 'nodes-on-edges', passed: stats.nodesOnEdges, total: stats.nodes },
    { id: 'lines-traced', passed: stats.linesTraced, total: stats.lines },
    { id: 'linked-nodes-have-lines', passed: stats.linkedNodesWithLines, total: stats.linkedNodes },
    // A profile inferred where none of these showed (a sub-sequence tab) can miss them elsewhere.
    { id: 'start-found', passed: stats.startSeen ? 1 : 0, total: stats.mainSteps > 0 ? 1 : 0 },
    card('gotos-read', stats.gotosRead, stats.gotos),
    { id: 'branches-labelled', passed: stats.splitLinesLabelled, total: stats.splitLines },
  ];
  const counted = checks.filter((c) => countedTotal(c) > 0);
  const fit = counted.length === 0 ? 0 : Math.min(...counted.map((c) => c.passed / countedTotal(c)));
  return { fit: Math.max(0, Math.min(1, fit)), checks };
}

/**
 * The misses that are the cards' own rather than the profile's. A profile that misreads a
 * field misreads it on many cards; one card that shows it oddly (a wording of its own) is that
 * card's, as long as other cards read. So are the few misses a good fit forgives anyway. A
 * blank line is the card's own on any page, even where no other card shows that field.
 */
function oddCards(misses: readonly CardMiss[], passed: number, total: number): string[] {
  const forgiven = (passed > 0 && (misses.length === 1 || passed >= total * GOOD_FIT)) || oneWording(misses);
  return misses.filter((miss) => forgiven || miss.blank).map((miss) => miss.where);
}

/** Waits and "right after" may each have a word of their own: two wordings at most. */
const WORDINGS = 2;

/**
 * Every miss shows a line where the profile looks, and the lines open with the same word or two:
 * the builder words the fact in a way the profile does not know ("Delay of 2 days"), and the
 * profile's markup is right. Another profile would find no better line, only another field's
 * (a title that happens to read as a timing); the words are the user's to teach. A selector
 * that finds the wrong line (titles, windows) shows lines that open every which way.
 */
function oneWording(misses: readonly CardMiss[]): boolean {
  if (misses.length === 0 || misses.some((miss) => miss.shown === undefined)) return false;
  const firstWords = new Set(misses.map((miss) => miss.shown?.trim().split(/\s+/)[0]?.toLowerCase() ?? ''));
  return firstWords.size <= WORDINGS && !firstWords.has('');
}
