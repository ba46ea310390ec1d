import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { auditModuleResource, buildAuditModuleAsEsModule, KARTRA_MATCHES } from './config/audit-module-build';

const TOOLBAR_ICONS = { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png' };

// The extension is a guest on Kartra: it asks for storage only and runs on app.kartra.com only.
export default defineConfig({
  // Manifest V3 for Firefox too (WXT would default to V2 there): one code path, `browser.action`
  // for the toolbar badge in every browser. Firefox runs MV3 background scripts (not a service
  // worker; WXT writes `background.scripts`) and grants MV3 host permissions at install since 127.
  manifestVersion: 3,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
    // Vite's modulepreload polyfill is the only `fetch` the build would hold; every browser the
    // extension runs in (Chrome, Firefox 115+) preloads modules natively.
    build: { modulePreload: { polyfill: false } },
  }),
  // The content script's audit module, imported by its loader: an ES module (see the helper).
  hooks: { 'vite:build:extendConfig': buildAuditModuleAsEsModule },
  // The Firefox sources zip (for the add-on review) holds the project, not local test output.
  zip: { excludeSources: ['test-results/**', 'playwright-report/**', '.wxt/**'] },
  manifest: ({ browser }) => ({
    name: 'Kartra Sequence Auditor',
    description:
      'Finds the silent mistakes in Kartra email sequences (paused sequences, inactive steps, missing lines, past dates) and shows the fix.',
    permissions: ['storage'],
    host_permissions: KARTRA_MATCHES,
    // The audit module, for Kartra's pages only (docs/privacy.md): no permission comes with it.
    web_accessible_resources: [auditModuleResource(browser)],
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'",
    },
    // The toolbar icon; WXT adds public/icon/* to `icons` itself.
    action: { default_icon: TOOLBAR_ICONS },
    // Firefox needs a stable add-on id (storage survives updates) and the data-collection
    // statement: the extension collects nothing (docs/privacy.md).
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'kartra-sequence-auditor@kartra-auditor.dev',
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
  }),
});
