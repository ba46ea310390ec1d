import type { ContentMessage } from './content-answers';
import type { RequestOf } from './messages';
import { sendMessage } from './messenger';

/**
 * A question that only reads, sent to the tab's top frame, where the builder nearly always is;
 * its answer is not validated yet (askAuditedFrame does). The popup sends its first question so,
 * before its views and validators have loaded (this module's imports hold no zod).
 */
export function askTopFrame<T extends ContentMessage>(
  tabId: number,
  type: T,
  request: RequestOf<T>,
): Promise<unknown> {
  const early = sendMessage(type, request, { tabId, frameId: 0 }) as Promise<unknown>;
  // Handled when used; unused (another frame holds the builder), its failure means nothing.
  early.catch(() => undefined);
  return early;
}
