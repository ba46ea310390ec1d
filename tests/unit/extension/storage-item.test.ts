import { storage as wxtStorage } from '@wxt-dev/storage';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadSettings, saveSettings, watchSettings } from '../../../lib/extension/settings-store';
import { defineItem } from '../../../lib/extension/storage-item';
import { defaultSettings } from '../../../lib/settings';

describe('a stored item without @wxt-dev/storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads its fallback until set, then the value, and the fallback again once removed', async () => {
    const item = defineItem<string | null>('local:note', { fallback: null });
    expect(await item.getValue()).toBeNull();
    await item.setValue('hello');
    expect(await item.getValue()).toBe('hello');
    await item.removeValue();
    expect(await item.getValue()).toBeNull();
  });

  it('reads and writes the same keys as @wxt-dev/storage', async () => {
    await wxtStorage
      .defineItem<unknown>('sync:settings', { fallback: null })
      .setValue({ inlineWarnings: false });
    const own = defineItem<unknown>('sync:settings', { fallback: null });
    expect(await own.getValue()).toEqual({ inlineWarnings: false });
    await own.setValue({ inlineWarnings: true });
    expect(await wxtStorage.getItem('sync:settings')).toEqual({ inlineWarnings: true });
  });

  it('tells watchers about changes to its own key only, until unwatched', async () => {
    const item = defineItem<number>('local:count', { fallback: 0 });
    const seen: [number, number][] = [];
    const unwatch = item.watch((value, previous) => seen.push([value, previous]));
    await item.setValue(2);
    await defineItem<number>('local:other', { fallback: 0 }).setValue(5);
    await item.setValue(3);
    unwatch();
    await item.setValue(4);
    expect(seen).toEqual([
      [2, 0],
      [3, 2],
    ]);
  });

  it('carries the settings from the options page to the content script', async () => {
    const changes: boolean[] = [];
    watchSettings((loaded) => changes.push(loaded.settings.inlineWarnings));
    await saveSettings({ ...defaultSettings(), inlineWarnings: false });
    expect((await loadSettings()).settings.inlineWarnings).toBe(false);
    expect(changes).toEqual([false]);
  });
});
