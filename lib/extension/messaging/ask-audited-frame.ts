import type * as z from 'zod/mini';
import type { Finding } from '../../audit/report';
import { describeIssue } from '../../issue-message';
import { auditedFrameOf } from '../background/tab-frames-store';
import { askTopFrame } from './ask-top-frame';
import {
  CONTENT_ANSWERS,
  type ContentMessage,
  findingSchema,
  type ReportResponse,
  reportResponseSchema,
} from './content-answers';
import type { AnswerOf, RequestOf } from './messages';
import { sendMessage } from './messenger';

/** The questions that only read what the content script holds. */
const READ_ONLY: ReadonlySet<ContentMessage> = new Set(['getReport']);

/** A content script answered with what does not validate: a bug of ours, not a missing script. */
export class InvalidAnswerError extends Error {}

/**
 * The answer of the content script in the tab's audited frame (see auditedFrameOf), not validated
 * yet. Rejects when no content script answers.
 */
async function answerOf<T extends ContentMessage>(
  tabId: number,
  type: T,
  request: RequestOf<T>,
  early: Promise<unknown> | null,
): Promise<unknown> {
  const frameId = await auditedFrameOf(tabId);
  return early !== null && frameId === 0
    ? early
    : (sendMessage(type, request, { tabId, frameId }) as Promise<unknown>);
}

function invalid(
  type: ContentMessage,
  issue: z.core.$ZodIssue | undefined,
  answer: unknown,
): InvalidAnswerError {
  return new InvalidAnswerError(
    `the answer to ${type} did not validate: ${issue ? describeIssue(issue, answer, 'answer') : 'not valid'}`,
  );
}

/** `answer` as `schema` reads it; an InvalidAnswerError naming the first wrong field otherwise. */
function validated<A>(type: ContentMessage, schema: z.ZodMiniType<A>, answer: unknown): A {
  const parsed = schema.safeParse(answer);
  if (parsed.success) return parsed.data;
  throw invalid(type, parsed.error.issues[0], answer);
}

/**
 * Asks the content script of the tab's audited frame (see auditedFrameOf) and validates its
 * answer. Rejects when no content script answers (a tab outside app.kartra.com), and with an
 * InvalidAnswerError naming the first wrong field when the answer does not validate.
 */
export async function askAuditedFrame<T extends ContentMessage>(
  tabId: number,
  type: T,
  request: RequestOf<T>,
  // A question must not wait for the stored frames (10 ms of the popup's 140 on 1,000 steps): one
  // that only reads goes to the top frame while they are read, and a builder in another frame is
  // asked again. A question that acts (locate scrolls the builder) waits to know its frame.
  early: Promise<unknown> | null = READ_ONLY.has(type) ? askTopFrame(tabId, type, request) : null,
): Promise<AnswerOf<T>> {
  const answer = await answerOf(tabId, type, request, early);
  const schema: z.ZodMiniType<AnswerOf<T>> = CONTENT_ANSWERS[type];
  return validated(type, schema, answer);
}

/** A report answer validated in two goes (askReportInTwo). */
export interface ReportInTwo {
  /** The answer without the findings held back, validated. */
  first: ReportResponse;
  /** How many findings were held back; 0 when `first` is the whole answer. */
  heldBack: number;
  /**
   * The whole answer, its findings in the content script's order, once the held-back ones
   * validate; throws an InvalidAnswerError naming the first that does not.
   */
  complete: () => ReportResponse;
}

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * askAuditedFrame for a first paint that draws only part of the report: validates every field
 * but the findings `later` picks (looked at before validation, so it must expect anything), and
 * leaves those to `complete`. Nothing may use the report whole before `complete` has run.
 */
export async function askReportInTwo(
  tabId: number,
  request: RequestOf<'getReport'>,
  later: (finding: Readonly<Record<string, unknown>>) => boolean,
  early: Promise<unknown> | null = askTopFrame(tabId, 'getReport', request),
): Promise<ReportInTwo> {
  const answer = await answerOf(tabId, 'getReport', request, early);
  const whole = () => validated('getReport', reportResponseSchema, answer);
  const top = isRecord(answer) ? answer : null;
  const report = top && isRecord(top.report) ? top.report : null;
  const findings = report && Array.isArray(report.findings) ? (report.findings as unknown[]) : null;
  const held = new Set<number>();
  findings?.forEach((finding, i) => {
    if (isRecord(finding) && later(finding)) held.add(i);
  });
  if (!top || !report || !findings || held.size === 0) {
    const all = whole();
    return { first: all, heldBack: 0, complete: () => all };
  }
  const part = { ...top, report: { ...report, findings: findings.filter((_, i) => !held.has(i)) } };
  const parsed = reportResponseSchema.safeParse(part);
  // The whole answer cannot validate either; its issue names the field by its place as it came.
  if (!parsed.success) return { first: whole(), heldBack: 0, complete: whole };
  const first = parsed.data;
  const shown = first.report?.findings ?? [];
  const complete = (): ReportResponse => {
    if (!first.report) return first;
    const merged: Finding[] = [];
    let next = 0;
    for (const [i, finding] of findings.entries()) {
      if (!held.has(i)) {
        merged.push(shown[next++] as Finding);
        continue;
      }
      const one = findingSchema.safeParse(finding);
      if (!one.success) {
        const [issue] = one.error.issues;
        throw invalid(
          'getReport',
          issue && { ...issue, path: ['report', 'findings', i, ...issue.path] },
          answer,
        );
      }
      merged.push(one.data);
    }
    return { ...first, report: { ...first.report, findings: merged } };
  };
  return { first, heldBack: held.size, complete };
}
