import { findingKey } from '../audit/finding-key';
import type { Report } from '../audit/report';

/**
 * What each visit of a sequence found, kept in the browser (history-store.ts) so the popup and the
 * exports can say what changed since an earlier visit: "Since Tue 1 Dec: 2 fixed, 1 new". One
 * outcome per visit (an audit session): the visit's later audits replace its outcome. Bounded in
 * visits per sequence, in sequences, and in bytes. Zod-free: the content script makes outcomes.
 */
export interface Outcome {
  /** The visit it is from (when its session started, ISO). */
  visit: string;
  /** When the visit's latest audit ran (ISO). */
  at: string;
  /** Every tab was read and the page read well: only such outcomes are compared. */
  complete: boolean;
  counts: Report['counts'];
  /** The open findings (`findingKey`); accepted ones are not in it. */
  findings: string[];
}

/** Every sequence's outcomes, by sequence id, oldest first. */
export type History = Record<string, Outcome[]>;

export const HISTORY_LIMITS = { sequences: 500, visits: 50, findings: 200, bytes: 4 * 1024 * 1024 } as const;

/** The outcome a builder's report gives its visit; null for any other page. */
export function outcomeOf(report: Report, visit: string): { sequenceId: string; outcome: Outcome } | null {
  if (report.page.kind !== 'editor' || !report.sequence) return null;
  const fit = report.coverage.reading?.fit ?? 1;
  return {
    sequenceId: report.sequence.id,
    outcome: {
      visit,
      at: report.generatedAt,
      complete: report.coverage.tabsNotSeen.length === 0 && fit >= 0.9,
      counts: report.counts,
      findings: report.findings.map(findingKey).slice(0, HISTORY_LIMITS.findings),
    },
  };
}

/** What an outcome takes in storage, near enough to hold the byte bound. */
function size(outcome: Outcome): number {
  return 160 + outcome.findings.reduce((sum, key) => sum + key.length + 3, 0);
}

/** `history` with `outcome` of `sequenceId`, within every bound (the oldest outcomes go first). */
export function withOutcome(history: History, sequenceId: string, outcome: Outcome): History {
  const before = history[sequenceId] ?? [];
  const kept = before.at(-1)?.visit === outcome.visit ? before.slice(0, -1) : before;
  const next: History = { ...history, [sequenceId]: [...kept, outcome].slice(-HISTORY_LIMITS.visits) };
  const ids = Object.keys(next)
    .sort((a, b) => (next[b]?.at(-1)?.at ?? '').localeCompare(next[a]?.at(-1)?.at ?? ''))
    .slice(0, HISTORY_LIMITS.sequences);
  const bounded: History = Object.fromEntries(ids.map((id) => [id, [...(next[id] ?? [])]]));
  let bytes = ids.reduce((sum, id) => sum + (bounded[id] ?? []).reduce((s, o) => s + size(o), 0), 0);
  while (bytes > HISTORY_LIMITS.bytes) {
    // The oldest outcome of all that is not a sequence's latest; when every sequence is down to
    // its latest, the sequence audited longest ago.
    let oldest: string | null = null;
    for (const id of ids) {
      const first = bounded[id]?.[0];
      if (!first || (bounded[id]?.length ?? 0) < 2) continue;
      if (oldest === null || first.at < (bounded[oldest]?.[0]?.at ?? '')) oldest = id;
    }
    if (oldest !== null) {
      const dropped = bounded[oldest]?.shift();
      bytes -= dropped ? size(dropped) : 0;
      continue;
    }
    const last = ids.pop();
    if (last === undefined || ids.length === 0) break;
    bytes -= (bounded[last] ?? []).reduce((sum, o) => sum + size(o), 0);
    delete bounded[last];
  }
  return bounded;
}

export interface Changes {
  /** When the outcome compared with was found (ISO). */
  since: string;
  fixed: string[];
  added: string[];
}

/**
 * What changed between the latest complete outcome of an earlier visit and `current`; null when
 * there is nothing to compare (no earlier visit, or either side did not read every tab).
 */
export function changesSince(outcomes: readonly Outcome[], current: Outcome): Changes | null {
  if (!current.complete) return null;
  const earlier = outcomes.filter((o) => o.visit !== current.visit && o.complete && o.at < current.at).at(-1);
  if (!earlier) return null;
  const then = new Set(earlier.findings);
  const now = new Set(current.findings);
  return {
    since: earlier.at,
    fixed: earlier.findings.filter((key) => !now.has(key)),
    added: current.findings.filter((key) => !then.has(key)),
  };
}
