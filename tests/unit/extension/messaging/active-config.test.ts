import { storage } from '@wxt-dev/storage';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadActiveConfig } from '../../../../lib/extension/background/active-config-loader';
import { askActiveConfig } from '../../../../lib/extension/content/ask-config';
import {
  PROFILE_OVERRIDE_KEY,
  SETTINGS_KEY,
  watchStoredConfig,
} from '../../../../lib/extension/messaging/active-config';
import { listen, noRequest } from '../../../../lib/extension/messaging/messages';
import { kartraProfile } from '../../../../lib/kartra/profile';
import { defaultSettings } from '../../../../lib/settings/settings';

describe('the settings and profile the content script reads pages with', () => {
  beforeEach(() => fakeBrowser.reset());

  it('are the defaults and the built-in profile while nothing is stored', async () => {
    expect(await loadActiveConfig()).toEqual({
      settings: defaultSettings(),
      profile: kartraProfile,
      profileSource: 'built-in',
      accepted: {},
      notices: [],
    });
  });

  it('are validated by the background: a partial override merged over the built-in profile', async () => {
    await storage.setItem(PROFILE_OVERRIDE_KEY, { card: { fields: { timing: '.step_delay' } } });
    await storage.setItem(SETTINGS_KEY, { version: 1, inlineWarnings: false });
    const config = await loadActiveConfig();
    expect(config.profileSource).toBe('override');
    expect(config.profile.card.fields.timing).toBe('.step_delay');
    expect(config.profile.card.fields.title).toBe(kartraProfile.card.fields.title);
    expect(config.settings).toEqual({ ...defaultSettings(), inlineWarnings: false });
    expect(config.notices).toEqual([]);
  });

  it('fall back, field by field and to the built-in profile, with notices naming the field', async () => {
    await storage.setItem(PROFILE_OVERRIDE_KEY, { graph: { node: '' } });
    await storage.setItem(SETTINGS_KEY, { tooManyEmailsLimit: 'ten', inlineWarnings: false });
    const config = await loadActiveConfig();
    expect(config.profile).toBe(kartraProfile);
    expect(config.settings.inlineWarnings).toBe(false);
    expect(config.settings.ruleOptions).toEqual(defaultSettings().ruleOptions);
    expect(config.notices).toHaveLength(2);
    expect(config.notices[0]).toContain('tooManyEmailsLimit: expected a number, found "ten"');
    expect(config.notices[1]).toContain('graph.node: expected a non-empty string');
  });

  it('reach the content script through one message, and fall back with a notice when nothing answers', async () => {
    const ask = askActiveConfig;
    const nobody = await ask();
    expect(nobody.settings).toEqual(defaultSettings());
    expect(nobody.profile).toBe(kartraProfile);
    expect(nobody.notices[0]).toMatch(/could not be loaded \(Error: .+\); defaults are used/);

    await storage.setItem(SETTINGS_KEY, { version: 1, inlineWarnings: false });
    const stop = listen('getConfig', noRequest, () => loadActiveConfig());
    expect(await ask()).toEqual(await loadActiveConfig());
    stop();

    const stopFailing = listen('getConfig', noRequest, () => Promise.reject(new Error('worker gone')));
    const fallback = await ask();
    stopFailing();
    expect(fallback.settings).toEqual(defaultSettings());
    expect(fallback.notices[0]).toContain('worker gone');
  });

  it('tell the content script when the stored settings or override change', async () => {
    let heard = 0;
    const unwatch = watchStoredConfig(() => heard++);
    await storage.setItem(SETTINGS_KEY, defaultSettings());
    await storage.setItem(PROFILE_OVERRIDE_KEY, { name: 'x' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    unwatch();
    await storage.setItem(SETTINGS_KEY, { ...defaultSettings(), inlineWarnings: false });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(heard).toBe(2);
  });
});
