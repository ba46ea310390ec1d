import type { CDPSession, Page } from '@playwright/test';
import { AUDIT_MODULE_PATH } from '../../lib/extension/content/audit-module';
import { loadEditorSpec } from '../fixtures/sequences/fixtures';
import { replicaHtml } from '../replica/page';
import { expect, test } from './extension-fixture';

/**
 * The content script is a loader (lib/extension/content/audit-module.ts): on a Kartra page that is not a
 * sequence it never imports the audit module; once the app navigates to a sequence it does, in
 * the content script's own isolated world, and the audit runs. What the page's V8 parsed, and
 * in which world, is read over CDP (Debugger.scriptParsed, Runtime.executionContextCreated).
 */

interface ParsedScript {
  url: string;
  contextId: number;
}

interface Watched {
  cdp: CDPSession;
  scripts: ParsedScript[];
  /** Execution contexts by id: their kind (the page's own world or an isolated one) and name. */
  contexts: Map<number, { type: string; name: string }>;
}

async function watchScripts(page: Page): Promise<Watched> {
  const cdp = await page.context().newCDPSession(page);
  const scripts: ParsedScript[] = [];
  const contexts = new Map<number, { type: string; name: string }>();
  cdp.on('Runtime.executionContextCreated', ({ context }) =>
    contexts.set(context.id, { type: String(context.auxData?.type), name: context.name }),
  );
  cdp.on('Debugger.scriptParsed', (script) => {
    if (script.url) scripts.push({ url: script.url, contextId: script.executionContextId });
  });
  await cdp.send('Runtime.enable');
  await cdp.send('Debugger.enable');
  return { cdp, scripts, contexts };
}

const isAuditModule = (script: ParsedScript) => new URL(script.url).pathname === AUDIT_MODULE_PATH;
const isLoader = (script: ParsedScript) => script.url.endsWith('/content-scripts/content.js');

test('a page that is not a sequence never loads the audit module; the app navigating to one loads it, in the content script world, and audits', async ({
  kartra,
  reports,
}) => {
  const spec = loadEditorSpec('step-inactive.fires');
  const editorPath = new URL(kartra.serve(spec)).pathname;
  const page = await kartra.context.newPage();
  // Kartra's app shows a sequence without a page load: the builder is on a page whose address
  // the app then changes to the sequence's (History API), as it does moving between its pages.
  await page.route('https://app.kartra.com/home', async (route) =>
    route.fulfill({ contentType: 'text/html', body: await replicaHtml(spec) }),
  );
  const watched = await watchScripts(page);
  await page.goto('https://app.kartra.com/home');
  await page.locator('.js_sequence_builder').waitFor();

  // The loader ran and decided: it told the background this page has nothing to audit.
  await expect.poll(() => reports.frameKinds(page)).toEqual(['other']);
  expect(watched.scripts.filter(isLoader)).toHaveLength(1);
  expect(watched.scripts.filter(isAuditModule)).toEqual([]);
  await expect(page.locator('kartra-auditor-ui')).toHaveCount(0);

  await page.evaluate((path) => {
    (window as unknown as { kartraPageSecret: string }).kartraPageSecret = 'the page’s own';
    history.pushState({}, '', path);
  }, editorPath);
  // The audit ran: its overlay shows the inactive step's badge.
  await expect(page.locator('kartra-auditor-ui').getByRole('button', { name: /^Step 2:/ })).toBeVisible();

  const [module] = watched.scripts.filter(isAuditModule);
  const [loader] = watched.scripts.filter(isLoader);
  if (!module || !loader) throw new Error('The loader or the audit module was not parsed');
  // Imported once, into the loader's own world: the extension's isolated one.
  expect(watched.scripts.filter(isAuditModule)).toHaveLength(1);
  expect(module.contextId).toBe(loader.contextId);
  expect(watched.contexts.get(module.contextId)).toEqual({
    type: 'isolated',
    name: 'Kartra Sequence Auditor',
  });
  const seen = await watched.cdp.send('Runtime.evaluate', {
    contextId: module.contextId,
    expression: 'JSON.stringify([typeof kartraPageSecret, typeof chrome.runtime.id])',
    returnByValue: true,
  });
  // That world sees none of the page's globals, and has the extension's API.
  expect(JSON.parse(String(seen.result.value))).toEqual(['undefined', 'string']);
  await watched.cdp.detach();
});
