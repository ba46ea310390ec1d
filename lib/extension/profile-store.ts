import { storage } from '@wxt-dev/storage';
import { type KartraProfile, kartraProfile } from '../kartra/profile';

export { SELECTOR_PATHS, valueAt } from '../kartra/selector-paths';

/**
 * The profile override: a profile JSON a user pasted on the options page (Advanced), stored in
 * local storage and used instead of the built-in profile until reset. The options page validates
 * it with the zod schema before storing it (see profile-validation.ts); this file runs in the
 * content script, which must not bundle zod, so it only re-checks the shape against the
 * built-in profile: a stored value from an older version, or one written by hand, then falls
 * back to the built-in profile instead of breaking the reader.
 */

export const PROFILE_OVERRIDE_KEY = 'local:profileOverride';

export const profileOverrideItem = storage.defineItem<unknown>(PROFILE_OVERRIDE_KEY, { fallback: null });

export interface ActiveProfile {
  profile: KartraProfile;
  source: 'built-in' | 'override';
  /** Set when a stored override was unusable and the built-in profile is used instead. */
  notice: string | null;
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  return typeof value;
}

/**
 * The first place where `value` does not have the shape of `template` (same keys, same kinds
 * of values, array items shaped like the template's first item), as "path: expected X", or null
 * when it matches. Cheap enough for the content script; not a replacement for the schema.
 */
export function shapeMismatch(template: unknown, value: unknown, path = ''): string | null {
  const where = path || 'profile';
  const expected = kindOf(template);
  const found = kindOf(value);
  if (expected !== found)
    return `${where}: expected ${expected === 'object' ? 'an object' : `a ${expected}`}, found ${found}`;
  if (Array.isArray(template) && Array.isArray(value)) {
    const item = template[0];
    if (item === undefined) return null;
    for (const [index, entry] of value.entries()) {
      const problem = shapeMismatch(item, entry, `${path}[${index}]`);
      if (problem) return problem;
    }
    return null;
  }
  if (expected === 'object') {
    const object = value as Record<string, unknown>;
    for (const [key, child] of Object.entries(template as Record<string, unknown>)) {
      const problem = shapeMismatch(child, object[key], path ? `${path}.${key}` : key);
      if (problem) return problem;
    }
  }
  return null;
}

/** The profile to read pages with, given the stored override (null when none is stored). */
export function interpretStoredProfile(raw: unknown, builtIn: KartraProfile = kartraProfile): ActiveProfile {
  if (raw === null || raw === undefined) return { profile: builtIn, source: 'built-in', notice: null };
  const problem = shapeMismatch(builtIn, raw);
  if (problem === null) return { profile: raw as KartraProfile, source: 'override', notice: null };
  return {
    profile: builtIn,
    source: 'built-in',
    notice: `The saved profile override could not be used (${problem}), so the built-in profile is used. Load a corrected profile or reset it on the options page.`,
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

/** Stores an override; the caller has validated it with the schema (profile-validation.ts). */
export function saveProfileOverride(profile: KartraProfile): Promise<void> {
  return profileOverrideItem.setValue(profile);
}

/** Back to the built-in profile. */
export function resetProfileOverride(): Promise<void> {
  return profileOverrideItem.removeValue();
}
