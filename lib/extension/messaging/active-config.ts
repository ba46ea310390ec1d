import { storage } from '@wxt-dev/storage';
import type { AcceptedBySequence } from '../../accepted/accepted';
import type { KartraProfile } from '../../kartra/profile';
import type { Settings } from '../../settings/settings';

/**
 * What the content script reads pages with: the settings and the profile (the built-in one, or
 * the user's override merged over it). Both are validated by the one zod/mini validation
 * (settings-schema.ts, profile-validation.ts) in the background, which answers getConfig
 * (messages.ts); the content script itself carries no validator, so its size stays what
 * the reader and the rules need (zod/mini alone would add about 8 KB gzip to it).
 *
 * The content scripts import only its types: they ask for the configuration with ask-config.ts,
 * and the background tells them when it changed (watchStoredConfig, `storedChanged`), so they
 * carry neither zod nor @wxt-dev/storage.
 */

export const SETTINGS_KEY = 'sync:settings' as const;
export const PROFILE_OVERRIDE_KEY = 'local:profileOverride' as const;
export const ACCEPTED_KEY = 'local:acceptedFindings' as const;

export interface ActiveConfig {
  settings: Settings;
  profile: KartraProfile;
  profileSource: 'built-in' | 'override';
  /** The findings the user accepted, by sequence id (accepted-store.ts). */
  accepted: AcceptedBySequence;
  /** Why a stored value was not used (defaults or the built-in profile instead). */
  notices: string[];
}

/** Calls `onChange` when the stored settings, profile override or accepted findings change (in the background). */
export function watchStoredConfig(onChange: () => void): () => void {
  const keys = [SETTINGS_KEY, PROFILE_OVERRIDE_KEY, ACCEPTED_KEY] as const;
  const unwatch = keys.map((key) => storage.watch(key, onChange));
  return () => {
    for (const stop of unwatch) stop();
  };
}
