import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The start-up floor's extension: an empty content script on the same pages, built by the same
 * WXT with the same polyfill module, so the bench measures it as it measures ours, in the same
 * run. What ours takes beyond it is the loader's own work. Built once under the system's temp
 * folder (about 2 s), with this project's node_modules; returns its Chromium build's folder.
 */
export function buildStartupFloor(root: string): string {
  const dir = join(tmpdir(), 'kartra-auditor-startup-floor');
  mkdirSync(join(dir, 'entrypoints'), { recursive: true });
  if (!existsSync(join(dir, 'node_modules')))
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  writeFileSync(
    join(dir, 'package.json'),
    '{ "name": "startup-floor", "private": true, "type": "module" }\n',
  );
  writeFileSync(
    join(dir, 'wxt.config.ts'),
    `import { defineConfig } from 'wxt';
export default defineConfig({
  manifestVersion: 3,
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: { name: 'start-up floor', permissions: ['storage'], host_permissions: ['https://app.kartra.com/*'] },
});
`,
  );
  writeFileSync(
    join(dir, 'entrypoints', 'content.ts'),
    `export default defineContentScript({ matches: ['https://app.kartra.com/*'], allFrames: true, main() {} });\n`,
  );
  // An empty background too: the harness waits for an extension's worker before it opens pages.
  writeFileSync(join(dir, 'entrypoints', 'background.ts'), 'export default defineBackground(() => {});\n');
  execFileSync(join(root, 'node_modules', '.bin', 'wxt'), ['build'], { cwd: dir, stdio: 'ignore' });
  return join(dir, '.output', 'chrome-mv3');
}
