import { kartraProfile } from '../../kartra/profile';
import { defaultSettings } from '../../settings/settings';
import type { ActiveConfig } from '../messaging/active-config';
import { sendMessage } from '../messaging/messenger';
import { LOG_PREFIX } from './log';

/**
 * Asks the background for the validated configuration (`ask` sends getConfig, messages.ts). If
 * it does not answer (it failed, or is not listening yet), the defaults and the built-in
 * profile are used, with a notice.
 */
export async function requestActiveConfig(ask: () => Promise<ActiveConfig>): Promise<ActiveConfig> {
  let problem: string;
  try {
    return await ask();
  } catch (error) {
    problem = String(error);
  }
  return {
    settings: defaultSettings(),
    profile: kartraProfile,
    profileSource: 'built-in',
    accepted: {},
    notices: [
      `The settings, profile and accepted findings could not be loaded (${problem}); defaults are used and none is accepted.`,
    ],
  };
}

/** The content script's configuration, validated by the background (getConfig), or the defaults. */
export function askActiveConfig(): Promise<ActiveConfig> {
  return requestActiveConfig(() => sendMessage('getConfig'));
}

/** askActiveConfig as the frame's page loads: the background also records the new visit (pageOpened). */
export function announcePage(): Promise<ActiveConfig> {
  return requestActiveConfig(() => sendMessage('pageOpened'));
}

/** Says in the page's console why a stored setting or profile was not used. */
export function warnNotices(config: ActiveConfig): ActiveConfig {
  for (const notice of config.notices) console.warn(LOG_PREFIX, notice);
  return config;
}
