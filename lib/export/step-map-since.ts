import { whyIncomplete } from '../audit/complete';
import type { Report } from '../audit/report';
import { compareRefs } from '../flow/refs';
import type { SequenceModel, Step, StepKind } from '../model/model';
import { collapse } from '../reader/text';
import { formatDateTime } from './report-view';

/**
 * Which boxes were renumbered or deleted since the last audit, for people whose integrations name
 * steps by box number. Each complete audit's step map is kept in the history as prints (box,
 * kind, a fingerprint of the title: lib/history), and the next visit's map is compared with the
 * last one, box by box. Pure; the history chooses which earlier map (`LastStepMap`).
 */

/** One box as a step map showed it: its number, its kind and a fingerprint of its title. */
export type StepPrint = [box: string, kind: StepKind, title: string];

/**
 * The step map a new one is compared with: the last complete audit of another visit (`at`), with
 * what its map showed (null when it kept none); `at` null when there is no such audit.
 */
export type LastStepMap = { at: null } | { at: string; prints: StepPrint[] | null };

/** The title the step map shows: the card's own, else what it acts on (a tag's or list's name). */
export function stepTitle(step: Pick<Step, 'title' | 'target'>): string {
  return step.title?.trim() ? step.title : (step.target ?? step.title ?? '');
}

/**
 * A 53-bit fingerprint of a title (cyrb53), in base 36. The history keeps this, not the text:
 * no email subject is stored, and a box costs the same whatever its title's length. Two
 * different titles of one sequence of 1,000 steps share one by chance about once in 10^10.
 */
function fingerprint(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * The audit's step map as prints, or why it cannot be compared with another: a tab not opened,
 * a card whose number or kind was not read, or one number on two cards would each make a box
 * look deleted, renumbered or new when it is not.
 */
export function stepPrints(
  report: Pick<Report, 'coverage'>,
  sequence: Pick<SequenceModel, 'steps' | 'diagnostics'>,
): { prints: StepPrint[] } | { reason: string } {
  const incomplete = whyIncomplete(report);
  if (incomplete) return { reason: incomplete };
  if (
    sequence.diagnostics.some((d) => d.code === 'step-number-missing' || d.code === 'step-number-malformed')
  )
    return { reason: "not every card's number bubble was read" };
  const prints: StepPrint[] = [];
  const boxes = new Set<string>();
  for (const step of sequence.steps) {
    if (step.kind === 'unknown') return { reason: `the kind of step ${step.ref} was not read` };
    if (boxes.has(step.ref)) return { reason: `more than one card shows the number ${step.ref}` };
    boxes.add(step.ref);
    prints.push([step.ref, step.kind, fingerprint(collapse(stepTitle(step)))]);
  }
  return { prints };
}

/** A box of the last audit whose step is neither in it now nor renumbered to another box. */
export interface MissingBox {
  box: string;
  kind: StepKind;
  /** "deleted", or "can't tell: ..." when steps of the same kind and title make it ambiguous. */
  since: string;
}

export interface StepMapComparison {
  /** Per box now: "same", "new", "renumbered from 4" or "can't tell: ...". */
  byBox: Map<string, string>;
  /** The last audit's boxes found neither in place nor renumbered, in box-number order. */
  missing: MissingBox[];
}

/**
 * Box by box: a box holding the kind and title it held is "same"; a step found under another
 * number is "renumbered from" it; one found nowhere is "new" now, or "deleted" then. When several
 * steps share a kind and title, which moved where cannot be told, and it says so.
 */
export function compareStepMaps(now: readonly StepPrint[], then: readonly StepPrint[]): StepMapComparison {
  const signature = ([, kind, title]: StepPrint) => `${kind} ${title}`;
  const heldNow = new Map(now.map((print) => [print[0], signature(print)]));
  const heldThen = new Map(then.map((print) => [print[0], signature(print)]));
  const boxesWith = (prints: readonly StepPrint[]) => {
    const boxes = new Map<string, string[]>();
    for (const print of prints) {
      const sig = signature(print);
      const list = boxes.get(sig);
      if (list) list.push(print[0]);
      else boxes.set(sig, [print[0]]);
    }
    return boxes;
  };
  const nowWith = boxesWith(now);
  const thenWith = boxesWith(then);
  // Per signature: the boxes that do not hold it as they did, then and now.
  const moved = (sig: string) => ({
    from: (thenWith.get(sig) ?? []).filter((box) => heldNow.get(box) !== sig),
    to: (nowWith.get(sig) ?? []).filter((box) => heldThen.get(box) !== sig),
    shared: Math.max(thenWith.get(sig)?.length ?? 0, nowWith.get(sig)?.length ?? 0),
  });
  const unclear = (shared: number) => `can't tell: ${shared} steps share this kind and title`;

  const byBox = new Map<string, string>();
  for (const print of now) {
    const sig = signature(print);
    if (heldThen.get(print[0]) === sig) {
      byBox.set(print[0], 'same');
      continue;
    }
    const { from, shared } = moved(sig);
    if (from.length === 0) byBox.set(print[0], 'new');
    else if (shared === 1) byBox.set(print[0], `renumbered from ${from[0]}`);
    else byBox.set(print[0], unclear(shared));
  }
  const missing = then.flatMap(([box, kind, title]): MissingBox[] => {
    const sig = signature([box, kind, title]);
    if (heldNow.get(box) === sig) return [];
    const { to, shared } = moved(sig);
    if (to.length === 0) return [{ box, kind, since: 'deleted' }];
    // Renumbered: its row now says from where.
    if (shared === 1) return [];
    return [{ box, kind, since: unclear(shared) }];
  });
  return { byBox, missing: missing.sort((a, b) => compareRefs(a.box, b.box)) };
}

/** The comparison with the last audit, or why there is none (words for the export to show). */
export type SinceLastAudit = ({ at: string } & StepMapComparison) | { at: null; reason: string };

export function sinceLastAudit(
  report: Pick<Report, 'coverage'>,
  sequence: Pick<SequenceModel, 'steps' | 'diagnostics'>,
  last: LastStepMap,
): SinceLastAudit {
  if (last.at === null)
    return {
      at: null,
      reason: 'no earlier audit of this sequence that opened every tab is kept in this browser',
    };
  if (last.prints === null)
    return {
      at: null,
      reason: `the last audit (${formatDateTime(last.at)}) kept no step map: an earlier version made it, or it did not read every card's number and kind`,
    };
  const current = stepPrints(report, sequence);
  if ('reason' in current) return { at: null, reason: `in this audit, ${current.reason}` };
  return { at: last.at, ...compareStepMaps(current.prints, last.prints) };
}
