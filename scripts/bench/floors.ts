import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * The floors' extensions: the least an extension built by the same WXT, with the same polyfill
 * module (and for the popup the same Preact and stylesheet), does on the same pages, so the
 * bench measures them as it measures ours, in the same run. What ours takes beyond a floor is its
 * own work. Each is built once under the system's temp folder (a few seconds), with this
 * project's node_modules; each function returns its Chromium build's folder.
 */
/** `files`: paths in the floor's project (its entry points under entrypoints/) to their text. */
function buildFloor(root: string, name: string, files: Record<string, string>, preact = false): string {
  const dir = join(tmpdir(), `kartra-auditor-${name}`);
  // Files from an earlier version of a floor must not end up in this one.
  rmSync(join(dir, 'entrypoints'), { recursive: true, force: true });
  mkdirSync(join(dir, 'entrypoints'), { recursive: true });
  if (!existsSync(join(dir, 'node_modules')))
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  writeFileSync(join(dir, 'package.json'), `{ "name": "${name}", "private": true, "type": "module" }\n`);
  writeFileSync(
    join(dir, 'wxt.config.ts'),
    `${preact ? "import preact from '@preact/preset-vite';\n" : ''}import { defineConfig } from 'wxt';
export default defineConfig({
  manifestVersion: 3,
  modules: ['@wxt-dev/webextension-polyfill'],
  ${preact ? 'vite: () => ({ plugins: [preact()], build: { modulePreload: { polyfill: false } } }),' : ''}
  manifest: { name: '${name}', permissions: ['storage'], host_permissions: ['https://app.kartra.com/*'] },
});
`,
  );
  // An empty background: the harness waits for an extension's worker before it opens pages.
  const all = { 'entrypoints/background.ts': 'export default defineBackground(() => {});\n', ...files };
  for (const [file, text] of Object.entries(all)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  execFileSync(join(root, 'node_modules', '.bin', 'wxt'), ['build'], { cwd: dir, stdio: 'ignore' });
  return join(dir, '.output', 'chrome-mv3');
}

/** An empty content script on every Kartra page. */
export function buildStartupFloor(root: string): string {
  return buildFloor(root, 'startup-floor', {
    'entrypoints/content.ts': `export default defineContentScript({ matches: ['https://app.kartra.com/*'], allFrames: true, main() {} });\n`,
  });
}

/** The element a page holds the popup floor's answer in, as JSON (the bench puts it there). */
export const POPUP_FLOOR_ANSWER_ID = 'kartra-auditor-popup-floor-answer';

/**
 * A popup that asks the tab's content script for the same answer ours gets, through the same
 * messaging library, and draws what ours draws first (the counts, and the first 20 findings of
 * each group it opens first, errors and needs review, with their fixes) with Preact and our
 * popup's stylesheet, validating nothing. The content script hands back the answer the bench put
 * in the page (parsed on the first question, as ours holds its report ready).
 */
export function buildPopupFloor(root: string): string {
  const messaging = `import { defineExtensionMessaging } from '@webext-core/messaging';
export const { sendMessage, onMessage } = defineExtensionMessaging<{ getReport(request: unknown): any }>();
`;
  return buildFloor(
    root,
    'popup-floor',
    {
      'messaging.ts': messaging,
      'entrypoints/content.ts': `import { onMessage } from '../messaging';
export default defineContentScript({
  matches: ['https://app.kartra.com/*'],
  main() {
    let answer: unknown = null;
    onMessage('getReport', () =>
      (answer ??= JSON.parse(document.getElementById('${POPUP_FLOOR_ANSWER_ID}')?.textContent ?? 'null')),
    );
  },
});
`,
      'entrypoints/popup/index.html': `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>popup floor</title></head>
  <body><div id="app"></div><script type="module" src="./main.tsx"></script></body>
</html>
`,
      'entrypoints/popup/main.tsx': `import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { sendMessage } from '../../messaging';
import '${join(root, 'entrypoints', 'popup', 'popup.css')}';

const tabId = Number(new URLSearchParams(location.search).get('tabId'));
const answer = sendMessage('getReport', { withPage: false, withTimeline: false }, { tabId, frameId: 0 });

function Floor() {
  const [report, setReport] = useState<any>(null);
  useEffect(() => void answer.then((a: any) => setReport(a.report)), []);
  if (!report) return <p>Reading…</p>;
  const { counts } = report;
  // The groups the popup opens first: the errors and what needs review, 20 findings each.
  const open = [
    ['Errors', report.findings.filter((f: any) => f.kind === 'fail' && f.severity === 'error')],
    ['Needs review', report.findings.filter((f: any) => f.kind === 'review')],
  ] as const;
  return (
    <main>
      <ul class="counts">
        <li>{counts.error} errors</li>
        <li>{counts.warning} warnings</li>
        <li>{counts.info} tips</li>
        <li>{counts.review} to review</li>
      </ul>
      {open.map(([title, findings]) => (
        <details open key={title}>
          <summary>{title} ({findings.length})</summary>
          <ul>
            {findings.slice(0, 20).map((f: any) => (
              <li key={f.ruleId + f.steps.join()}>
                <p>{f.message}</p>
                <p>{f.fix}</p>
              </li>
            ))}
          </ul>
        </details>
      ))}
    </main>
  );
}
render(<Floor />, document.getElementById('app') as HTMLElement);
`,
    },
    true,
  );
}
