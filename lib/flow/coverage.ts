import type { DiagnosticCode, SequenceModel } from '../model/model';

/**
 * How much of the flow the reader read: what rules about where contacts go must know before
 * they decide (an unread tab, line or jump may lead anywhere), apart from the flow's shape.
 */
export interface FlowCoverage {
  /** Tabs the tab bar lists but whose canvas was not read. */
  readonly tabsNotSeen: readonly string[];
  /** Every tab was read and the Starting Rules module was seen. */
  readonly complete: boolean;
  /** Lines the reader could not trace to both ends (from its diagnostics). */
  readonly untracedLines: number;
  /** Active Go To steps whose target was not read: each may jump anywhere. */
  readonly unreadJumps: readonly string[];
  /**
   * The canvas showed cards but its lines could not be read (no node or line found, lines painted
   * where no element holds them, nodes shown as linked with no line ending on any): its lines are
   * unknown.
   */
  readonly connectionsUnread: boolean;
  /** Why the lines could not be read, as the reader found it; null when they were read. */
  readonly connectionsUnreadReason: string | null;
  /**
   * Cards the reader saw but could not read as steps (in markup other than the rest), by their
   * number, or null for one that shows none: what leads to them and from them is unknown.
   */
  readonly cardsNotRead: readonly (string | null)[];
  /** Some lines may be missing from the flow: untraced lines, cards not read, or no line read at all. */
  readonly linesUncertain: boolean;
  /** Every tab, line, card and jump was read: the flow's shape is the whole truth. */
  readonly wholeFlowRead: boolean;
}

/** Diagnostics that leave one line out of the flow. */
const UNTRACED_LINE_CODES: ReadonlySet<DiagnosticCode> = new Set([
  'line-untraced',
  'line-end-unnumbered',
  'linked-node-without-line',
]);
/** Diagnostics that leave every line out of the flow. */
const CONNECTIONS_UNREAD_CODES: ReadonlySet<DiagnosticCode> = new Set([
  'connections-not-found',
  'lines-unreadable',
  'layout-missing',
]);

/** `unreadJumps`: the active Go To steps whose target was not read. */
export function flowCoverage(
  sequence: SequenceModel,
  startSeen: boolean,
  unreadJumps: readonly string[],
): FlowCoverage {
  const seenTabs = new Set(sequence.tabs.seen);
  const tabsNotSeen = sequence.tabs.all.filter((tab) => !seenTabs.has(tab));
  const complete = tabsNotSeen.length === 0 && startSeen;
  let untracedLines = 0;
  let connectionsUnread = false;
  let connectionsUnreadReason: string | null = null;
  const cardsNotRead: (string | null)[] = [];
  for (const d of sequence.diagnostics) {
    if (UNTRACED_LINE_CODES.has(d.code)) untracedLines++;
    else if (CONNECTIONS_UNREAD_CODES.has(d.code)) {
      connectionsUnread = true;
      connectionsUnreadReason ??= d.found ?? null;
    } else if (d.code === 'card-left-out') cardsNotRead.push(d.step ?? null);
  }
  const linesUncertain = untracedLines > 0 || connectionsUnread || cardsNotRead.length > 0;
  return {
    tabsNotSeen,
    complete,
    untracedLines,
    unreadJumps,
    connectionsUnread,
    connectionsUnreadReason,
    cardsNotRead,
    linesUncertain,
    wholeFlowRead: complete && !linesUncertain && unreadJumps.length === 0,
  };
}
