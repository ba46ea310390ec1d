import { type KartraProfile, kartraProfile } from '../kartra/profile';
import type { PageModel } from '../model';
import { collectList, collectScene } from './collect';
import { interpretScene } from './interpret';
import { interpretList } from './interpret-list';
import { regExp } from './text';

export { collectList, collectScene } from './collect';
export { interpretScene } from './interpret';
export { interpretList } from './interpret-list';
export { mergeTabs } from './merge-tabs';

export type PageKind = 'editor' | 'list' | 'other';

export function pageKindOf(url: string, profile: KartraProfile = kartraProfile): PageKind {
  let pathname: string;
  try {
    pathname = new URL(url).pathname;
  } catch {
    return 'other';
  }
  if (regExp(profile.urls.editorPath).test(pathname)) return 'editor';
  if (regExp(profile.urls.listPath).test(pathname)) return 'list';
  return 'other';
}

/**
 * Reads whatever Kartra page is showing into a PageModel. It never throws: a page it cannot
 * make sense of is 'unrecognised' (on an editor URL) or carries diagnostics (on the list).
 */
export function readPage(document: Document, url: string, profile: KartraProfile = kartraProfile): PageModel {
  const kind = pageKindOf(url, profile);
  try {
    if (kind === 'editor') return interpretScene(collectScene(document, profile), profile, url);
    if (kind === 'list') return interpretList(collectList(document, profile), profile, url);
    return { kind: 'other', url };
  } catch (error) {
    const found = error instanceof Error ? error.message : String(error);
    if (kind === 'list')
      return {
        kind: 'list',
        url,
        rows: [],
        diagnostics: [{ where: 'page', expected: 'a readable sequence list', found }],
      };
    return {
      kind: 'unrecognised',
      url,
      missing: [`a builder page the reader could read (it failed: ${found})`],
    };
  }
}
