import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PageModel } from '../../lib/model/model';

/**
 * The fake extension API reset, with every tab's content script in this same context: a message
 * sent to a tab reaches this context's listeners (the messaging library over both ends).
 */
export function tabsAnswerHere(): void {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(
    (_tabId: number, message: unknown) => fakeBrowser.runtime.sendMessage(message) as Promise<never>,
  );
}

/** A builder's page model as far as a report answer reads it (its diagnostics, none). */
export const BUILDER_PAGE = { kind: 'editor', sequence: { diagnostics: [] } } as unknown as PageModel;
