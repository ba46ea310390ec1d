import type { Page } from '@playwright/test';
import { kartraProfile } from '../../lib/kartra/profile';
import { loadEditorSpec } from '../fixtures/sequences/fixtures';
import type { KartraSession } from '../harness';
import type { ExtensionReports } from '../support/extension-report';
import { messengerScript, type PageMessenger } from '../support/messenger-script';
import { expect, test } from './extension-fixture';

/**
 * Bad state never breaks the auditor or the builder: corrupted or outdated settings fall back to
 * the defaults with a notice, junk messages are ignored, and an exception inside the extension
 * is caught, logged with the prefix, and shown in the popup while the builder keeps working.
 */

const PREFIX = '[Kartra Auditor]';

interface ChromeApi {
  storage: {
    sync: { set(items: object): Promise<void>; remove(key: string): Promise<void> };
    local: { set(items: object): Promise<void>; remove(key: string): Promise<void> };
  };
  tabs: { sendMessage(tabId: number, message: unknown): Promise<unknown> };
  runtime: { sendMessage(message: unknown): Promise<unknown>; lastError?: unknown };
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
}
/** The extension API inside extension pages (evaluated there, so no Node-side helper can be used). */
declare const chrome: ChromeApi;
declare const kartraAuditor: PageMessenger['kartraAuditor'];

async function extensionPage(kartra: KartraSession, path = 'options.html'): Promise<Page> {
  const page = await kartra.context.newPage();
  await page.goto(`chrome-extension://${kartra.extensionId}/${path}`);
  return page;
}

async function openPopup(kartra: KartraSession, reports: ExtensionReports, page: Page): Promise<Page> {
  const tabId = await reports.tabIdOf(page);
  return extensionPage(kartra, `popup.html?tabId=${tabId}`);
}

const CORRUPT_SETTINGS: [string, unknown][] = [
  ['a string', 'not settings at all'],
  ['a number', 42],
  ['an array', [1, 2, 3]],
  [
    'an unknown version',
    { version: 99, rules: { 'step-inactive': { enabled: false } }, inlineWarnings: false },
  ],
  ['wrong types', { version: 1, tooManyEmailsLimit: 'ten', inlineWarnings: 'yes', testAddress: 7 }],
  [
    'garbage rules',
    { version: 1, rules: { 'step-inactive': { enabled: 'no', severity: 'fatal' }, x: null } },
  ],
  ['garbage rules list', { version: 1, rules: ['step-inactive'] }],
];

for (const [what, raw] of CORRUPT_SETTINGS) {
  test(`settings stored as ${what} fall back to defaults with a notice, and the audit still runs`, async ({
    kartra,
    reports,
  }) => {
    const options = await extensionPage(kartra);
    await options.evaluate(async (value) => chrome.storage.sync.set({ settings: value }), raw);
    try {
      await options.reload();
      await expect(
        options.getByRole('alert').filter({ hasText: /could not be read|could not be loaded/ }),
      ).toBeVisible();
      // The defaults are what the form shows: inline warnings on.
      await expect(options.getByRole('checkbox').first()).toBeVisible();

      const page = await kartra.openSpec(loadEditorSpec('step-inactive.fires'));
      // Defaults: step-inactive runs (the corrupt value tried to switch it off) and badges show.
      const { report } = await reports.waitFor(page, (latest) =>
        latest.findings.some((finding) => finding.ruleId === 'step-inactive'),
      );
      expect(report?.counts.error).toBeGreaterThan(0);
      await expect(page.locator('kartra-auditor-ui').getByRole('button').first()).toBeVisible();
      const popup = await openPopup(kartra, reports, page);
      await expect(
        popup.getByRole('alert').filter({ hasText: /could not be read|could not be loaded/ }),
      ).toBeVisible();
      await expect(popup.locator('.finding').first()).toBeVisible();
    } finally {
      await options.evaluate(async () => chrome.storage.sync.remove('settings'));
    }
  });
}

/** Messages outside the protocol's wire format, raw through the extension API: ignored. */
const JUNK: unknown[] = [
  null,
  42,
  'kartra-auditor:get-report',
  'getReport',
  [],
  {},
  { type: 'kartra-auditor:unknown' },
  { type: 'kartra-auditor:get-report', withPage: true },
  { type: 'getReport', data: { withPage: true } },
  { type: 'getReport', data: { withPage: true }, timestamp: 'now' },
  { type: { nested: true }, timestamp: 1 },
  { __proto__: { type: 'getReport', timestamp: 1 } },
];

/**
 * The protocol's messages, sent with the protocol's own sendMessage, carrying what they may
 * not: the receiver that listens refuses each (its sender gets the validation error), the
 * other does not answer. `to` names the receiver that listens.
 */
const BAD_REQUESTS: { type: string; data: unknown; to: 'tab' | 'worker' }[] = [
  { type: 'getReport', data: { withPage: 'yes' }, to: 'tab' },
  { type: 'getReport', data: 'withPage', to: 'tab' },
  { type: 'locateStep', data: undefined, to: 'tab' },
  { type: 'locateStep', data: 'x'.repeat(10_000), to: 'tab' },
  { type: 'locateStep', data: { toString: 'boom' }, to: 'tab' },
  { type: 'exportStructure', data: { everything: true }, to: 'tab' },
  { type: 'reportChanged', data: { kind: 'editor', badge: 'ERR', newVisit: true }, to: 'worker' },
  { type: 'reportChanged', data: { kind: 'editor', badge: { text: 5, color: null } }, to: 'worker' },
  { type: 'reportChanged', data: { kind: 'page', badge: { text: 'X', color: '#000' } }, to: 'worker' },
  { type: 'getConfig', data: { profile: 'mine' }, to: 'worker' },
  { type: 'pageOpened', data: { url: 'https://example.com/' }, to: 'worker' },
];

test('junk messages to the content script and the worker are ignored or refused, and later ones still answered', async ({
  kartra,
  reports,
}) => {
  const page = await kartra.openSpec(loadEditorSpec('step-inactive.fires'));
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && message.text().startsWith(PREFIX)) errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  const { report } = await reports.waitFor(page);
  const tabId = await reports.tabIdOf(page);
  const sender = await extensionPage(kartra);
  const answers = await sender.evaluate(
    async ({ id, junk }) => {
      const out: string[] = [];
      for (const message of junk) {
        // Each junk message, to the tab and to the worker; an answer of undefined means ignored.
        const toTab = await chrome.tabs
          .sendMessage(id, message)
          .then((answer) => `tab: ${JSON.stringify(answer) ?? 'undefined'}`)
          .catch((error: Error) => `tab threw: ${error.message}`);
        const toWorker = await chrome.runtime
          .sendMessage(message)
          .then((answer) => `worker: ${JSON.stringify(answer) ?? 'undefined'}`)
          .catch((error: Error) => `worker threw: ${error.message}`);
        out.push(`${toTab} | ${toWorker}`);
      }
      return out;
    },
    { id: tabId, junk: JUNK },
  );
  for (const answer of answers) {
    // Ignored means no answer: Chrome reports "port closed before a response" or undefined.
    expect(answer).toMatch(/^tab: undefined|^tab threw: .*(port closed|Receiving end)/);
    expect(answer).toMatch(/worker: undefined|worker threw: .*(port closed|Receiving end)/);
  }

  await sender.evaluate(messengerScript());
  const refusals = await sender.evaluate(
    async ({ id, bad }) => {
      // The data is what the protocol's types forbid: sent as any, as a buggy or hostile page would.
      const send = kartraAuditor.sendMessage as (...args: unknown[]) => Promise<unknown>;
      const outcome = (promise: Promise<unknown>) =>
        promise.then(
          (answer) => `answered ${JSON.stringify(answer) ?? 'undefined'}`,
          (error: Error) => `threw ${error.message}`,
        );
      const out: { tab: string; worker: string }[] = [];
      for (const { type, data } of bad)
        out.push({ tab: await outcome(send(type, data, id)), worker: await outcome(send(type, data)) });
      return out;
    },
    { id: tabId, bad: BAD_REQUESTS },
  );
  // No answer: the library's "No response", or no receiver at all.
  const unanswered = /^threw (No response|.*(port closed|Receiving end))/;
  const refused = /^threw [\s\S]*"code": "(invalid_type|too_big|invalid_value)"/;
  for (const [index, { to }] of BAD_REQUESTS.entries()) {
    const { tab, worker } = refusals[index] ?? { tab: '', worker: '' };
    expect(tab, JSON.stringify(BAD_REQUESTS[index])).toMatch(to === 'tab' ? refused : unanswered);
    expect(worker, JSON.stringify(BAD_REQUESTS[index])).toMatch(to === 'worker' ? refused : unanswered);
  }

  // A well-formed report from a page that is no tab (an extension page) moves no tab's badge.
  const fromNoTab = await sender.evaluate(() =>
    kartraAuditor
      .sendMessage('reportChanged', { kind: 'editor', badge: { text: '99', color: '#000' }, newVisit: true })
      .then(() => 'answered'),
  );
  expect(fromNoTab).toBe('answered');
  // The toolbar badge was not overwritten by the junk "reportChanged" messages.
  const badge = await sender.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
  expect(badge).toBe(String(report?.counts.error));
  // Still answering, still auditing, builder still working.
  const again = await reports.waitFor(page);
  expect(again.report?.findings.map((finding) => finding.ruleId)).toEqual(
    report?.findings.map((finding) => finding.ruleId),
  );
  const card = page.locator('.js_sequence_step').first();
  await card.getByRole('button', { name: 'Step options' }).click();
  await expect(card.getByRole('menuitem')).toBeVisible();
  expect(errors).toEqual([]);
});

test('an exception inside the extension is caught, logged with the prefix, shown in the popup, and the builder keeps working', async ({
  kartra,
  reports,
}) => {
  const page = await kartra.openSpec(loadEditorSpec('step-inactive.fires'));
  const logged: string[] = [];
  const uncaught: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') logged.push(message.text());
  });
  page.on('pageerror', (error) => uncaught.push(error.message));
  await reports.waitFor(page);
  const options = await extensionPage(kartra);
  // A profile override (Advanced options) whose builder selector does not parse: it validates
  // (a selector is a non-empty string), so the content script takes it, and reading throws.
  const broken = structuredClone(kartraProfile);
  broken.editor.root = 'main[[';
  await options.evaluate(async (profile) => chrome.storage.local.set({ profileOverride: profile }), broken);
  try {
    await expect.poll(() => logged.filter((text) => text.startsWith(PREFIX)).length).toBeGreaterThan(0);
    expect(uncaught).toEqual([]);
    // The page is read all the same, with a profile inferred from it, and the popup says so.
    await reports.waitFor(page, (latest) => latest.coverage.reading?.profile === 'inferred');
    const popup = await openPopup(kartra, reports, page);
    await expect(
      popup.getByText('read with a profile inferred from this page', { exact: false }).first(),
    ).toBeVisible();
    // The builder is untouched and still works.
    await page.bringToFront();
    const card = page.locator('.js_sequence_step').nth(1);
    await card.getByRole('button', { name: 'Step options' }).click();
    await card.getByRole('menuitem', { name: 'Activate' }).click();
    await expect(card).not.toHaveClass(/step_inactive/);
  } finally {
    await options.evaluate(async () => chrome.storage.local.remove('profileOverride'));
  }
  // With the override gone, the auditor recovers on its own: the built-in profile reads the page
  // again (an earlier report, made before the click's re-audit, may still be the latest for a while),
  // and sees the step now active.
  const { report } = await reports.waitFor(
    page,
    (latest) => latest.coverage.reading?.profile === 'built-in' && latest.findings.length > 0,
    5000,
  );
  expect(report?.findings.some((finding) => finding.ruleId === 'step-inactive')).toBe(false);
  expect(uncaught).toEqual([]);
});
