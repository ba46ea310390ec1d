import type { ActiveConfig } from '../messaging/active-config';
import { loadAccepted } from '../storage/accepted-store';
import { loadActiveProfile } from '../storage/profile-store';
import { loadSettings } from '../storage/settings-store';

/** The background's answer to GetConfigMessage: stored settings and override, validated. */
export async function loadActiveConfig(): Promise<ActiveConfig> {
  const [loaded, active, accepted] = await Promise.all([loadSettings(), loadActiveProfile(), loadAccepted()]);
  return {
    settings: loaded.settings,
    profile: active.profile,
    profileSource: active.source,
    accepted: accepted.accepted,
    notices: [loaded.notice, active.notice, accepted.notice].filter(
      (notice): notice is string => notice !== null,
    ),
  };
}
