import type { InlineConfig } from 'vite';
import type { Entrypoint, TargetBrowser } from 'wxt';
import { AUDIT_MODULE_PATH } from '../lib/extension/content/audit-module';

/**
 * How wxt.config.ts builds the content script's audit module (lib/extension/content/audit-module.ts).
 * WXT has no ES-module content scripts (wxt-dev/wxt#357): the audit module is an unlisted
 * script (entrypoints/audit.ts) that WXT builds with the content script's own pipeline, and
 * this switches that one build from WXT's classic script to an ES module the loader can
 * `import()`.
 */

/** The one origin the extension runs on (its host permission and content script matches). */
export const KARTRA_MATCHES = ['https://app.kartra.com/*'];

/** The audit module's file in the package, and the unlisted script WXT builds it from. */
export const AUDIT_MODULE_FILE = AUDIT_MODULE_PATH.replace(/^\//, '');
const AUDIT_ENTRYPOINT = AUDIT_MODULE_FILE.replace(/\.js$/, '');

export interface WebAccessibleResource {
  resources: string[];
  matches: string[];
  use_dynamic_url?: boolean;
}

/**
 * The manifest's `web_accessible_resources` entry of the audit module. A content script's
 * `import()` is fetched for the page it runs in, so the module must be web-accessible; to
 * app.kartra.com only, the pages the content script runs on. In Chrome through a dynamic URL
 * (`use_dynamic_url`: an id that changes every browser session, which `runtime.getURL` gives,
 * so a page cannot probe a fixed address to learn the extension is installed). Firefox's
 * extension addresses are random per install already, and it does not take the key.
 */
export function auditModuleResource(browser: TargetBrowser): WebAccessibleResource {
  return {
    resources: [AUDIT_MODULE_FILE],
    matches: KARTRA_MATCHES,
    ...(browser !== 'firefox' && { use_dynamic_url: true }),
  };
}

/**
 * For WXT's `vite:build:extendConfig` hook: the audit module's build (one build per unlisted
 * script) made an ES module, minified like the rest (Vite leaves an ES library's whitespace to
 * its users' bundlers; this one goes to the browser as it is).
 */
export function buildAuditModuleAsEsModule(entrypoints: readonly Entrypoint[], config: InlineConfig): void {
  const isAuditModule = entrypoints.some(
    (entrypoint) => entrypoint.type === 'unlisted-script' && entrypoint.name === AUDIT_ENTRYPOINT,
  );
  if (!isAuditModule) return;
  const lib = config.build?.lib;
  const output = config.build?.rollupOptions?.output;
  if (!lib || !output || Array.isArray(output))
    throw new Error(`The audit module's build (${AUDIT_ENTRYPOINT}) is not the library build WXT made it`);
  lib.formats = ['es'];
  Object.assign(output, { minify: true });
}
