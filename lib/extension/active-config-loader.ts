import type { ActiveConfig } from './active-config';
import { loadActiveProfile } from './profile-store';
import { loadSettings } from './settings-store';

/** The background's answer to GetConfigMessage: stored settings and override, validated. */
export async function loadActiveConfig(): Promise<ActiveConfig> {
  const [loaded, active] = await Promise.all([loadSettings(), loadActiveProfile()]);
  return {
    settings: loaded.settings,
    profile: active.profile,
    profileSource: active.source,
    notices: [loaded.notice, active.notice].filter((notice): notice is string => notice !== null),
  };
}
