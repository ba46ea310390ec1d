import type { KartraProfile } from './profile-types';

/** Where Kartra's app lives: the one host the extension runs on. */
const KARTRA_APP_ORIGIN = 'https://app.kartra.com';

/**
 * The address of a sequence's editor, made from the profile's editor path pattern
 * (`^/marketing/sequences/edit/([A-Za-z0-9_-]+)/?$`) with the id in its capture group; null when
 * the pattern is not that simple or the id is not one it matches, so no odd text becomes a link.
 */
export function editorUrl(profile: Pick<KartraProfile, 'urls'>, id: string): string | null {
  const pattern = profile.urls.editorPath;
  const path = pattern
    .replace(/^\^/, '')
    .replace(/\/?\?\$$|\$$/, '')
    .replace(/\([^()]*\)/, encodeURIComponent(id));
  if (!path.startsWith('/') || !new RegExp(pattern).test(path)) return null;
  return `${KARTRA_APP_ORIGIN}${path}`;
}
