import * as z from 'zod/mini';
import { STARTING_RULE_TYPES, STEP_KINDS } from './kinds';

/**
 * The sequence as the reader understood it from the page. Everything a check needs comes from
 * here; a field the page did not show is null (and a diagnostic says why), never a guess.
 */

export { STARTING_RULE_TYPES, STEP_KINDS };
export const stepKindSchema = z.enum(STEP_KINDS);
export type StepKind = z.infer<typeof stepKindSchema>;

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const weekdaySchema = z.enum(WEEKDAYS);
export type Weekday = z.infer<typeof weekdaySchema>;

/** "HH:MM", 24-hour clock, account time zone. */
const clockTime = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM (24-hour clock)'));
/**
 * A window's end: "HH:MM", or "24:00" for an end of 12:00 AM, which the builder means as
 * midnight at the END of the day (so 9:00 AM – 12:00 AM is open until midnight).
 */
const windowEnd = z
  .string()
  .check(z.regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'expected HH:MM (24-hour clock) or 24:00'));
/** "YYYY-MM-DDTHH:MM", a wall-clock time in the account's time zone. */
const localDateTime = z
  .string()
  .check(z.regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/, 'expected YYYY-MM-DDTHH:MM'));

export const delaySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('immediate') }),
  z.object({
    type: z.literal('wait'),
    days: z.int().check(z.minimum(0)),
    hours: z.int().check(z.minimum(0)),
  }),
  z.object({ type: z.literal('date'), at: localDateTime }),
]);
export type Delay = z.infer<typeof delaySchema>;

export const windowSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('any') }),
  z.object({ type: z.literal('hours'), days: z.array(weekdaySchema), from: clockTime, to: windowEnd }),
]);
export type StepWindow = z.infer<typeof windowSchema>;

export const versionSchema = z.object({ name: z.string(), percent: z.number().check(z.minimum(0)) });
export type Version = z.infer<typeof versionSchema>;

export const startingRuleSchema = z.object({
  type: z.enum([...STARTING_RULE_TYPES, 'unknown']),
  label: z.string(),
});
export type StartingRule = z.infer<typeof startingRuleSchema>;

export const stepSchema = z.object({
  /** The number bubble: "3", "A1". */
  ref: z.string().check(z.minLength(1)),
  /** The tab the step was read on: "Main", "A", "B"... */
  tab: z.string(),
  kind: z.union([stepKindSchema, z.literal('unknown')]),
  active: z.boolean(),
  /** email/sms: subject or text ("" = shown empty); split: condition; others: label. */
  title: z.nullable(z.string()),
  delay: z.nullable(delaySchema),
  window: z.nullable(windowSchema),
  /** email/sms only; null when not shown. */
  recipients: z.nullable(z.enum(['anyone', 'filtered'])),
  recipientsText: z.nullable(z.string()),
  versions: z.array(versionSchema),
  /** goto only: the ref it names. */
  goto: z.nullable(z.string()),
  action: z.nullable(z.enum(['add', 'remove', 'subscribe', 'unsubscribe'])),
  target: z.nullable(z.string()),
});
export type Step = z.infer<typeof stepSchema>;

export const connectionSchema = z.object({
  from: z.string(),
  to: z.string(),
  branch: z.optional(z.enum(['yes', 'no'])),
});
export type Connection = z.infer<typeof connectionSchema>;

/**
 * What the reader could not read, as a closed list: other code decides on the code, never on
 * the sentence (which is for people).
 */
export const DIAGNOSTIC_CODES = [
  // the page as a whole
  'builder-not-found',
  'canvas-not-found',
  'cards-not-found',
  'page-unreadable',
  'profile-not-inferred',
  'sequence-id-missing',
  // toolbar and tabs
  'tabs-not-found',
  'tab-selection-unclear',
  'name-not-found',
  'public-name-unread',
  'status-unread',
  'subscribers-unread',
  // Starting Rules
  'rule-type-unknown',
  // cards
  'card-left-out',
  'step-number-missing',
  'step-number-malformed',
  'step-number-duplicate',
  'kind-unknown',
  'inactive-label-unknown',
  'inactive-look-unread',
  'timing-unread',
  'window-unread',
  'title-missing',
  'recipients-unread',
  'version-unread',
  'goto-unread',
  'goto-target-not-shown',
  'action-unread',
  // nodes and lines
  'connections-not-found',
  'lines-unreadable',
  'layout-missing',
  'node-off-card',
  'node-ambiguous',
  'line-untraced',
  'line-end-unnumbered',
  'linked-node-without-line',
  'split-output-unlabelled',
  'split-label-unknown',
  // the sequence list
  'list-not-found',
  'list-row-unlinked',
  'list-name-missing',
  'list-status-unread',
  'list-subscribers-unread',
  'list-completed-unread',
] as const;
export const diagnosticCodeSchema = z.enum(DIAGNOSTIC_CODES);
export type DiagnosticCode = z.infer<typeof diagnosticCodeSchema>;

export const diagnosticSchema = z.object({
  code: diagnosticCodeSchema,
  /** Where on the page: "step 3", "toolbar", "line 4", "tab A". */
  where: z.string(),
  /** What the reader expected to find there. */
  expected: z.string(),
  /** What it found instead, when anything. */
  found: z.optional(z.string()),
  /** Which step it concerns, when one. */
  step: z.optional(z.string()),
});
export type Diagnostic = z.infer<typeof diagnosticSchema>;

export const sequenceStatusSchema = z.enum(['active', 'paused']);

/**
 * Invariants any real builder satisfies, counted on what a profile read: a profile that fits
 * the page passes nearly all of them. The fit is the weakest ratio (a chain is as strong as its
 * weakest link): ten cards read perfectly do not make up for lines not read at all.
 */
export const FIT_CHECKS = [
  /** Every card shows a number bubble that looks like one ("3", "A1"). */
  'cards-numbered',
  /** No two cards show the same number. */
  'numbers-unique',
  /** Cards show a step kind the profile knows. */
  'kinds-known',
  /** Cards show a timing line the profile can read. */
  'timings-read',
  /** A canvas with cards shows connection nodes at all. */
  'nodes-found',
  /** Each connection node sits on the edge of a card or of the Starting Rules module. */
  'nodes-on-edges',
  /** Each line ends on two connection nodes. */
  'lines-traced',
  /** Each node shown as linked has a line ending on it. */
  'linked-nodes-have-lines',
  /** A canvas with main-flow steps shows the Starting Rules module (it lives on the main tab). */
  'start-found',
  /** Each Go To card names the step it jumps to. */
  'gotos-read',
  /** Each line leaving a split starts at its Yes or its No output. */
  'branches-labelled',
] as const;
export const fitCheckSchema = z.object({
  id: z.enum(FIT_CHECKS),
  passed: z.int().check(z.minimum(0)),
  total: z.int().check(z.minimum(0)),
  /**
   * Cards that failed this check on their own ("step 4", "card 2"): a lone misread among cards
   * that read, or a Go To whose line names no step. The card's facts not read are reviews; the
   * profile's fit does not count them, so one odd card does not make the page read badly.
   */
  oddCards: z.optional(z.array(z.string())),
});
export type FitCheck = z.infer<typeof fitCheckSchema>;

export const readingSchema = z.object({
  /** Which profile read the page: Kartra's built-in one, the user's override, or one inferred from the page. */
  profile: z.enum(['built-in', 'override', 'inferred']),
  /**
   * 0 to 1: the weakest of the checks' pass ratios, odd cards left out (checks with nothing to
   * count are left out).
   */
  fit: z.number().check(z.minimum(0), z.maximum(1)),
  checks: z.array(fitCheckSchema),
});
export type Reading = z.infer<typeof readingSchema>;
export type ProfileSource = Reading['profile'];

export const sequenceModelSchema = z.object({
  id: z.string(),
  name: z.nullable(z.string()),
  /** "" = the builder says it is not set; null = not shown. */
  publicName: z.nullable(z.string()),
  status: z.nullable(sequenceStatusSchema),
  subscribers: z.nullable(z.int().check(z.minimum(0))),
  /** null when the Starting Rules module was not seen (it lives on the Main tab). */
  startingRules: z.nullable(z.array(startingRuleSchema)),
  steps: z.array(stepSchema),
  connections: z.array(connectionSchema),
  tabs: z.object({
    /** Every tab the tab bar lists, in order. */
    all: z.array(z.string()),
    /** Tabs whose canvas was read during this visit. */
    seen: z.array(z.string()),
  }),
  diagnostics: z.array(diagnosticSchema),
});
export type SequenceModel = z.infer<typeof sequenceModelSchema>;

export const listRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.nullable(sequenceStatusSchema),
  subscribers: z.nullable(z.int().check(z.minimum(0))),
  completed: z.nullable(z.int().check(z.minimum(0))),
});
export type ListRow = z.infer<typeof listRowSchema>;

export const pageModelSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('editor'),
    url: z.string(),
    sequence: sequenceModelSchema,
    /** How the page was read; absent on models not read from a page (tests, specs). */
    reading: z.optional(readingSchema),
  }),
  z.object({
    kind: z.literal('list'),
    url: z.string(),
    rows: z.array(listRowSchema),
    diagnostics: z.array(diagnosticSchema),
  }),
  /** A Kartra page that is not about sequences: nothing to audit. */
  z.object({ kind: z.literal('other'), url: z.string() }),
  /** An editor URL whose builder could not be recognised. */
  z.object({
    kind: z.literal('unrecognised'),
    url: z.string(),
    /** What was looked for and not found (codes builder-not-found, canvas-not-found, ...). */
    diagnostics: z.array(diagnosticSchema),
    /** How well the best profile tried fitted the page, when one found anything. */
    reading: z.optional(readingSchema),
  }),
]);
export type PageModel = z.infer<typeof pageModelSchema>;
