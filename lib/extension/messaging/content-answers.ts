import * as z from 'zod/mini';
import { reportSchema } from '../../audit/report';
import { kartraProfileSchema } from '../../kartra/profile-schema';
import { pageModelSchema } from '../../model/model';
import { structureSchema } from '../../structure/structure-schema';
import type { AnswerOf } from './messages';

/**
 * The content script's answers (messages.ts), as the popup validates them: they come from a
 * page's process. Their types are the protocol's. zod/mini, as the report and the model
 * are, so the popup loads no full zod.
 */

/**
 * The answer to getReport. `diagnostics` counts what the reader could not read (the popup then
 * offers the structure export); `page` is sent only when asked.
 */
export const reportResponseSchema = z.union([
  z.object({
    report: reportSchema,
    page: z.nullable(pageModelSchema),
    diagnostics: z.int().check(z.minimum(0)),
    /** The profile inferred from the page, when the report was read with it ("Keep this profile"). */
    inferredProfile: z.nullable(kartraProfileSchema),
    /**
     * When the page's audit session started: the visit the history keeps its outcome under (an
     * earlier audit to compare with is of another visit); null on a page that is not a sequence.
     */
    visit: z.nullable(z.iso.datetime()),
    error: z.null(),
  }),
  z.object({
    report: z.null(),
    page: z.null(),
    diagnostics: z.literal(0),
    inferredProfile: z.null(),
    /** The extension's own failure on the page. */
    error: z.string(),
  }),
]);
export type ReportResponse = z.infer<typeof reportResponseSchema>;

/** One finding of a report answer, for the findings a first paint leaves for later (askReportInTwo). */
export { findingSchema } from '../../audit/report';

/** The answer to locateStep. */
export const locateStepResponseSchema = z.object({
  /** False when the step is not on the builder's screen (for example on another tab). */
  found: z.boolean(),
});
export type LocateStepResponse = z.infer<typeof locateStepResponseSchema>;

/** The answer to exportStructure. */
export const exportStructureResponseSchema = z.union([
  z.object({ structure: structureSchema, error: z.null() }),
  z.object({ structure: z.null(), error: z.string() }),
]);
export type ExportStructureResponse = z.infer<typeof exportStructureResponseSchema>;

/** The messages a content script answers. */
export type ContentMessage = 'getReport' | 'locateStep' | 'exportStructure';

/** Per message the popup sends to a content script, the schema of its answer. */
export const CONTENT_ANSWERS: { [T in ContentMessage]: z.ZodMiniType<AnswerOf<T>> } = {
  getReport: reportResponseSchema,
  locateStep: locateStepResponseSchema,
  exportStructure: exportStructureResponseSchema,
};
