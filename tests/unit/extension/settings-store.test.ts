import { storage } from '@wxt-dev/storage';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadSettings, saveSettings, watchSettings } from '../../../lib/extension/settings-store';
import { defaultSettings } from '../../../lib/settings/settings';

describe('the settings store', () => {
  beforeEach(() => fakeBrowser.reset());

  it('carries the settings from the options page to the content script', async () => {
    const changes: boolean[] = [];
    const unwatch = watchSettings((loaded) => changes.push(loaded.settings.inlineWarnings));
    await saveSettings({ ...defaultSettings(), inlineWarnings: false });
    expect((await loadSettings()).settings.inlineWarnings).toBe(false);
    await saveSettings({ ...defaultSettings(), inlineWarnings: true });
    unwatch();
    expect(changes).toEqual([false, true]);
  });

  it('reads defaults, without a notice, before anything was saved', async () => {
    expect(await loadSettings()).toEqual({ settings: defaultSettings(), notice: null });
  });

  it('falls back to defaults with a notice naming the field when the stored value is wrong', async () => {
    await storage.setItem('sync:settings', { ...defaultSettings(), inlineWarnings: 'yes' });
    const loaded = await loadSettings();
    expect(loaded.settings.inlineWarnings).toBe(defaultSettings().inlineWarnings);
    expect(loaded.notice).toMatch(/inlineWarnings/);
  });
});
