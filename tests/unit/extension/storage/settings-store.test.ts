import { storage } from '@wxt-dev/storage';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadSettings, saveSettings, watchSettings } from '../../../../lib/extension/storage/settings-store';
import { defaultSettings } from '../../../../lib/settings/settings';

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

  it('reads settings stored by version 1 as they were (its email limit a house rule, no Prepared by), and saves them as version 2', async () => {
    // Every field the previous version stored, none of them a default.
    const older = {
      version: 1,
      rules: { 'step-inactive': { enabled: false }, 'date-in-past': { enabled: true, severity: 'warning' } },
      tooManyEmailsLimit: 14,
      testAddress: 'me@example.com',
      inlineWarnings: false,
      accountTimeZone: 'Europe/Berlin',
      quietHours: { from: 22, to: 7, weekends: false },
    };
    await storage.setItem('sync:settings', older);
    const loaded = await loadSettings();
    const { tooManyEmailsLimit: _, ...kept } = older;
    const migrated = {
      ...kept,
      version: 2,
      ruleOptions: { 'too-many-emails': { limit: 14 } },
      preparedBy: '',
    };
    expect(loaded).toEqual({ settings: migrated, notice: null });
    await saveSettings({ ...loaded.settings, preparedBy: 'Funnel Fixers' });
    expect(await storage.getItem('sync:settings')).toEqual({ ...migrated, preparedBy: 'Funnel Fixers' });
  });

  it('falls back to defaults with a notice naming the field when the stored value is wrong', async () => {
    await storage.setItem('sync:settings', { ...defaultSettings(), inlineWarnings: 'yes' });
    const loaded = await loadSettings();
    expect(loaded.settings.inlineWarnings).toBe(defaultSettings().inlineWarnings);
    expect(loaded.notice).toMatch(/inlineWarnings/);
  });
});
