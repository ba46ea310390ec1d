import type { KartraProfile } from '../kartra/profile-types';

export type PageKind = 'editor' | 'list' | 'other';

/**
 * What the page at `url` is, by the profile's addresses. On its own, apart from the reader, so
 * the content script's loader (which decides this on every Kartra page) carries nothing else.
 */
export function pageKindOf(url: string, profile: KartraProfile): PageKind {
  let pathname: string;
  try {
    pathname = new URL(url).pathname;
  } catch {
    return 'other';
  }
  if (new RegExp(profile.urls.editorPath).test(pathname)) return 'editor';
  if (new RegExp(profile.urls.listPath).test(pathname)) return 'list';
  return 'other';
}
