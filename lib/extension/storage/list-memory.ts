import { storage } from '@wxt-dev/storage';
import { type ListMemory, listMemorySchema } from '../../visit/list-memory-schema';

/**
 * What the sequence list showed, kept for the browser session (storage.session: cleared when
 * the browser closes, never synced). The background owns it: content scripts ask for it and
 * send what they saw (messages.ts), so session storage stays closed to them (Chrome's default;
 * Firefox never opens it to them) and the list a tab saw reaches the other tabs in Firefox
 * too. The audit session owns its working copy. A stored value that does not validate is
 * treated as nothing seen.
 */
const LIST_MEMORY_KEY = 'session:sequenceListSeen';

export function interpretStoredListMemory(raw: unknown): ListMemory {
  const parsed = listMemorySchema.safeParse(raw);
  return parsed.success ? parsed.data : {};
}

export async function loadListMemory(): Promise<ListMemory> {
  return interpretStoredListMemory(await storage.getItem<unknown>(LIST_MEMORY_KEY));
}

export async function saveListMemory(memory: ListMemory): Promise<void> {
  await storage.setItem(LIST_MEMORY_KEY, memory);
}
