import { storage } from '@wxt-dev/storage';
import * as z from 'zod/mini';
import { auditedFrame, type TabFrames, tabFramesSchema } from './tab-frames';

/**
 * Each tab's frame audits, kept by the background for the browser session (a service worker
 * that went to sleep must not forget which frame holds the builder), read by the popup.
 */
const tabFramesItem = storage.defineItem<unknown>('session:frameAudits', { fallback: {} });

const allTabFramesSchema = z.record(z.string(), tabFramesSchema);
/** Per tab id, its frames' audits. */
export type AllTabFrames = z.infer<typeof allTabFramesSchema>;

/** What is stored, validated: a value that does not parse (an older format) counts as none. */
export async function loadTabFrames(): Promise<AllTabFrames> {
  const parsed = allTabFramesSchema.safeParse(await tabFramesItem.getValue());
  return parsed.success ? parsed.data : {};
}

/** Stores every tab's frames; none left removes the item, so nothing stays behind. */
export async function saveTabFrames(all: AllTabFrames): Promise<void> {
  if (Object.keys(all).length === 0) await tabFramesItem.removeValue();
  else await tabFramesItem.setValue(all);
}

/** The frame the popup should ask for the tab's report: the builder's, else the top frame. */
export async function auditedFrameOf(tabId: number): Promise<number> {
  try {
    const frames: TabFrames | undefined = (await loadTabFrames())[String(tabId)];
    return auditedFrame(frames) ?? 0;
  } catch {
    return 0;
  }
}
