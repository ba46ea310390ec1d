import type { Finding, ReviewCause } from '../audit/report';
import { plural } from '../export/plural';
import { listNames } from '../model/describe-step';
import type { Diagnostic } from '../model/model';

/**
 * Reviews that rest on words the reader does not know, gathered by cause. A sequence drawn in a
 * wording this version does not read ("Delay of 2 days") would otherwise get one review per step
 * per rule: dozens of true but useless lines where one sentence names the words and the steps.
 */

/** The facts whose unread words group reviews, as a sentence names them. */
const FACTS: Partial<Record<Diagnostic['code'], string>> = {
  'timing-unread': 'timing',
  'window-unread': 'day-and-time window',
  'recipients-unread': 'recipients line',
  'goto-unread': 'Go To line',
  'split-label-unknown': 'split output label',
  'action-unread': 'action line',
  'version-unread': 'version share',
  'title-missing': 'title',
};

/** Steps named in a sentence before the rest are counted. */
const STEPS_NAMED = 8;
/** Different wordings quoted in a sentence. */
const EXAMPLES_QUOTED = 3;

const unquote = (text: string) =>
  text.length >= 2 && text.startsWith('"') && text.endsWith('"') ? text.slice(1, -1) : text;

/** Each step's unread facts by `${code} ${ref}`, from the reader's diagnostics. */
export function unreadCauses(diagnostics: readonly Diagnostic[]): Map<string, ReviewCause> {
  const causes = new Map<string, ReviewCause>();
  for (const d of diagnostics) {
    if (d.step === undefined || !(d.code in FACTS)) continue;
    causes.set(`${d.code} ${d.step}`, {
      code: d.code,
      shown: d.found === undefined ? null : unquote(d.found),
    });
  }
  return causes;
}

/**
 * One wording whatever its numbers: "Delay of 1 day" and "Delay of 5 days" are read (or not)
 * alike, so a word's plural s counts for nothing either.
 */
export function causeKey(cause: ReviewCause): string {
  const shape =
    cause.shown === null
      ? ''
      : cause.shown
          .trim()
          .toLowerCase()
          .replace(/\s+/g, ' ')
          .replace(/\d+/g, '#')
          .replace(/(\p{L})s\b/gu, '$1');
  return `${cause.code} ${shape}`;
}

const stepList = (refs: readonly string[]) =>
  refs.length <= STEPS_NAMED
    ? listNames(refs)
    : `${refs.slice(0, STEPS_NAMED).join(', ')} and ${refs.length - STEPS_NAMED} more`;

function examplesOf(causes: readonly ReviewCause[]): string[] {
  const shown: string[] = [];
  for (const cause of causes)
    if (cause.shown !== null && !shown.includes(cause.shown) && shown.length < EXAMPLES_QUOTED)
      shown.push(cause.shown);
  return shown;
}

/** "a timing this version does not read ("Delay of 2 days", "Delay of 1 day")", or "no title". */
function factPhrase(code: string, examples: readonly string[]): string {
  const fact = FACTS[code as Diagnostic['code']] ?? 'a fact';
  if (examples.length === 0) return `no ${fact}`;
  return `a ${fact} this version does not read (${examples.map((e) => `"${e}"`).join(', ')})`;
}

/**
 * The reviews of one rule with one cause on several steps, as one review naming the steps and the
 * words; every other finding as it was, in its place.
 */
export function mergeReviewsByCause(findings: Finding[], titles: ReadonlyMap<string, string>): Finding[] {
  const groups = new Map<string, Finding[]>();
  const keyOf = (f: Finding) =>
    f.kind === 'review' && f.cause !== undefined ? `${f.ruleId} ${f.severity} ${causeKey(f.cause)}` : null;
  for (const f of findings) {
    const key = keyOf(f);
    if (key === null) continue;
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  }
  if ([...groups.values()].every((group) => group.length === 1)) return findings;
  const merged: Finding[] = [];
  const done = new Set<string>();
  for (const f of findings) {
    const key = keyOf(f);
    const group = key === null ? undefined : groups.get(key);
    if (key === null || group === undefined || group.length === 1) {
      merged.push(f);
      continue;
    }
    if (done.has(key)) continue;
    done.add(key);
    const steps = [...new Set(group.flatMap((member) => member.steps))];
    const causes = group.flatMap((member) => (member.cause ? [member.cause] : []));
    const phrase = factPhrase(f.cause?.code ?? '', examplesOf(causes));
    merged.push({
      ...f,
      message: `${titles.get(f.ruleId) ?? f.ruleId}: not checked on ${plural(steps.length, 'step')} (${stepList(steps)}), which show ${phrase}.`,
      steps,
    });
  }
  return merged;
}

/** Reviews that share a cause, whatever their rule: what the popup shows as one item. */
export interface CauseGroup {
  cause: ReviewCause;
  /** Every step concerned, in the report's order. */
  steps: string[];
  /** The different wordings shown, the first few. */
  examples: string[];
  findings: Finding[];
}

/** The reviews grouped by cause, in the report's order, and the reviews with no cause. */
export function groupReviewsByCause(findings: readonly Finding[]): { groups: CauseGroup[]; rest: Finding[] } {
  const byKey = new Map<string, CauseGroup>();
  const rest: Finding[] = [];
  for (const f of findings) {
    if (f.kind !== 'review') continue;
    if (f.cause === undefined) {
      rest.push(f);
      continue;
    }
    const key = causeKey(f.cause);
    const group = byKey.get(key) ?? { cause: f.cause, steps: [], examples: [], findings: [] };
    byKey.set(key, group);
    group.findings.push(f);
    for (const ref of f.steps) if (!group.steps.includes(ref)) group.steps.push(ref);
  }
  const groups = [...byKey.values()].map((group) => ({
    ...group,
    examples: examplesOf(group.findings.flatMap((f) => (f.cause ? [f.cause] : []))),
  }));
  return { groups, rest };
}

/** "14 steps show a timing this version does not read ("Delay of 2 days")". */
export function causeSentence(group: Pick<CauseGroup, 'cause' | 'steps' | 'examples'>): string {
  const count = group.steps.length;
  return `${plural(count, 'step')} ${count === 1 ? 'shows' : 'show'} ${factPhrase(group.cause.code, group.examples)}`;
}
