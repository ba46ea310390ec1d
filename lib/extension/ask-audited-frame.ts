import type * as z from 'zod/mini';
import { describeIssue } from '../issue-message';
import type { ContentMessage } from './content-answers';
import { type AnswerOf, type RequestOf, sendMessage } from './messages';
import { auditedFrameOf } from './tab-frames-store';

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
): Promise<AnswerOf<T>> {
  const frameId = await auditedFrameOf(tabId);
  // The schemas load while the content script answers, not before the popup's first paint.
  const [answer, { CONTENT_ANSWERS }] = await Promise.all([
    sendMessage(type, request, { tabId, frameId }) as Promise<unknown>,
    import('./content-answers'),
  ]);
  const schema: z.ZodMiniType<AnswerOf<T>> = CONTENT_ANSWERS[type];
  const parsed = schema.safeParse(answer);
  if (parsed.success) return parsed.data;
  const [issue] = parsed.error.issues;
  throw new InvalidAnswerError(
    `the answer to ${type} did not validate: ${issue ? describeIssue(issue, answer, 'answer') : 'not valid'}`,
  );
}
