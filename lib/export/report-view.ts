import { parseFindingKey } from '../audit/finding-key';
import type { Report } from '../audit/report';
import type { FitCheck, Reading } from '../model/model';
import { plural } from './plural';
import { displayText } from './text';

/**
 * What the human-readable exports (Markdown, HTML) show, worked out once so both say the same
 * thing in the same order. Strings here are still raw page text: each builder escapes them.
 */

export type Finding = Report['findings'][number];
export type Severity = Finding['severity'];
export type GroupKey = Severity | 'review';

export interface FindingGroup {
  key: GroupKey;
  heading: string;
  findings: Finding[];
}

export const SEVERITY_LABELS: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Tip' };

// Errors first; things the page did not let us decide come before tips, since an undecided
// check may hide an error.
const GROUP_ORDER: readonly { key: GroupKey; heading: string }[] = [
  { key: 'error', heading: 'Errors' },
  { key: 'warning', heading: 'Warnings' },
  { key: 'review', heading: 'Needs review' },
  { key: 'info', heading: 'Tips' },
];

export function groupKey(finding: Finding): GroupKey {
  return finding.kind === 'review' ? 'review' : finding.severity;
}

/** Non-empty groups in reading order; findings keep the report's order inside a group. */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  return GROUP_ORDER.map(({ key, heading }) => ({
    key,
    heading,
    findings: findings.filter((finding) => groupKey(finding) === key),
  })).filter((group) => group.findings.length > 0);
}

export type Counts = Report['counts'];

/** "2 errors, 1 warning, 3 tips, 1 to review", or "No findings". */
export function summarizeCounts(counts: Counts): string {
  const parts = [
    counts.error > 0 ? plural(counts.error, 'error') : '',
    counts.warning > 0 ? plural(counts.warning, 'warning') : '',
    counts.info > 0 ? plural(counts.info, 'tip') : '',
    counts.review > 0 ? `${counts.review} to review` : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'No findings';
}

/** What changed since an earlier visit, one line per finding: "Fixed: step-inactive fail, step 2". */
export function changeLines(report: Pick<Report, 'changes'>): { heading: string; lines: string[] } | null {
  const changes = report.changes;
  if (!changes) return null;
  const line = (word: string, key: string) => {
    const { ruleId, kind, steps } = parseFindingKey(key);
    return `${word}: ${ruleId}${kind === 'review' ? ' (to review)' : ''}${steps.length > 0 ? `, ${stepsLabel(steps)}` : ''}`;
  };
  return {
    heading: `Changes since ${changes.since.slice(0, 10)}: ${changes.fixed.length} fixed, ${changes.added.length} new`,
    lines: [
      ...changes.fixed.map((key) => line('Fixed', key)),
      ...changes.added.map((key) => line('New', key)),
    ],
  };
}

/** The findings the user accepted, as exports say them: "2 accepted" (empty when none). */
export function acceptedCount(report: Pick<Report, 'accepted'>): string {
  const n = report.accepted?.length ?? 0;
  return n > 0 ? `${n} accepted` : '';
}

/** Why and when a finding was accepted: "Accepted on 2026-12-01: a draft on purpose". */
export function acceptedNote(item: { reason: string; acceptedAt: string }): string {
  const day = item.acceptedAt.slice(0, 10);
  return item.reason ? `Accepted on ${day}: ${item.reason}` : `Accepted on ${day} (no reason given)`;
}

/**
 * The house rules the audit used, one line each: "Path ends without Complete or Unsubscribe: how
 * every path ends, a Complete step (your house rule)". Empty on reports that carry none.
 */
export function houseRuleLines(report: Pick<Report, 'houseRules'>): string[] {
  return (report.houseRules ?? []).map((rule) => houseRuleText(rule, true));
}

/** One house rule in words; `named` starts with the rule's title. */
export function houseRuleText(rule: NonNullable<Report['houseRules']>[number], named = false): string {
  const text = `${rule.label}: ${rule.words} (${rule.isDefault ? 'the default' : 'your house rule'})`;
  return named ? `${rule.rule}. ${text}` : text;
}

/** Where a finding applies, as the user sees it: "Step 3", "Steps 2, 5", "Starting Rules", "Whole sequence". */
export function stepsLabel(steps: readonly string[]): string {
  if (steps.length === 0) return 'Whole sequence';
  const refs = steps.filter((step) => step !== 'start');
  const start = refs.length < steps.length ? 'Starting Rules' : '';
  if (refs.length === 0) return start;
  const numbered = `${refs.length === 1 ? 'step' : 'steps'} ${refs.join(', ')}`;
  return start ? `${start}, ${numbered}` : numbered.charAt(0).toUpperCase() + numbered.slice(1);
}

/** The finding's place: its steps, and on the list page the row's sequence. */
export function whereLabel(finding: Finding): string {
  const steps = stepsLabel(finding.steps);
  if (finding.sequenceId === undefined) return steps;
  return finding.steps.length === 0
    ? `Sequence ${finding.sequenceId}`
    : `Sequence ${finding.sequenceId}, ${steps}`;
}

/** The run order as people read it: "1 → 3 → 2". */
export function runOrderText(runOrder: readonly string[]): string {
  return runOrder.join(' → ');
}

const pad = (value: number) => String(value).padStart(2, '0');

/** "2026-11-27 12:00 UTC"; the raw value when it is not a date. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`;
}

export const PAGE_KIND_LABELS: Record<Report['page']['kind'], string> = {
  editor: 'Sequence builder',
  list: 'Sequence list',
  unrecognised: 'Unrecognised page',
  other: 'Other Kartra page',
};

/** A sequence's status in a word, as the popup and the account overview show it. */
export const STATUS_WORDS: Record<'active' | 'paused', string> = { active: 'Running', paused: 'Paused' };

export const STATUS_LABELS: Record<'active' | 'paused', string> = {
  active: 'Active (running)',
  paused: 'Paused (not sending)',
};

/** Why there is nothing to audit, when the page was not a sequence page the reader knows. */
export function pageProblem(report: Report): string | null {
  if (report.page.kind === 'unrecognised') {
    return 'The sequence builder on this page was not recognised, so nothing could be checked.';
  }
  if (report.page.kind === 'other')
    return 'This Kartra page is not about sequences: there is nothing to audit.';
  return null;
}

/** Kartra caps names at 40 characters; a longer one is cut in the heading (the facts below show more). */
const MAX_SUBJECT = 100;

/** The heading's subject, cleaned and cut when long: the sequence name, or what page this was. */
export function reportSubject(report: Report): string {
  if (report.page.kind === 'list') return 'Sequence list';
  const name = report.sequence?.name?.trim();
  const subject =
    report.page.kind === 'editor'
      ? name || `Sequence ${report.sequence?.id ?? ''}`.trim()
      : name || PAGE_KIND_LABELS[report.page.kind];
  return displayText(subject, MAX_SUBJECT);
}

/** How the builder was read (profile and fit) and what did not fit, one line each; [] off the builder. */
export function readingLines(report: Report): string[] {
  const reading = report.coverage.reading;
  if (!reading) return [];
  return [readingSentence(reading), ...fitShortfallSentences(reading).map((s) => `Not read: ${s}.`)];
}

/** The checks that did not pass in full. */
export function fitShortfalls(reading: Pick<Reading, 'checks'>): FitCheck[] {
  return reading.checks.filter((c) => c.total > 0 && c.passed < c.total);
}

const CHECK_WORDS: Record<FitCheck['id'], (c: FitCheck) => string> = {
  'cards-numbered': (c) => `${c.passed} of ${c.total} cards show a number bubble`,
  'numbers-unique': (c) => `${c.passed} of ${c.total} numbers are shown once`,
  'kinds-known': (c) => `${c.passed} of ${c.total} cards show a step kind the auditor knows`,
  'timings-read': (c) => `${c.passed} of ${c.total} cards show a timing line it can read`,
  'nodes-found': () => 'no connection node was found on the canvas',
  'nodes-on-edges': (c) => `${c.passed} of ${c.total} connection nodes sit on a card's edge`,
  'lines-traced': (c) => `${c.passed} of ${c.total} lines end on two nodes`,
  'linked-nodes-have-lines': (c) => `${c.passed} of ${c.total} linked nodes have a line ending on them`,
  'start-found': () => 'the Starting Rules module was not found beside the main-flow steps',
  'gotos-read': (c) => `${c.passed} of ${c.total} Go To cards name the step they jump to`,
  'branches-labelled': (c) => `${c.passed} of ${c.total} lines from a split start at its Yes or No output`,
};

const SOURCE_WORDS: Record<Reading['profile'], string> = {
  'built-in': 'the built-in profile',
  override: 'your profile override',
  inferred: 'a profile inferred from this page',
};

/** "Read with the built-in profile (fit 100%)." */
export function readingSentence(reading: Reading): string {
  return `Read with ${SOURCE_WORDS[reading.profile]} (fit ${Math.floor(reading.fit * 100)}%).`;
}

/** What did not fit, in plain words; [] when everything did. */
export function fitShortfallSentences(reading: Pick<Reading, 'checks'>): string[] {
  return fitShortfalls(reading).map((c) => CHECK_WORDS[c.id](c) + oddCardsClause(c.oddCards ?? []));
}

/** " (only step 4, ...)" for the cards that failed on their own and do not lower the fit. */
function oddCardsClause(odd: readonly string[]): string {
  if (odd.length === 0) return '';
  return ` (${odd.join(', ')}: ${odd.length === 1 ? 'that card alone, its' : 'those cards alone, their'} findings need review; the fit does not count ${odd.length === 1 ? 'it' : 'them'})`;
}
