import type { KartraProfile } from '../../kartra/profile';
import { pageKindOf } from '../../reader/page-kind';

/**
 * The content script's loader's one decision: whether the page at `url` is one the profile
 * recognises as a sequence editor or the sequence list (then the audit module is imported).
 */
export function isAuditedPage(url: string, profile: KartraProfile): boolean {
  return pageKindOf(url, profile) !== 'other';
}
