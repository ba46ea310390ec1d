import { storage } from '@wxt-dev/storage';
import { type KartraProfile, kartraProfile } from '../../kartra/profile';
import { validateProfileOverride } from '../../kartra/profile-validation';
import { PROFILE_OVERRIDE_KEY } from '../messaging/active-config';

export { SELECTOR_PATHS, valueAt } from '../../kartra/selector-paths';

/**
 * The profile override: a profile JSON a user pasted on the options page (Advanced), stored in
 * local storage as given and used until reset. It may hold only what differs from the built-in
 * profile. Every reader of the stored value (content script, options page) validates it with
 * the same zod/mini schema, merged over the built-in profile (profile-validation.ts): a stored
 * value from an older version, or one written by hand, that does not validate falls back to the
 * built-in profile instead of breaking the reader.
 */

export const profileOverrideItem = storage.defineItem<unknown>(PROFILE_OVERRIDE_KEY, { fallback: null });

export interface ActiveProfile {
  profile: KartraProfile;
  source: 'built-in' | 'override';
  /** Set when a stored override was unusable and the built-in profile is used instead. */
  notice: string | null;
}

/** The profile to read pages with, given the stored override (null when none is stored). */
export function interpretStoredProfile(raw: unknown, builtIn: KartraProfile = kartraProfile): ActiveProfile {
  if (raw === null || raw === undefined) return { profile: builtIn, source: 'built-in', notice: null };
  const result = validateProfileOverride(raw, undefined, builtIn);
  if (result.ok) return { profile: result.profile, source: 'override', notice: null };
  const problems = result.problems.slice(0, 3).join('; ');
  const more = result.problems.length > 3 ? ` and ${result.problems.length - 3} more` : '';
  return {
    profile: builtIn,
    source: 'built-in',
    notice: `The saved profile override could not be used (${problems}${more}), so the built-in profile is used. Load a corrected profile or reset it on the options page.`,
  };
}

export async function loadActiveProfile(): Promise<ActiveProfile> {
  try {
    return interpretStoredProfile(await profileOverrideItem.getValue());
  } catch (error) {
    return {
      profile: kartraProfile,
      source: 'built-in',
      notice: `The profile override could not be loaded (${String(error)}); the built-in profile is used.`,
    };
  }
}

export function watchActiveProfile(onChange: (active: ActiveProfile) => void): () => void {
  return profileOverrideItem.watch((raw) => onChange(interpretStoredProfile(raw)));
}

/** Stores an override, whole or partial; the caller has validated it (profile-validation.ts). */
export function saveProfileOverride(override: unknown): Promise<void> {
  return profileOverrideItem.setValue(override);
}

/** Back to the built-in profile. */
export function resetProfileOverride(): Promise<void> {
  return profileOverrideItem.removeValue();
}
