import type { Report } from '../../lib/audit/report';
import { loadEditorSpec } from '../fixtures/sequences/fixtures';
import { skinned } from '../harness/replica-dom';
import { RENAME_EVERY_CLASS } from '../support/rename-classes';
import { expect, test } from './extension-fixture';

/**
 * What the extension does on a builder whose markup it has never seen (docs/first-contact.md):
 * it reads by what a person sees, says how it read the page, and never lets a fact it did not
 * read become a finding.
 */

declare const chrome: {
  storage: { local: { remove(key: string): Promise<void>; get(key: string): Promise<object> } };
  action: { getBadgeText(details: { tabId?: number }): Promise<string> };
};

/** The findings as "ruleId kind [steps]", the part a user acts on. */
const summary = (report: Report) =>
  report.findings.map((f) => `${f.ruleId} ${f.kind} [${[...f.steps].sort().join(',')}]`).sort();

test('a builder with other class names reads to the same findings, with an inferred profile the user can keep', async ({
  kartra,
  reports,
}) => {
  const page = await kartra.openSpec(loadEditorSpec('launch-sequence'));
  const before = await reports.waitFor(page);
  expect(before.report.coverage.reading).toMatchObject({ profile: 'built-in', fit: 1 });

  await page.evaluate(RENAME_EVERY_CLASS);
  const after = await reports.waitFor(page, (r) => r.coverage.reading?.profile === 'inferred');
  expect(summary(after.report)).toEqual(summary(before.report));
  expect(after.report.coverage.reading?.fit).toBe(1);

  const popup = await reports.openPopupFor(page);
  await expect(
    popup.getByText('read with a profile inferred from this page', { exact: false }).first(),
  ).toBeVisible();
  await expect(popup.getByRole('button', { name: 'Export page structure' })).toBeVisible();
  await popup.getByRole('button', { name: 'Keep this profile' }).click();
  // The page is read again with the kept profile, now the user's override, and the popup follows.
  await expect(popup.getByText('Read with your profile override', { exact: false })).toBeVisible();
  const kept = await reports.waitFor(page, (r) => r.coverage.reading?.profile === 'override');
  expect(summary(kept.report)).toEqual(summary(before.report));
  await popup.evaluate(() => chrome.storage.local.remove('profileOverride'));
});

test('an inactive label nobody can see does not make a step inactive', async ({ kartra, reports }) => {
  const page = await kartra.openSpec(loadEditorSpec('step-inactive.passes'));
  await reports.waitFor(page);
  await page.evaluate(() => {
    const cards = Array.from(document.querySelectorAll('.js_sequence_step'));
    const label = (card: Element | undefined, style: string) => {
      const span = document.createElement('span');
      span.className = 'step_inactive_label';
      span.textContent = 'Inactive';
      span.setAttribute('style', style);
      card?.querySelector('.step_header')?.appendChild(span);
    };
    label(cards[0], 'display: none');
    label(cards[1], 'visibility: hidden');
    label(cards[2], 'display: inline-block; width: 0; height: 0; overflow: hidden; padding: 0; border: 0');
    // The one a person sees: it proves the page was read again after the change.
    label(cards[3], '');
  });
  const { report } = await reports.waitFor(page, (r) => r.findings.some((f) => f.ruleId === 'step-inactive'));
  expect(report.findings.filter((f) => f.ruleId === 'step-inactive').map((f) => f.steps)).toEqual([['4']]);
});

test('a canvas whose lines cannot be read gets "needs review", never "not connected" on every step', async ({
  kartra,
  reports,
}) => {
  const page = await kartra.openSpec(loadEditorSpec('step-not-connected.passes'));
  await reports.waitFor(page);
  // Another app's lines and nodes: gone from where the profile looks, as a person would not notice.
  await page.evaluate(() => {
    for (const el of Array.from(document.querySelectorAll('.jtk-endpoint, .jtk-connector'))) el.remove();
  });
  const { report } = await reports.waitFor(page, (r) =>
    r.findings.some((f) => f.ruleId === 'step-not-connected' && f.kind === 'review'),
  );
  const connection = report.findings.filter((f) =>
    ['step-not-connected', 'step-unreachable', 'start-not-connected', 'path-without-ending'].includes(
      f.ruleId,
    ),
  );
  expect(connection.every((f) => f.kind === 'review')).toBe(true);
  expect(report.findings.filter((f) => f.ruleId === 'step-not-connected')).toHaveLength(1);
  expect(report.coverage.reading?.checks.find((c) => c.id === 'nodes-found')).toMatchObject({
    passed: 0,
    total: 1,
  });
});

test('a builder inside a frame of app.kartra.com is the tab audit: popup and badge', async ({
  kartra,
  reports,
}) => {
  const spec = loadEditorSpec('step-inactive.fires');
  const editorUrl = kartra.serve(spec);
  const page = await kartra.context.newPage();
  const host = 'https://app.kartra.com/pages/editor-frame';
  await page.route(host, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><title>Kartra</title><h1>Page builder</h1><iframe src="${editorUrl}" style="width:1200px;height:800px"></iframe>`,
    }),
  );
  await page.goto(host);
  await page.frameLocator('iframe').locator('.js_sequence_builder').waitFor();
  const popup = await reports.openPopupFor(page);
  await expect(popup.getByRole('heading', { name: 'Masterclass replay follow-up' })).toBeVisible();
  await expect(popup.locator('.count--error')).toHaveText('1 error');
  const tabId = await reports.tabIdOf(page);
  await expect.poll(() => popup.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe('1');
  // The overlay is drawn in the frame that holds the builder, not over the host page.
  await expect(page.frameLocator('iframe').locator('kartra-auditor-ui')).toHaveCount(1);
  expect(await page.locator('kartra-auditor-ui').count()).toBe(0);
});

test('a step drawn greyed out whose "Inactive" label the reader cannot read is a review, never a clean pass', async ({
  kartra,
  reports,
}) => {
  const page = await kartra.openSpec(loadEditorSpec('step-inactive.fires'));
  const before = await reports.waitFor(page);
  const inactive = before.report.findings.filter((f) => f.ruleId === 'step-inactive' && f.kind === 'fail');
  expect(inactive.length).toBeGreaterThan(0);
  // The label reworded as another version of Kartra might ("Off"), in a badge of its own: the
  // card stays greyed out as the replica's stylesheet draws an inactive step.
  const changedAt = Date.now();
  await page.evaluate(() => {
    for (const label of Array.from(document.querySelectorAll('.step_inactive_label'))) {
      const badge = document.createElement('em');
      badge.textContent = 'Off';
      label.replaceWith(badge);
    }
  });
  const after = await reports.waitFor(page, (r) => Date.parse(r.generatedAt) >= changedAt);
  for (const finding of inactive) {
    expect(
      after.report.findings.filter((f) => f.ruleId === 'step-inactive' && f.kind === 'review'),
    ).toContainEqual(expect.objectContaining({ steps: finding.steps }));
  }
  expect(after.report.findings.some((f) => f.ruleId === 'step-inactive' && f.kind === 'fail')).toBe(false);
});

test('timing worded in a way the reader does not know is one review with the words, and the user can teach them', async ({
  kartra,
  reports,
}) => {
  const page = await kartra.openSpec(loadEditorSpec('launch-sequence'));
  const before = await reports.waitFor(page);
  // Another version's wording of the same waits ("Wait 2 days" shown as "Delay of 2 days").
  const changedAt = Date.now();
  const reworded = await page.evaluate(() => {
    let count = 0;
    for (const line of Array.from(document.querySelectorAll('.step_timing'))) {
      const text = line.textContent?.trim() ?? '';
      if (!text.startsWith('Wait ')) continue;
      line.textContent = text.replace(/^Wait /, 'Delay of ');
      count++;
    }
    return count;
  });
  expect(reworded).toBeGreaterThan(2);
  const unread = await reports.waitFor(
    page,
    (r) =>
      Date.parse(r.generatedAt) >= changedAt && r.findings.some((f) => f.cause?.code === 'timing-unread'),
  );
  // One review per rule at most, each naming every reworded step it could not check.
  const timingReviews = unread.report.findings.filter((f) => f.cause?.code === 'timing-unread');
  expect(new Set(timingReviews.map((f) => f.ruleId)).size).toBe(timingReviews.length);
  expect(timingReviews.find((f) => f.ruleId === 'date-in-past')?.steps).toHaveLength(reworded);

  const popup = await reports.openPopupFor(page);
  const cause = popup.locator('.cause').filter({ hasText: 'show a timing this version does not read' });
  await expect(cause).toHaveCount(1);
  await expect(cause).toContainText(`${reworded} steps show a timing this version does not read ("Delay of`);
  await expect(cause).toContainText('Specific date is in the past');
  await cause.getByRole('button', { name: 'Teach' }).click();
  await expect(popup.locator('.taught')).toContainText('The page is read again with it');
  const taught = await reports.waitFor(
    page,
    (r) => !r.findings.some((f) => f.cause?.code === 'timing-unread'),
  );
  expect(summary(taught.report)).toEqual(summary(before.report));
  expect(taught.report.coverage.reading?.profile).toBe('override');

  await popup.getByRole('button', { name: 'Undo' }).click();
  await reports.waitFor(page, (r) => r.findings.some((f) => f.cause?.code === 'timing-unread'));
  expect(await popup.evaluate(() => chrome.storage.local.get('profileOverride'))).toEqual({});

  // Taught again, then forgotten on the options page, where the words are listed.
  await cause.getByRole('button', { name: 'Teach' }).click();
  await reports.waitFor(page, (r) => !r.findings.some((f) => f.cause?.code === 'timing-unread'));
  const options = await kartra.context.newPage();
  await options.goto(`chrome-extension://${kartra.extensionId}/options.html`);
  const word = options.locator('.taught-words li');
  await expect(word).toHaveText(['wait: "Delay of" Forget wait']);
  await word.getByRole('button', { name: 'Forget wait' }).click();
  await expect(word).toHaveCount(0);
  await reports.waitFor(page, (r) => r.findings.some((f) => f.cause?.code === 'timing-unread'));
  expect(await options.evaluate(() => chrome.storage.local.get('profileOverride'))).toEqual({});
  await options.close();
});

for (const skin of ['renamed', 'foreign'] as const) {
  test(`the sequence list on the ${skin} skin is read by its links and icons, and reaches an editor as on known markup`, async ({
    kartra,
    reports,
  }) => {
    const sequences = [
      {
        id: '3401',
        name: 'Spring webinar replay',
        status: 'paused' as const,
        subscribers: 1204,
        completed: 3,
      },
      { id: '3402', name: 'Top 10 tips 2026', status: 'active' as const, subscribers: 40, completed: 31 },
    ];
    const list = await kartra.openSpec({ page: 'list', sequences }, { skin });
    // The status icons are drawn by the skin's stylesheet (⏸ and ▶ before an empty element).
    const { report } = await reports.waitFor(list);
    expect(report.page.kind).toBe('list');
    expect(report.coverage.notes).toEqual([]);
    const paused = report.findings.filter((f) => f.ruleId === 'sequence-paused');
    expect(paused.map((f) => [f.kind, f.sequenceId])).toEqual([['fail', '3401']]);
    expect(paused[0]?.message).toContain('Spring webinar replay');

    const editor = await kartra.openSpec(
      { ...loadEditorSpec('sequence-paused.passes'), id: '3401', statusControl: false, subscribers: 12 },
      { skin },
    );
    const seen = await reports.waitFor(editor, (r) =>
      r.findings.some((f) => f.ruleId === 'sequence-paused' && f.kind === 'fail'),
    );
    expect(seen.report.findings.find((f) => f.ruleId === 'sequence-paused')?.message).toContain(
      'Paused, as the sequence list showed at',
    );
  });
}

test('a builder with one step, in markup the profile does not know, is read: its card, not the canvas around it', async ({
  kartra,
  reports,
}) => {
  const spec = {
    id: '5150',
    name: 'Single welcome',
    status: 'active',
    subscribers: 3,
    startingRules: [{ type: 'tag', label: 'Joined' }],
    steps: [{ ref: '1', kind: 'email', active: false, title: 'Welcome aboard' }],
    connections: [{ from: 'start', to: '1' }],
  };
  const plain = await reports.waitFor(await kartra.openSpec(spec));
  const { report } = await reports.waitFor(await kartra.openSpec(spec, { skin: 'renamed' }));
  expect(report.page.kind).toBe('editor');
  expect(report.coverage.reading).toMatchObject({ profile: 'inferred', fit: 1 });
  expect(summary(report)).toEqual(summary(plain.report));
  expect(summary(report)).toContain('step-inactive fail [1]');
});

test('in markup the profile does not know, an app that draws every card anew on each change keeps its findings and badges on the new cards', async ({
  kartra,
  reports,
}) => {
  // A Vue app whose list keys change re-renders every card, node and line as new elements.
  const skin = 'recreated';
  const page = await kartra.openSpec(loadEditorSpec('step-inactive.fires'), { skin });
  const first = await reports.waitFor(page, (r) => r.counts.error === 1);
  expect(first.report.coverage.reading).toMatchObject({ profile: 'inferred', fit: 1 });
  const card = page.locator(skinned(skin, '.js_sequence_step'), {
    has: page.locator(skinned(skin, '.step_number'), { hasText: /^2$/ }),
  });
  const stepBadge = page.locator('kartra-auditor-ui').getByRole('button', { name: /^Step 2:/ });
  await expect(stepBadge).toHaveAccessibleName(/^Step 2: 1 error/);
  const before = await card.elementHandle();

  await card.getByRole('button', { name: 'Step options' }).click();
  await card.getByRole('menuitem', { name: 'Activate' }).click();
  await expect.poll(() => before?.evaluate((el) => el.isConnected)).toBe(false);
  const after = await reports.waitFor(page, (r) => !r.findings.some((f) => f.ruleId === 'step-inactive'));
  expect(after.report.coverage.reading).toMatchObject({ profile: 'inferred', fit: 1 });
  expect(after.page.kind === 'editor' && after.page.sequence.steps.map((s) => s.ref)).toEqual(
    first.page.kind === 'editor' && first.page.sequence.steps.map((s) => s.ref),
  );
  // The badge now speaks of the unsaved change, beside the card drawn anew.
  await expect(stepBadge).toHaveAccessibleName(/^Step 2: 1 warning/);
  await expect
    .poll(async () => {
      const [cardBox, badgeBox] = await Promise.all([card.boundingBox(), stepBadge.boundingBox()]);
      return cardBox && badgeBox ? Math.round(badgeBox.y + badgeBox.height / 2 - cardBox.y) : null;
    })
    .toBe(0);
});
