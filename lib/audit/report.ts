import * as z from 'zod/mini';
import { REPORT_PAGE_KINDS } from '../model/kinds';
import { readingSchema } from '../model/model';
import { severitySchema } from '../settings/settings-schema';
import { reportTimelineSchema } from '../timeline/timeline-schema';

/**
 * The audit report: what the popup shows and the JSON export writes (docs/spec-format.md).
 * Outside tests read it, so fields are only ever added.
 */

/**
 * Why a step's fact was not read: the card showed it in words this version does not read. Reviews
 * with the same cause are shown together, with the words, which the user can teach.
 */
export const reviewCauseSchema = z.object({
  /** The reader's diagnostic for the fact: 'timing-unread', 'window-unread'… */
  code: z.string().check(z.minLength(1)),
  /** What the card showed instead ("Delay of 2 days"), or null when it showed nothing. */
  shown: z.nullable(z.string()),
});

/** A finding, as the rules make it and the report carries it: the one declaration (`Finding`). */
export const findingSchema = z.object({
  ruleId: z.string().check(z.minLength(1)),
  /** Which of the rule's messages (its `meta.messages`) worded this finding. */
  messageId: z.string().check(z.minLength(1)),
  /** The rule's severity, or the user's override of it. */
  severity: severitySchema,
  /** 'fail': the rule decided; 'review': the page did not show enough to decide. */
  kind: z.enum(['fail', 'review']),
  message: z.string().check(z.minLength(1)),
  fix: z.string().check(z.minLength(1)),
  /** Reference numbers; 'start' for Starting Rules; [] for the sequence as a whole. */
  steps: z.array(z.string().check(z.minLength(1))),
  /** On list-page findings, the row's sequence. */
  sequenceId: z.optional(z.string()),
  /** On a review: the unread words it rests on. */
  cause: z.optional(reviewCauseSchema),
});

/** A finding the user accepted: out of the counts and the badge, listed apart with why and when. */
export const acceptedFindingSchema = z.extend(findingSchema, {
  reason: z.string(),
  acceptedAt: z.iso.datetime(),
});

export const reportPageKindSchema = z.enum(REPORT_PAGE_KINDS);

export const reportSchema = z.object({
  schemaVersion: z.literal(1),
  tool: z.object({ name: z.string().check(z.minLength(1)), version: z.string().check(z.minLength(1)) }),
  generatedAt: z.iso.datetime(),
  page: z.object({ url: z.string(), kind: reportPageKindSchema }),
  sequence: z.nullable(
    z.object({
      id: z.string(),
      name: z.nullable(z.string()),
      publicName: z.nullable(z.string()),
      status: z.nullable(z.enum(['active', 'paused'])),
      subscribers: z.nullable(z.int().check(z.minimum(0))),
    }),
  ),
  findings: z.array(findingSchema),
  /**
   * What changed since an earlier visit of this sequence (lib/history): the findings, as
   * "rule decision steps", fixed since and new since `since`. Added by the popup to what it
   * exports; absent when there is nothing to compare.
   */
  changes: z.optional(
    z.object({ since: z.iso.datetime(), fixed: z.array(z.string()), added: z.array(z.string()) }),
  ),
  /** Findings the user accepted on this sequence (not in `findings` nor in `counts`); absent when none. */
  accepted: z.optional(z.array(acceptedFindingSchema)),
  /**
   * The house rules the audit used (each rule option of a rule that ran: the user's choice or the
   * default), so every export says what it was checked against. Absent on reports made before
   * there were house rules.
   */
  houseRules: z.optional(
    z.array(
      z.object({
        ruleId: z.string().check(z.minLength(1)),
        /** The rule's title. */
        rule: z.string(),
        option: z.string().check(z.minLength(1)),
        /** What is chosen, in words ("How every path ends"). */
        label: z.string(),
        value: z.union([z.string(), z.number()]),
        /** The value in words ("a Complete step"). */
        words: z.string(),
        isDefault: z.boolean(),
      }),
    ),
  ),
  /** Step references in the order a contact meets them (the popup's "real order"). */
  runOrder: z.array(z.string()),
  /**
   * error/warning/info count decided findings ('fail'); review counts findings the page did not
   * show enough for, plus one when the page itself was not recognised.
   */
  counts: z.object({
    error: z.int().check(z.minimum(0)),
    warning: z.int().check(z.minimum(0)),
    info: z.int().check(z.minimum(0)),
    review: z.int().check(z.minimum(0)),
  }),
  coverage: z.object({
    tabsAudited: z.array(z.string()),
    tabsNotSeen: z.array(z.string()),
    notes: z.array(z.string()),
    /** On the builder: which profile read it and how well it fitted (see FIT_CHECKS). */
    reading: z.optional(readingSchema),
  }),
  /**
   * On the builder: when each step reaches a contact entering at `generatedAt`, on every path
   * (lib/timeline/timeline-schema.ts). Added when a report is asked for (the popup, the exports), not by
   * every audit: see withTimeline.
   */
  timeline: z.optional(reportTimelineSchema),
  timing: z.object({
    readMs: z.number().check(z.minimum(0)),
    checkMs: z.number().check(z.minimum(0)),
    renderMs: z.number().check(z.minimum(0)),
  }),
});

export type Finding = z.infer<typeof findingSchema>;
export type ReviewCause = z.infer<typeof reviewCauseSchema>;
export type FindingKind = Finding['kind'];
export type Report = z.infer<typeof reportSchema>;

export type ReportPageKind = z.infer<typeof reportPageKindSchema>;

export const REPORT_SCHEMA_VERSION = 1;

/** Full validation; too slow to run on every re-audit, so tests and imports use it. */
export function validateReport(value: unknown): Report {
  return reportSchema.parse(value);
}
