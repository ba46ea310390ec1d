import { storage } from '@wxt-dev/storage';
import { type ListMemory, listMemorySchema } from '../visit';

/**
 * What the sequence list showed, kept for the browser session (storage.session: cleared when
 * the browser closes, never synced). The audit session owns the working copy; this only loads
 * and stores it. A stored value that does not validate is treated as nothing seen.
 */
export const listMemoryItem = storage.defineItem<unknown>('session:sequenceListSeen', { fallback: null });

export function interpretStoredListMemory(raw: unknown): ListMemory {
  const parsed = listMemorySchema.safeParse(raw);
  return parsed.success ? parsed.data : {};
}

export async function loadListMemory(): Promise<ListMemory> {
  try {
    return interpretStoredListMemory(await listMemoryItem.getValue());
  } catch {
    // Session storage not open to content scripts (an older browser): nothing remembered.
    return {};
  }
}

export function saveListMemory(memory: ListMemory): void {
  listMemoryItem.setValue(memory).catch(() => {});
}

export function watchListMemory(onChange: (memory: ListMemory) => void): () => void {
  return listMemoryItem.watch((raw) => onChange(interpretStoredListMemory(raw)));
}
