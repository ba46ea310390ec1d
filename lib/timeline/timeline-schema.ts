import * as z from 'zod/mini';
import { stepSchema } from '../model/model';
import type { BranchEnd, BranchLabel, Timeline, TimelineBranch, TimelineEntry } from './timeline';

/**
 * The report's `timeline` (the JSON export writes it): lib/timeline/timeline.ts's Timeline for a contact
 * entering at the report's `generatedAt`, plus why the flow it follows may be incomplete. Times
 * are ms since the epoch; `day` counts calendar days in the account's `timeZone` (0: entry day).
 */

const ms = z.number();

const entryBase = {
  /** The step's reference number. */
  ref: z.string().check(z.minLength(1)),
  kind: stepSchema.shape.kind,
  /** When the contact arrives on the step; the earliest it can be when not `arrivalTimed`. */
  arrivesAt: ms,
  /** When the step runs, is skipped, or holds the contact; the earliest it can be when not `timed`. */
  at: ms,
  /** Calendar days from the entry's day to `at`'s, in the account's time zone. */
  day: z.int(),
  /** Every step before this one on the path was timed. */
  arrivalTimed: z.boolean(),
  /** This step's time is exact (false on every 'unknown' entry). */
  timed: z.boolean(),
  /** A date-specific step's set time and the end of its reported 2-hour firing window. */
  firingWindow: z.nullable(z.object({ opens: ms, closes: ms })),
};

export const timelineEntrySchema = z.union([
  /** Runs at `at`; `waitedForWindow`: its day-and-time window was closed when its delay ended. */
  z.object({ ...entryBase, status: z.literal('runs'), reason: z.null(), waitedForWindow: z.boolean() }),
  /** Passed straight through: inactive, or a date step reached after its firing window. */
  z.object({
    ...entryBase,
    status: z.literal('skipped'),
    reason: z.enum(['inactive', 'date-past']),
    waitedForWindow: z.literal(false),
  }),
  /** Its window never opens: the contact stays on it. */
  z.object({
    ...entryBase,
    status: z.literal('never'),
    reason: z.literal('window'),
    waitedForWindow: z.literal(false),
  }),
  /** Not timed: its delay or window was not read, its window ends before it starts, or a step before it was not timed. */
  z.object({
    ...entryBase,
    status: z.literal('unknown'),
    reason: z.enum(['delay-unread', 'window-unread', 'overnight-window', 'after-unknown']),
    waitedForWindow: z.literal(false),
  }),
]);

const goesOn = { arrivesAt: ms, timed: z.boolean() };

/** How a branch ends (see BranchEnd in lib/timeline/timeline.ts). */
export const branchEndSchema = z.union([
  z.object({ type: z.literal('stops') }),
  /** Into these branches (indexes in `branches`), one per output. */
  z.object({ type: z.literal('forks'), branches: z.array(z.int().check(z.minimum(0))) }),
  z.object({ type: z.literal('stuck') }),
  /** Back to a step already passed on the path: followed once. */
  z.object({ type: z.literal('loop'), ref: z.string(), ...goesOn }),
  z.object({ type: z.literal('goto-target-missing'), target: z.string() }),
  z.object({ type: z.literal('tab-not-seen'), target: z.string(), tab: z.string() }),
  z.object({ type: z.literal('goto-unread') }),
  z.object({ type: z.literal('slower'), ref: z.string(), ...goesOn }),
  /** Not followed: the timeline's entry limit. */
  z.object({ type: z.literal('limit'), next: z.string(), ...goesOn }),
]);

export const timelineBranchSchema = z.object({
  /** Its index in `branches`. */
  id: z.int().check(z.minimum(0)),
  /** The branch it forks from; null for the first (which starts at Starting Rules). */
  parent: z.nullable(z.int().check(z.minimum(0))),
  /** The output taken into it: a split's 'yes'/'no', 'unlabelled', or one of several 'line's. */
  label: z.nullable(z.enum(['yes', 'no', 'unlabelled', 'line'])),
  /** Its steps in the order the contact meets them. */
  entries: z.array(timelineEntrySchema),
  end: branchEndSchema,
});

export const reportTimelineSchema = z.object({
  /** When the contact enters (ms): the report's `generatedAt`. */
  enteredAt: ms,
  /** The account's IANA time zone the times are read in. */
  timeZone: z.string().check(z.minLength(1)),
  /** A tree: branch 0 starts at Starting Rules (none when Starting Rules was not seen). */
  branches: z.array(timelineBranchSchema),
  /** Some paths were not followed: more than the timeline's entry limit. */
  cut: z.boolean(),
  /** Why the order may be incomplete (lines or tabs not read), or null. */
  uncertain: z.nullable(z.string()),
});

export type ReportTimeline = z.infer<typeof reportTimelineSchema>;

// The schema must describe lib/timeline/timeline.ts's types exactly.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShape: [
  Same<z.infer<typeof timelineEntrySchema>, TimelineEntry>,
  Same<z.infer<typeof branchEndSchema>, BranchEnd>,
  Same<z.infer<typeof timelineBranchSchema>, TimelineBranch>,
  Same<NonNullable<z.infer<typeof timelineBranchSchema>['label']>, BranchLabel>,
  Same<Omit<ReportTimeline, 'uncertain'>, Timeline>,
] = [true, true, true, true, true];
void sameShape;
