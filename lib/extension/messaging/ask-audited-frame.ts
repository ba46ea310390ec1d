import type * as z from 'zod/mini';
import { describeIssue } from '../../issue-message';
import { auditedFrameOf } from '../background/tab-frames-store';
import { askTopFrame } from './ask-top-frame';
import type { ContentMessage } from './content-answers';
import type { AnswerOf, RequestOf } from './messages';
import { sendMessage } from './messenger';

/** The questions that only read what the content script holds. */
const READ_ONLY: ReadonlySet<ContentMessage> = new Set(['getReport']);

/** A content script answered with what does not validate: a bug of ours, not a missing script. */
export class InvalidAnswerError extends Error {}

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
  // The schemas load while the content script answers, not before the popup's first paint.
  const schemas = import('./content-answers');
  const frameId = await auditedFrameOf(tabId);
  const [answer, { CONTENT_ANSWERS }] = await Promise.all([
    early !== null && frameId === 0
      ? early
      : (sendMessage(type, request, { tabId, frameId }) as Promise<unknown>),
    schemas,
  ]);
  const schema: z.ZodMiniType<AnswerOf<T>> = CONTENT_ANSWERS[type];
  const parsed = schema.safeParse(answer);
  if (parsed.success) return parsed.data;
  const [issue] = parsed.error.issues;
  throw new InvalidAnswerError(
    `the answer to ${type} did not validate: ${issue ? describeIssue(issue, answer, 'answer') : 'not valid'}`,
  );
}
