import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ActiveConfig } from '../messaging/active-config';

/**
 * The content script in two parts. The one the manifest lists (entrypoints/content.ts, the
 * loader) runs on every Kartra page and only decides from the address whether the page is a
 * sequence; the audit module (entrypoints/audit.ts: the reader, the rules, the overlay) is
 * imported from the package when it is, so the other pages never evaluate it.
 */

/**
 * Where the build writes the audit module: an unlisted script that wxt.config.ts builds as an
 * ES module and lists in `web_accessible_resources` (a content script's `import()` is fetched
 * for the page's origin).
 */
export const AUDIT_MODULE_PATH = '/audit.js';

/** What the audit module's default export gives the loader. */
export interface AuditModule {
  /**
   * Audits this page from now on (what the content script did on a sequence page), with the
   * configuration the loader was given and the loader's WXT context (its invalidation stops the
   * audit and removes the overlay). Resolves once the page's messages are answered here.
   */
  start(ctx: ContentScriptContext, config: ActiveConfig): Promise<void>;
}
