import { storage } from '@wxt-dev/storage';
import { auditedFrame, type TabFrames } from './tab-frames';

/**
 * Each tab's frame audits, kept by the background for the browser session (a service worker
 * that went to sleep must not forget which frame holds the builder), read by the popup.
 */
export const tabFramesItem = storage.defineItem<Record<string, TabFrames>>('session:frameAudits', {
  fallback: {},
});

/** The frame the popup should ask for the tab's report: the builder's, else the top frame. */
export async function auditedFrameOf(tabId: number): Promise<number> {
  try {
    const all = await tabFramesItem.getValue();
    return auditedFrame(all[String(tabId)]) ?? 0;
  } catch {
    return 0;
  }
}

/** Sends a message to the content script of the tab's audited frame (see auditedFrameOf). */
export async function sendToAuditedFrame(tabId: number, message: unknown): Promise<unknown> {
  const frameId = await auditedFrameOf(tabId);
  return browser.tabs.sendMessage(tabId, message, { frameId });
}
