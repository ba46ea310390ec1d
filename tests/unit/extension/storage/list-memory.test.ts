import { storage } from '@wxt-dev/storage';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadListMemory, saveListMemory } from '../../../../lib/extension/storage/list-memory';
import { listMemorySchema } from '../../../../lib/visit/list-memory-schema';
import type { ListMemory } from '../../../../lib/visit/visit';

const seen: ListMemory = {
  '3401': {
    id: '3401',
    name: 'Spring webinar replay',
    status: 'paused',
    subscribers: 12,
    completed: 3,
    seenAt: '2026-12-01T10:15:00.000Z',
  },
};

describe("the background's memory of the sequence list", () => {
  beforeEach(() => fakeBrowser.reset());

  it('is empty until a list was seen, and gives back what was saved', async () => {
    expect(await loadListMemory()).toEqual({});
    await saveListMemory(seen);
    expect(await loadListMemory()).toEqual(seen);
  });

  it('lives in session storage only: cleared with the browser, never synced or written to disk', async () => {
    await saveListMemory(seen);
    expect(await storage.getItem('session:sequenceListSeen')).toEqual(seen);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });

  it('treats a stored value that does not validate (an older format) as nothing seen', async () => {
    await storage.setItem('session:sequenceListSeen', { '3401': { id: '3401', status: 'stopped' } });
    expect(await loadListMemory()).toEqual({});
  });

  it('refuses, as the saveListMemory message is validated, a row with a status Kartra does not show', () => {
    const row = seen['3401'];
    expect(listMemorySchema.safeParse({ x: { ...row, status: 'running' } }).success).toBe(false);
    expect(listMemorySchema.safeParse({ x: { ...row, seenAt: 'yesterday' } }).success).toBe(false);
    expect(listMemorySchema.safeParse(seen).success).toBe(true);
  });
});
