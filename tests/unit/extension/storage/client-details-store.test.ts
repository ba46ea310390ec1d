import { storage } from '@wxt-dev/storage';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { withClientDetails } from '../../../../lib/client-details/client-details';
import { loadClientDetails, saveClientDetails } from '../../../../lib/extension/storage/client-details-store';

const NOW = new Date('2026-12-01T09:00:00Z');

describe('the client details store', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps what the popup used in local storage only, and reads it back', async () => {
    expect(await loadClientDetails()).toEqual({ sequences: {}, notice: null });
    await saveClientDetails(withClientDetails({}, '42', { client: 'Acme', note: 'Hi' }, NOW));
    expect(await loadClientDetails()).toEqual({
      sequences: { '42': { client: 'Acme', note: 'Hi', usedAt: NOW.toISOString() } },
      notice: null,
    });
    expect(await storage.getItem('sync:clientDetails')).toBeNull();
  });

  it('uses none of an unreadable stored value, names it, and sets it aside before overwriting it', async () => {
    const other = { version: 2, sequences: { '42': { name: 'Acme' } } };
    await storage.setItem('local:clientDetails', other);
    const loaded = await loadClientDetails();
    expect(loaded.sequences).toEqual({});
    expect(loaded.notice).toMatch(/client details.*version/);
    await saveClientDetails(withClientDetails({}, '7', { client: 'Bee', note: '' }, NOW));
    expect(await storage.getItem('local:clientDetailsSetAside')).toEqual(other);
  });

  it('refuses to store what would not read back', async () => {
    await expect(
      saveClientDetails({ '42': { client: 'x'.repeat(101), note: '', usedAt: NOW.toISOString() } }),
    ).rejects.toThrow();
    expect(await storage.getItem('local:clientDetails')).toBeNull();
  });
});
