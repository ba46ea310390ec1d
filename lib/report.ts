import { z } from 'zod';
import { readingSchema } from './model';
import { severitySchema } from './settings-schema';
import { reportTimelineSchema } from './timeline-schema';

/**
 * The audit report: what the popup shows and the JSON export writes (format in
 * ../shared/builder-replica.md, plus runOrder and counts). Outside tests read it, so fields
 * are only ever added.
 */

export const findingSchema = z.object({
  ruleId: z.string().min(1),
  severity: severitySchema,
  kind: z.enum(['fail', 'review']),
  message: z.string().min(1),
  fix: z.string().min(1),
  steps: z.array(z.string().min(1)),
  sequenceId: z.string().optional(),
});

export const reportPageKindSchema = z.enum(['editor', 'list', 'unrecognised', 'other']);

export const reportSchema = z.object({
  schemaVersion: z.literal(1),
  tool: z.object({ name: z.string().min(1), version: z.string().min(1) }),
  generatedAt: z.iso.datetime(),
  page: z.object({ url: z.string(), kind: reportPageKindSchema }),
  sequence: z
    .object({
      id: z.string(),
      name: z.string().nullable(),
      publicName: z.string().nullable(),
      status: z.enum(['active', 'paused']).nullable(),
      subscribers: z.number().int().min(0).nullable(),
    })
    .nullable(),
  findings: z.array(findingSchema),
  /** Step references in the order a contact meets them (the popup's "real order"). */
  runOrder: z.array(z.string()),
  /**
   * error/warning/info count decided findings ('fail'); review counts findings the page did not
   * show enough for, plus one when the page itself was not recognised.
   */
  counts: z.object({
    error: z.number().int().min(0),
    warning: z.number().int().min(0),
    info: z.number().int().min(0),
    review: z.number().int().min(0),
  }),
  coverage: z.object({
    tabsAudited: z.array(z.string()),
    tabsNotSeen: z.array(z.string()),
    notes: z.array(z.string()),
    /** On the builder: which profile read it and how well it fitted (see FIT_CHECKS). */
    reading: readingSchema.optional(),
  }),
  /**
   * On the builder: when each step reaches a contact entering at `generatedAt`, on every path
   * (lib/timeline-schema.ts). Added when a report is asked for (the popup, the exports), not by
   * every audit: see withTimeline.
   */
  timeline: reportTimelineSchema.optional(),
  timing: z.object({
    readMs: z.number().min(0),
    checkMs: z.number().min(0),
    renderMs: z.number().min(0),
  }),
});

export type ReportFinding = z.infer<typeof findingSchema>;
/** A finding as it appears in the report. */
export type Finding = ReportFinding;
export type Report = z.infer<typeof reportSchema>;
export type ReportPageKind = z.infer<typeof reportPageKindSchema>;

export const REPORT_SCHEMA_VERSION = 1;

/** Full validation; too slow to run on every re-audit, so tests and imports use it. */
export function validateReport(value: unknown): Report {
  return reportSchema.parse(value);
}
