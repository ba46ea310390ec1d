import type { ExtensionMessage, GetDataType, GetReturnType } from '@webext-core/messaging';
import * as z from 'zod/mini';
import type { Report } from '../../audit/report';
import { sequenceOutcomeSchema } from '../../history/history-schema';
import type { KartraProfile } from '../../kartra/profile';
import type { PageModel } from '../../model/model';
import type { ListMemory } from '../../visit/visit';
import { frameAuditSchema } from '../background/tab-frames';
import type { ActiveConfig } from './active-config';
import type { ExportStructureResponse, LocateStepResponse, ReportResponse } from './content-answers';
import { onMessage } from './messenger';

/**
 * The one protocol between the popup, the background worker and the content script, carried
 * by @webext-core/messaging: each message is named and typed at both ends. What a message
 * carries is validated where it arrives: the requests by the schemas below (listen), the
 * content script's answers by the popup (content-answers.ts, askAuditedFrame). A message
 * outside the library's format (a stray one, or an older version's) is ignored; one whose data
 * does not validate is refused with an error, so neither can break a surface.
 *
 * This file holds only zod/mini schemas the content script needs: it is in its bundle.
 */

/** Popup (or a test) → content script: the latest report for this tab. */
export const getReportRequest = z.object({
  /**
   * Also send the page model the report was made from (tests and tools compare it). The popup
   * does not ask: on 1,000 steps the model is ~300 KB, more than twice the report.
   */
  withPage: z.boolean(),
  /**
   * Also work out the report's timeline (lib/timeline/report-timeline.ts): on 1,000 steps it costs ms
   * and ~190 KB, so the popup shows its counts first and asks for it right after.
   */
  withTimeline: z.optional(z.boolean()),
});
export type GetReportRequest = z.infer<typeof getReportRequest>;

/** Popup → content script: scroll the builder to a step (its reference) and highlight it. */
export const locateStepRequest = z.string().check(z.maxLength(20));

/** Content script → background: the user accepted a finding on the card (the background keeps it). */
export const acceptFindingRequest = z.object({
  sequenceId: z.string().check(z.minLength(1), z.maxLength(40)),
  finding: z.object({
    ruleId: z.string().check(z.minLength(1), z.maxLength(60)),
    kind: z.enum(['fail', 'review']),
    steps: z.array(z.string().check(z.minLength(1), z.maxLength(20))).check(z.maxLength(200)),
  }),
  reason: z.string().check(z.maxLength(200)),
});
export type AcceptFindingRequest = z.infer<typeof acceptFindingRequest>;

/** Popup → background: a finding accepted earlier, back among the findings. */
export const restoreFindingRequest = z.omit(acceptFindingRequest, { reason: true });
export type RestoreFindingRequest = z.infer<typeof restoreFindingRequest>;

/**
 * Overview or options page → background: forget what the extension keeps of some sequences
 * (their history and accepted findings), of every sequence, the history alone or the accepted
 * findings alone. The background does it in turn with what it writes as audits report and
 * findings are accepted, so a Forget is never undone by a write that read the store before it.
 */
export const forgetRequest = z.discriminatedUnion('what', [
  z.object({
    what: z.literal('sequences'),
    ids: z.array(z.string().check(z.minLength(1), z.maxLength(40))).check(z.maxLength(1000)),
  }),
  z.object({ what: z.literal('every-sequence') }),
  z.object({ what: z.literal('history') }),
  z.object({ what: z.literal('accepted') }),
]);
export type ForgetRequest = z.infer<typeof forgetRequest>;

/** Content script → background (and an open popup): the frame's latest counts, for the toolbar badge. */
export const reportChangedRequest = z.extend(frameAuditSchema, {
  /** The first report of a page visit (the frame's earlier reports are of another page). */
  newVisit: z.boolean(),
  /** On a builder: the visit's outcome, for the history (lib/history). */
  outcome: z.optional(sequenceOutcomeSchema),
});
export type ReportChanged = z.infer<typeof reportChangedRequest>;

/** A message that carries nothing. */
export const noRequest = z.undefined();

/** Background → content script: which stored value changed. */
export const storedChangedRequest = z.enum(['config', 'listMemory']);
export type StoredChange = z.infer<typeof storedChangedRequest>;

/** The messages, each as (what it carries) → what its listener answers. */
export interface Protocol {
  getReport(request: GetReportRequest): ReportResponse;
  locateStep(ref: string): LocateStepResponse;
  /** Popup → content script: the page's structure without its data (lib/structure/export.ts). */
  exportStructure(): ExportStructureResponse;
  reportChanged(report: ReportChanged): void;
  /**
   * Content script → background: the settings and profile, validated there (the content
   * script carries no settings or profile validator). Its answer is the background's own
   * work, so the content script takes it as typed; if the background does not answer, the
   * defaults are used (requestActiveConfig).
   */
  getConfig(): ActiveConfig;
  /**
   * The content script's loader → background, as a frame's page loads: a new visit, recorded
   * as no sequence (no badge) until the frame's audit reports; answered as getConfig is, so a
   * page that is not a sequence sends nothing else.
   */
  pageOpened(): ActiveConfig;
  /** Content script → background: what the sequence list showed this browser session (list-memory.ts). */
  getListMemory(): ListMemory;
  /** Content script → background: the list memory with the rows just seen; validated there. */
  saveListMemory(memory: ListMemory): void;
  /**
   * Content script or popup → background: a finding accepted (on the card or in the popup). The
   * background is the one writer of the accepted findings; the tabs read them back as they read
   * the settings. Answered once stored.
   */
  acceptFinding(request: AcceptFindingRequest): void;
  /** Popup → background: a finding accepted earlier, restored; answered once stored. */
  restoreFinding(request: RestoreFindingRequest): void;
  /** Overview or options page → background: forget what is kept; answered once it is done. */
  forget(request: ForgetRequest): void;
  /**
   * Background → every tab it has heard from: a stored value changed (the settings or profile
   * override on the options page, or the list memory from another tab). It carries only which:
   * the content script asks for the validated value, as it does when it starts.
   */
  storedChanged(what: StoredChange): void;
}
export type MessageType = keyof Protocol;
export type RequestOf<T extends MessageType> = GetDataType<Protocol[T]>;
export type AnswerOf<T extends MessageType> = GetReturnType<Protocol[T]>;

export { onMessage, sendMessage } from './messenger';

/**
 * Answers messages of `type` once what they carry validates against `request` (the schema of
 * what that message carries, above; each listener names its own, so a bundle holds only the
 * schemas its listeners need). A request that does not validate is refused: the library sends
 * the sender the error. Returns the function that stops listening.
 */
export function listen<T extends MessageType>(
  type: T,
  request: z.ZodMiniType<RequestOf<T>>,
  answer: (request: RequestOf<T>, sender: ExtensionMessage['sender']) => AnswerOf<T> | Promise<AnswerOf<T>>,
): () => void {
  // Async, so a request that does not validate rejects: the library then sends the sender its
  // error. A synchronous throw would escape the library to the browser, which words it its own way.
  return onMessage(type, async (message) => answer(request.parse(message.data), message.sender));
}

/** The latest audit, or why it failed. */
export type AuditResult =
  | { report: Report; page: PageModel; error: null }
  | { report: null; page: null; error: string };

/**
 * The content script's answer to getReport, from its latest audit, with the profile inferred from
 * the page and when the audit session started (each null where there is none).
 */
export function reportResponse(
  result: AuditResult,
  request: GetReportRequest,
  {
    inferredProfile = null,
    visit = null,
  }: { inferredProfile?: KartraProfile | null; visit?: string | null } = {},
): ReportResponse {
  if (result.error !== null) return { ...result, diagnostics: 0, inferredProfile: null };
  const diagnostics = result.page.kind === 'editor' ? result.page.sequence.diagnostics.length : 0;
  return {
    report: result.report,
    page: request.withPage ? result.page : null,
    diagnostics,
    inferredProfile,
    visit,
    error: null,
  };
}
