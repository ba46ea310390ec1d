import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import type { Report } from '../../lib/audit/report';
import { EXTENSION_HOST_TAG } from '../../lib/extension/content/ui-host';
import { kartraProfile } from '../../lib/kartra/profile';
import { editorUrlFor, serveSavedPage } from '../../scripts/lib/saved-page';
import { loadEditorSpec } from '../fixtures/sequences/fixtures';
import { exportOf, findingsOf, unexplainedDifferences } from '../support/structure-round-trip';
import { expect, test } from './extension-fixture';

test.describe.configure({ mode: 'parallel' });

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const FOLDER = 'saved_files';

/**
 * Saves the rendered page as Chrome's "Save page as…, Webpage, complete" does: the DOM as
 * rendered (scripts dropped here; Chrome keeps them, audit:page blocks them), stylesheets as
 * files in a folder next to the page, linked by relative URLs, and the "saved from" comment.
 */
async function savePageComplete(page: Page, dir: string): Promise<string> {
  const saved = await page.evaluate(
    ({ hostTag, folder }) => {
      const copy = document.documentElement.cloneNode(true) as HTMLElement;
      for (const element of copy.querySelectorAll(`script, ${hostTag}`)) element.remove();
      const styles: string[] = [];
      for (const style of copy.querySelectorAll('style')) {
        styles.push(style.textContent ?? '');
        const link = document.createElement('link');
        link.rel = 'stylesheet';
        link.href = `${folder}/style-${styles.length}.css`;
        style.replaceWith(link);
      }
      return { html: copy.outerHTML, styles };
    },
    { hostTag: EXTENSION_HOST_TAG, folder: FOLDER },
  );
  mkdirSync(join(dir, FOLDER), { recursive: true });
  saved.styles.forEach((css, index) => {
    writeFileSync(join(dir, FOLDER, `style-${index + 1}.css`), css);
  });
  const url = page.url();
  const htmlPath = join(dir, 'saved.html');
  writeFileSync(
    htmlPath,
    `<!DOCTYPE html>\n<!-- saved from url=(${String(url.length).padStart(4, '0')})${url} -->\n${saved.html}`,
  );
  return htmlPath;
}

let tempDir = '';
test.beforeAll(() => {
  tempDir = mkdtempSync(join(tmpdir(), 'kartra-saved-'));
});
test.afterAll(() => rmSync(tempDir, { recursive: true, force: true }));

// Fixtures whose findings depend on the geometry (lines, nodes, branches) and on every card field.
const FIXTURES = [
  'launch-sequence',
  'step-not-connected.fires',
  'start-not-connected.fires',
  'split-branch-open.fires',
  'goto-target-missing.fires',
  'window-never-opens.fires',
];

test('a saved copy of a builder page gets the same findings as the live page', async ({
  kartra,
  reports,
}) => {
  test.setTimeout(90_000);
  for (const name of FIXTURES) {
    const live = await kartra.openSpec(loadEditorSpec(name));
    const { report: liveReport } = await reports.waitFor(live);
    expect(liveReport.findings.length, name).toBeGreaterThan(0);
    const htmlPath = await savePageComplete(live, join(tempDir, name));
    await live.close();

    // Served at another id, so the replica's route for the live page stays untouched.
    const { url } = editorUrlFor(readFileSync(htmlPath, 'utf8'), `saved-${name.replace(/\W/g, '-')}`);
    const stopServing = await serveSavedPage(kartra.context, htmlPath, url);
    try {
      const saved = await kartra.context.newPage();
      const styled = saved.waitForResponse((response) => response.url().endsWith(`${FOLDER}/style-1.css`));
      await saved.goto(url);
      expect((await styled).status(), `${name}: the saved stylesheet is served`).toBe(200);
      // No script of the saved page may run: the builder is only what was saved.
      expect(await saved.evaluate(() => 'KartraSequenceBuilder' in window)).toBe(false);
      const { report: savedReport } = await reports.waitFor(saved);
      expect(findingsOf(savedReport), name).toEqual(findingsOf(liveReport));
      expect(savedReport.runOrder, name).toEqual(liveReport.runOrder);
      await saved.close();
    } finally {
      await stopServing();
    }
  }
});

function auditPage(args: string[]) {
  // --no-build: the suite runs on the build it was started with; a rebuild mid-run would pull the
  // extension from under the tests running in parallel.
  return spawnSync('npx', ['tsx', 'scripts/audit-page.ts', ...args, '--no-build'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 140_000,
  });
}

test('npm run audit:page audits a saved page with the built extension: report, format and exit code', async ({
  kartra,
  reports,
}) => {
  // Each run starts its own Chromium: about 10 s, much more on a busy machine.
  test.setTimeout(300_000);
  const live = await kartra.openSpec(loadEditorSpec('launch-sequence'));
  const { report: liveReport } = await reports.waitFor(live);
  const dir = join(tempDir, 'cli');
  const htmlPath = await savePageComplete(live, dir);

  const out = join(dir, 'report.json');
  const run = auditPage([htmlPath, '--format', 'json', '--out', out]);
  expect(run.stderr).toContain(`at ${live.url()} (from the "saved from url" comment)`);
  expect(run.status, run.stderr).toBe(1); // launch-sequence has an error-severity finding
  const report = JSON.parse(readFileSync(out, 'utf8')) as Report;
  expect(report.page.url).toBe(live.url());
  expect(report.sequence?.id).toBe(liveReport.sequence?.id);
  expect(findingsOf(report)).toEqual(findingsOf(liveReport));
  expect(report.tool.version).toBe(liveReport.tool.version);

  // Without the comment, --id names the sequence; --profile audits with an override, as the
  // options page would apply it; Markdown goes to stdout.
  const bare = join(dir, 'bare.html');
  writeFileSync(bare, readFileSync(htmlPath, 'utf8').replace(/<!-- saved from url=[^>]*-->\n/, ''));
  const moved = structuredClone(kartraProfile);
  moved.editor.root = '.js_sequence_builder_v2';
  const profilePath = join(dir, 'moved-profile.json');
  writeFileSync(profilePath, JSON.stringify(moved));
  const withOverride = auditPage([bare, '--id', '7777', '--profile', profilePath, '--format', 'md']);
  // The override does not find the builder, so the extension reads it with a profile inferred
  // from the page: the errors are still found.
  expect(withOverride.status, withOverride.stderr).toBe(1);
  expect(withOverride.stdout.toLowerCase()).toContain('inferred');
  expect(withOverride.stdout).toContain('https://app.kartra.com/marketing/sequences/edit/7777');
  expect(withOverride.stdout).toContain(`Generated by Kartra Sequence Auditor ${liveReport.tool.version}`);
});

test('npm run audit:page exits 2 with the reason when it cannot run', () => {
  test.setTimeout(120_000);
  const missing = auditPage(['/nonexistent/saved.html']);
  expect(missing.status).toBe(2);
  expect(missing.stderr).toContain('cannot read /nonexistent/saved.html');
  const format = auditPage(['package.json', '--format', 'pdf']);
  expect(format.status).toBe(2);
  expect(format.stderr).toContain('--format must be one of json, md, html, csv');
  const badProfile = join(tempDir, 'bad-profile.json');
  writeFileSync(badProfile, JSON.stringify({ ...kartraProfile, card: { ...kartraProfile.card, root: '' } }));
  const profile = auditPage(['package.json', '--profile', badProfile]);
  expect(profile.status).toBe(2);
  expect(profile.stderr).toContain('card.root: expected a non-empty string');
});

test('npm run audit:page audits a structure export: rendered back as a page, same findings or honest reviews', async ({
  kartra,
  reports,
}) => {
  test.setTimeout(200_000);
  const live = await kartra.openSpec(loadEditorSpec('launch-sequence'));
  const { report: liveReport } = await reports.waitFor(live);
  const structure = await exportOf(reports, live);
  const dir = join(tempDir, 'structure');
  mkdirSync(dir, { recursive: true });
  const structurePath = join(dir, 'kartra-structure-2026-12-01.json');
  writeFileSync(structurePath, JSON.stringify(structure, null, 2));

  const out = join(dir, 'report.json');
  const run = auditPage([structurePath, '--out', out]);
  expect(run.stderr).toContain('is a structure export: rendered as a page');
  expect(run.stderr).toContain('/marketing/sequences/edit/structure');
  expect(run.status, run.stderr).toBe(1); // launch-sequence has an error-severity finding
  const report = JSON.parse(readFileSync(out, 'utf8')) as Report;
  expect(report.page.kind).toBe('editor');
  expect(unexplainedDifferences(liveReport, report)).toEqual([]);
  expect(findingsOf(report).filter((f) => f.includes(' fail ')).length).toBeGreaterThan(5);

  // A file that says it is a structure export but is not one is refused, naming the field.
  const broken = join(dir, 'broken.json');
  writeFileSync(broken, JSON.stringify({ ...structure, tree: { tag: 'main' } }));
  const refused = auditPage([broken]);
  expect(refused.status).toBe(2);
  expect(refused.stderr).toContain('is not a valid structure export');
  expect(refused.stderr).toContain('tree.rect: missing');
});
