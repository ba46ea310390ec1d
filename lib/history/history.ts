import { whyIncomplete } from '../audit/complete';
import { findingKey } from '../audit/finding-key';
import type { Report } from '../audit/report';
import { type LastStepMap, type StepPrint, stepPrints } from '../export/step-map-since';
import { truncate } from '../export/text';
import type { SequenceModel } from '../model/model';
import type { SeenListRow } from '../visit/visit';

/**
 * What each visit of a sequence found, kept in the browser (history-store.ts) so the popup and the
 * exports can say what changed since an earlier visit ("Since Tue 1 Dec: 2 fixed, 1 new") and the
 * account overview can list every sequence audited here. One outcome per visit (an audit
 * session): the visit's later audits replace its outcome. Beside the outcomes, the sequence's name
 * and status as last seen, on its editor or on the sequence list. The last two complete outcomes
 * also keep what their step map showed, so the next visit's map can say which boxes were
 * renumbered or deleted. Bounded in visits per sequence, in sequences, in boxes per step map, and
 * in bytes. Zod-free: the content script makes outcomes.
 */
export interface Outcome {
  /** The visit it is from (when its session started, ISO). */
  visit: string;
  /** When the visit's latest audit ran (ISO). */
  at: string;
  /** Every tab was read and the page read well: only such outcomes are compared. */
  complete: boolean;
  counts: Report['counts'];
  /** How many findings the user had accepted (out of `counts`); null where an earlier version did not count them. */
  accepted: number | null;
  /** The open findings (`findingKey`); accepted ones are not in it. */
  findings: string[];
  /**
   * What the step map showed, box by box (lib/export/step-map-since.ts): on the last two complete
   * outcomes only, and only when every card's number and kind was read. Absent on outcomes an
   * earlier version stored.
   */
  stepMap?: StepPrint[];
}

export type SequenceStatus = 'active' | 'paused';

/** A sequence's status as a page showed it, and when. */
export interface SeenStatus {
  value: SequenceStatus;
  seenOn: 'editor' | 'list';
  at: string;
}

/** What is kept of one sequence. */
export interface SequenceHistory {
  /** Its name as last seen; null until a page showed one. */
  name: string | null;
  status: SeenStatus | null;
  /** Oldest first; never empty. */
  outcomes: Outcome[];
}

/** Every sequence's history, by sequence id. */
export type History = Record<string, SequenceHistory>;

/** A builder's audit, as reportChanged carries it for the history. */
export interface SequenceOutcome {
  sequenceId: string;
  /** What the editor showed; null when it showed none (what was seen before stays). */
  name: string | null;
  status: SequenceStatus | null;
  outcome: Outcome;
}

export const HISTORY_LIMITS = {
  sequences: 500,
  visits: 50,
  findings: 200,
  /** Kartra caps names at 40 characters; a longer read is cut (with "…"). */
  nameLength: 100,
  /** Boxes in one kept step map; a sequence with more keeps none. */
  boxes: 1000,
  bytes: 4 * 1024 * 1024,
} as const;

const keptName = (name: string) => truncate(name, HISTORY_LIMITS.nameLength);

/** The outcome a builder's report, and the page model it was made from, give its visit; null for any other page. */
export function outcomeOf(
  report: Report,
  sequence: Pick<SequenceModel, 'steps' | 'diagnostics'>,
  visit: string,
): SequenceOutcome | null {
  if (report.page.kind !== 'editor' || !report.sequence) return null;
  const { id, name, status } = report.sequence;
  const map = stepPrints(report, sequence);
  const stepMap = 'prints' in map && map.prints.length <= HISTORY_LIMITS.boxes ? { stepMap: map.prints } : {};
  return {
    sequenceId: id,
    name: name?.trim() ? keptName(name) : null,
    status,
    outcome: {
      visit,
      at: report.generatedAt,
      complete: whyIncomplete(report) === null,
      counts: report.counts,
      accepted: report.accepted?.length ?? 0,
      findings: report.findings.map(findingKey).slice(0, HISTORY_LIMITS.findings),
      ...stepMap,
    },
  };
}

/** What an outcome takes in storage, near enough to hold the byte bound. */
function size(outcome: Outcome): number {
  // Each box is written ["A12","email","1x2y3z4a5b6"] and a comma: its three texts and 11 characters.
  const map = outcome.stepMap?.reduce((sum, print) => sum + print.join('').length + 11, 12) ?? 0;
  return 180 + outcome.findings.reduce((sum, key) => sum + key.length + 3, 0) + map;
}

/**
 * The outcomes with a step map kept on the last two complete ones only: the latest is what the
 * next visit compares with, the one before it what the latest's own visit compares with.
 */
function withStepMapsNeeded(outcomes: readonly Outcome[]): Outcome[] {
  const needed = new Set(outcomes.filter((o) => o.complete).slice(-2));
  return outcomes.map((o) => {
    if (!o.stepMap || needed.has(o)) return o;
    const { stepMap: _dropped, ...rest } = o;
    return rest;
  });
}

/** What a sequence's name, status and id take beside its outcomes. */
const entrySize = (entry: SequenceHistory) => 160 + (entry.name?.length ?? 0);

const latestAt = (entry: SequenceHistory | undefined) => entry?.outcomes.at(-1)?.at ?? '';

/** `history` with the audit `sent`, within every bound (the oldest outcomes go first). */
export function withOutcome(
  history: History,
  { sequenceId, name, status, outcome }: SequenceOutcome,
): History {
  const before = history[sequenceId];
  const outcomes = before?.outcomes ?? [];
  const kept = outcomes.at(-1)?.visit === outcome.visit ? outcomes.slice(0, -1) : outcomes;
  const entry: SequenceHistory = {
    name: name ?? before?.name ?? null,
    status: status === null ? (before?.status ?? null) : { value: status, seenOn: 'editor', at: outcome.at },
    outcomes: withStepMapsNeeded([...kept, outcome].slice(-HISTORY_LIMITS.visits)),
  };
  const next: History = { ...history, [sequenceId]: entry };
  const ids = Object.keys(next)
    .sort((a, b) => latestAt(next[b]).localeCompare(latestAt(next[a])))
    .slice(0, HISTORY_LIMITS.sequences);
  const bounded: History = {};
  for (const id of ids) {
    const source = next[id];
    if (source) bounded[id] = { ...source, outcomes: [...source.outcomes] };
  }
  const sizeOf = (id: string) => {
    const one = bounded[id];
    return one ? entrySize(one) + one.outcomes.reduce((s, o) => s + size(o), 0) : 0;
  };
  let bytes = ids.reduce((sum, id) => sum + sizeOf(id), 0);
  while (bytes > HISTORY_LIMITS.bytes) {
    // The oldest outcome of all that is not a sequence's latest; when every sequence is down to
    // its latest, the sequence audited longest ago.
    let oldest: string | null = null;
    for (const id of ids) {
      const list = bounded[id]?.outcomes ?? [];
      const first = list[0];
      if (!first || list.length < 2) continue;
      if (oldest === null || first.at < (bounded[oldest]?.outcomes[0]?.at ?? '')) oldest = id;
    }
    if (oldest !== null) {
      const dropped = bounded[oldest]?.outcomes.shift();
      bytes -= dropped ? size(dropped) : 0;
      continue;
    }
    const last = ids.pop();
    if (last === undefined || ids.length === 0) break;
    bytes -= sizeOf(last);
    delete bounded[last];
  }
  return bounded;
}

/**
 * `history` with the names and statuses the sequence list showed, for the sequences it keeps,
 * where the list is the later sighting; `history` itself when nothing changed.
 */
export function withListSeen(
  history: History,
  rows: Iterable<Pick<SeenListRow, 'id' | 'name' | 'status' | 'seenAt'>>,
): History {
  let next = history;
  for (const row of rows) {
    const entry = next[row.id];
    if (!entry) continue;
    const name = row.seenAt > latestAt(entry) && row.name.trim() ? keptName(row.name) : entry.name;
    const status: SeenStatus | null =
      row.seenAt > (entry.status?.at ?? '')
        ? { value: row.status, seenOn: 'list', at: row.seenAt }
        : entry.status;
    if (name !== entry.name || status !== entry.status)
      next = { ...next, [row.id]: { ...entry, name, status } };
  }
  return next;
}

export interface Changes {
  /** When the outcome compared with was found (ISO). */
  since: string;
  fixed: string[];
  added: string[];
}

/** The latest complete outcome of a visit other than `current`'s, found before it: what `current` is compared with. */
function earlierComplete(
  outcomes: readonly Outcome[],
  current: Pick<Outcome, 'visit' | 'at'>,
): Outcome | undefined {
  return outcomes.filter((o) => o.visit !== current.visit && o.complete && o.at < current.at).at(-1);
}

/**
 * What changed between the latest complete outcome of an earlier visit and `current`; null when
 * there is nothing to compare (no earlier visit, or either side did not read every tab).
 */
export function changesSince(
  outcomes: readonly Outcome[],
  current: Pick<Outcome, 'visit' | 'at' | 'complete' | 'findings'>,
): Changes | null {
  if (!current.complete) return null;
  const earlier = earlierComplete(outcomes, current);
  if (!earlier) return null;
  const then = new Set(earlier.findings);
  const now = new Set(current.findings);
  return {
    since: earlier.at,
    fixed: earlier.findings.filter((key) => !now.has(key)),
    added: current.findings.filter((key) => !then.has(key)),
  };
}

/**
 * What changed since an earlier visit, as `report` (of the visit `visit`) says now: the history
 * may not hold this visit's outcome yet, so it is compared as the report stands, not as stored.
 */
export function changesOfReport(outcomes: readonly Outcome[], report: Report, visit: string): Changes | null {
  return changesSince(outcomes, {
    visit,
    at: report.generatedAt,
    complete: whyIncomplete(report) === null,
    findings: report.findings.map(findingKey),
  });
}

/**
 * The step map an audit of `current.visit` made at `current.at` is compared with: the last
 * complete audit of another visit, and what its map showed (null when it kept none).
 */
export function lastStepMap(
  outcomes: readonly Outcome[],
  current: Pick<Outcome, 'visit' | 'at'>,
): LastStepMap {
  const earlier = earlierComplete(outcomes, current);
  return earlier ? { at: earlier.at, prints: earlier.stepMap ?? null } : { at: null };
}
