import { storage } from '@wxt-dev/storage';
import { type KartraProfile, kartraProfile } from '../kartra/profile';
import { defaultSettings, type Settings } from '../settings';

/**
 * What the content script reads pages with: the settings and the profile (the built-in one, or
 * the user's override merged over it). Both are validated by the one zod/mini validation
 * (settings-schema.ts, profile-validation.ts) in the background, which answers
 * GetConfigMessage; the content script itself carries no validator, so its size stays what
 * the reader and the rules need (zod/mini alone would add about 8 KB gzip to it).
 *
 * This file holds no zod: the content script imports it.
 */

export const SETTINGS_KEY = 'sync:settings';
export const PROFILE_OVERRIDE_KEY = 'local:profileOverride';

export interface ActiveConfig {
  settings: Settings;
  profile: KartraProfile;
  profileSource: 'built-in' | 'override';
  /** Why a stored value was not used (defaults or the built-in profile instead). */
  notices: string[];
}

/** Content script → background: the validated settings and profile. */
export interface GetConfigMessage {
  type: 'kartra-auditor:get-config';
}

export const GET_CONFIG: GetConfigMessage = { type: 'kartra-auditor:get-config' };

export function isGetConfigMessage(message: unknown): message is GetConfigMessage {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { type?: unknown }).type === GET_CONFIG.type
  );
}

/** The background's answer carries what the background made; only its outline is checked here. */
function isActiveConfig(value: unknown): value is ActiveConfig {
  if (typeof value !== 'object' || value === null) return false;
  const config = value as Partial<ActiveConfig>;
  return (
    typeof config.settings === 'object' &&
    config.settings !== null &&
    typeof config.profile === 'object' &&
    config.profile !== null &&
    Array.isArray(config.notices)
  );
}

/**
 * Asks the background for the validated configuration. If it does not answer (it failed, or an
 * older version is still running), the defaults and the built-in profile are used, with a notice.
 */
export async function requestActiveConfig(
  send: (message: GetConfigMessage) => Promise<unknown>,
): Promise<ActiveConfig> {
  let problem: string;
  try {
    const answer = await send(GET_CONFIG);
    if (isActiveConfig(answer)) return answer;
    problem = 'no answer';
  } catch (error) {
    problem = String(error);
  }
  return {
    settings: defaultSettings(),
    profile: kartraProfile,
    profileSource: 'built-in',
    notices: [`The settings and profile could not be loaded (${problem}); defaults are used.`],
  };
}

/** Calls `onChange` when the stored settings or profile override change. */
export function watchStoredConfig(onChange: () => void): () => void {
  const unwatch = [storage.watch(SETTINGS_KEY, onChange), storage.watch(PROFILE_OVERRIDE_KEY, onChange)];
  return () => {
    for (const stop of unwatch) stop();
  };
}
