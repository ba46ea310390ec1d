import { findingKey } from '../audit/finding-key';
import type { Finding, FindingKind } from '../audit/report';

/**
 * Findings the user accepted, with a reason ("0% version B is a draft on purpose"): kept per
 * sequence in the extension's local storage (accepted-store.ts), taken out of the counts and the
 * badge, listed apart. An acceptance holds only the finding it was given for: the same rule, the
 * same decision (fail or review) and the same steps. When the finding changes, it shows again
 * as new, so an accepted problem never hides another. Zod-free: the content script applies them.
 */
export interface Acceptance {
  ruleId: string;
  kind: FindingKind;
  /** The steps the finding was about, sorted. */
  steps: string[];
  /** Why, in the user's words; may be empty. */
  reason: string;
  /** When it was accepted (ISO). */
  acceptedAt: string;
}

/** Every sequence's acceptances, by sequence id. */
export type AcceptedBySequence = Record<string, Acceptance[]>;

/** A finding taken out of the counts, with why and when. */
export type AcceptedFinding = Finding & Pick<Acceptance, 'reason' | 'acceptedAt'>;

/** What is kept at most: the sequences accepted in most recently, and per sequence. */
export const ACCEPTED_LIMITS = { sequences: 500, perSequence: 30, reasonLength: 200 } as const;

/** The findings still open, and those the user accepted (in the findings' order). */
export function splitAccepted(
  findings: readonly Finding[],
  acceptances: readonly Acceptance[],
): { open: Finding[]; accepted: AcceptedFinding[] } {
  if (acceptances.length === 0) return { open: [...findings], accepted: [] };
  const byKey = new Map(acceptances.map((a) => [findingKey(a), a]));
  const open: Finding[] = [];
  const accepted: AcceptedFinding[] = [];
  for (const finding of findings) {
    const acceptance = byKey.get(findingKey(finding));
    if (acceptance)
      accepted.push({ ...finding, reason: acceptance.reason, acceptedAt: acceptance.acceptedAt });
    else open.push(finding);
  }
  return { open, accepted };
}

/**
 * `store` with `finding` of `sequenceId` accepted. Bounded: a sequence keeps its latest
 * acceptances, and the sequences accepted in longest ago go first.
 */
export function withAccepted(
  store: AcceptedBySequence,
  sequenceId: string,
  finding: Pick<Finding, 'ruleId' | 'kind' | 'steps'>,
  reason: string,
  now: Date,
): AcceptedBySequence {
  const acceptance: Acceptance = {
    ruleId: finding.ruleId,
    kind: finding.kind,
    steps: [...finding.steps].sort(),
    reason: reason.trim().slice(0, ACCEPTED_LIMITS.reasonLength),
    acceptedAt: now.toISOString(),
  };
  const key = findingKey(finding);
  const kept = (store[sequenceId] ?? []).filter((a) => findingKey(a) !== key);
  const next = { ...store, [sequenceId]: [...kept, acceptance].slice(-ACCEPTED_LIMITS.perSequence) };
  // Each list is in the order things were accepted: its last is its latest.
  const latest = (list: readonly Acceptance[]) => list.at(-1)?.acceptedAt ?? '';
  const ids = Object.keys(next).sort((a, b) => latest(next[b] ?? []).localeCompare(latest(next[a] ?? [])));
  return Object.fromEntries(ids.slice(0, ACCEPTED_LIMITS.sequences).map((id) => [id, next[id] ?? []]));
}

/** `store` without the acceptance of `finding` of `sequenceId` (restored to the counts). */
export function withoutAccepted(
  store: AcceptedBySequence,
  sequenceId: string,
  finding: Pick<Finding, 'ruleId' | 'kind' | 'steps'>,
): AcceptedBySequence {
  const key = findingKey(finding);
  const kept = (store[sequenceId] ?? []).filter((a) => findingKey(a) !== key);
  const { [sequenceId]: _dropped, ...others } = store;
  return kept.length > 0 ? { ...others, [sequenceId]: kept } : others;
}
