import { storage } from '@wxt-dev/storage';
import { type ListMemory, listMemorySchema } from '../visit';

/**
 * What the sequence list showed, kept for the browser session (storage.session: cleared when
 * the browser closes, never synced). The audit session owns the working copy; this only loads
 * and stores it. A stored value that does not validate is treated as nothing seen.
 */
// The key, not a defined item: defining one reads storage at import, on every Kartra page.
const LIST_MEMORY_KEY = 'session:sequenceListSeen';

export function interpretStoredListMemory(raw: unknown): ListMemory {
  const parsed = listMemorySchema.safeParse(raw);
  return parsed.success ? parsed.data : {};
}

export async function loadListMemory(): Promise<ListMemory> {
  try {
    return interpretStoredListMemory(await storage.getItem<unknown>(LIST_MEMORY_KEY));
  } catch {
    // Session storage not open to content scripts (an older browser): nothing remembered.
    return {};
  }
}

export function saveListMemory(memory: ListMemory): void {
  try {
    storage.setItem(LIST_MEMORY_KEY, memory).catch(() => {});
  } catch {
    // Session storage not open to content scripts: the memory lives only as long as the page.
  }
}

export function watchListMemory(onChange: (memory: ListMemory) => void): () => void {
  try {
    return storage.watch<unknown>(LIST_MEMORY_KEY, (raw) => onChange(interpretStoredListMemory(raw)));
  } catch {
    // Firefox gives a content script no storage.session until the background opens it (and
    // may not at all): then nothing seen in another tab arrives, and nothing else breaks.
    return () => {};
  }
}
