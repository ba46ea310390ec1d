import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// The extension is a guest on Kartra: it asks for storage only and runs on app.kartra.com only.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: {
    name: 'Kartra Sequence Auditor',
    description:
      'Finds the silent mistakes in Kartra email sequences (paused sequences, inactive steps, missing lines, past dates) and shows the fix.',
    permissions: ['storage'],
    host_permissions: ['https://app.kartra.com/*'],
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'",
    },
  },
});
