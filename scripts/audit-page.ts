/**
 * npm run audit:page -- <saved.html | structure.json> [--format json|md|html|csv] [--out FILE] [--id ID]
 *                                    [--profile PROFILE.json] [--screenshot FILE] [--no-build]
 *
 * Audits a Kartra builder page saved from the browser ("Save page as…", "Webpage, complete":
 * saved.html and its saved_files/ folder) with the built extension, as audit:replica does for a
 * spec: the page is served at its editor URL (from Chrome's "saved from url" comment, the
 * canonical link or og:url; `--id` overrides it; else the id "saved"), its saved assets at their
 * relative URLs, and the extension's own report is written. `--profile` audits with a profile
 * override (validated as the options page does), to try a profile fix on a real saved page.
 *
 * A page structure export (the popup's "Export page structure", kartra-structure-<date>.json) is
 * rendered back as a page first (scripts/lib/structure-page.ts) and audited the same way, so an
 * export a user sends is a regression fixture: what its masking removed whole (titles, names)
 * is left out, so the reader says it could not read it.
 *
 * `--no-build` uses .output/chrome-mv3 as it is (by default it is rebuilt when a source is newer).
 * A saved page shows only the sub-sequence tab that was open when it was saved: save each tab.
 * Exit 0: no error-severity finding; 1: errors found; 2: could not run (reason on stderr).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { BrowserContext } from '@playwright/test';
import type { KartraProfile } from '../lib/kartra/profile';
import { validateProfileJson } from '../lib/kartra/profile-validation';
import { launchKartra } from '../tests/harness';
import { ExtensionReports } from '../tests/support/extension-report';
import { reportFormat, runCli, UsageError, writeReport } from './lib/audit-cli';
import { ensureBuilt } from './lib/ensure-built';
import { editorUrlFor, serveSavedPage } from './lib/saved-page';
import { looksLikeStructure, parseStructure, renderStructurePage, structureUrl } from './lib/structure-page';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function options() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'json' },
      out: { type: 'string' },
      id: { type: 'string' },
      profile: { type: 'string' },
      screenshot: { type: 'string' },
      'no-build': { type: 'boolean', default: false },
    },
  });
  const [htmlPath, ...rest] = positionals;
  if (!htmlPath || rest.length > 0)
    throw new UsageError('usage: npm run audit:page -- <saved.html | structure.json> [options]');
  if (!existsSync(htmlPath)) throw new UsageError(`cannot read ${htmlPath}: no such file`);
  return { htmlPath, ...values, format: reportFormat(values.format) };
}

function readProfile(path: string): KartraProfile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${(error as Error).message}`);
  }
  // Selectors are checked by the browser when the reader uses them; an invalid one makes the
  // page unrecognised, with the selector's error in the report's notes.
  const result = validateProfileJson(text, () => {});
  if (!result.ok) throw new UsageError(`${path} is not a valid profile:\n  ${result.problems.join('\n  ')}`);
  for (const warning of result.warnings) console.error(`${path}: ${warning}`);
  return result.profile;
}

/** Stores the override where the options page would (local storage, key "profileOverride"). */
async function storeProfileOverride(context: BrowserContext, extensionId: string, profile: KartraProfile) {
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    await page.evaluate(async (value) => {
      const api = (
        globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }
      ).chrome;
      await api.storage.local.set({ profileOverride: value });
    }, profile);
  } finally {
    await page.close();
  }
}

/**
 * The page to serve: the saved HTML as it is, or a structure export rendered as a page into a
 * temporary folder (removed by `cleanUp`).
 */
function pageToServe(path: string): { htmlPath: string; html: string; cleanUp: () => void } {
  const text = readFileSync(path, 'utf8');
  let json: unknown = null;
  if (/^\s*\{/.test(text)) {
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new UsageError(`${path} is neither a saved page nor valid JSON: ${(error as Error).message}`);
    }
  }
  if (!looksLikeStructure(json)) return { htmlPath: path, html: text, cleanUp: () => {} };
  const parsed = parseStructure(json);
  if (!parsed.ok)
    throw new UsageError(`${path} is not a valid structure export:\n  ${parsed.problems.join('\n  ')}`);
  const dir = mkdtempSync(join(tmpdir(), 'kartra-structure-'));
  const htmlPath = join(dir, 'structure.html');
  const html = renderStructurePage(parsed.structure, structureUrl(parsed.structure, 'structure'));
  writeFileSync(htmlPath, html);
  console.error(`${path} is a structure export: rendered as a page.`);
  return { htmlPath, html, cleanUp: () => rmSync(dir, { recursive: true, force: true }) };
}

async function main(): Promise<number> {
  const args = options();
  const profile = args.profile ? readProfile(args.profile) : null;
  const served = pageToServe(args.htmlPath);
  try {
    return await audit(args, served.htmlPath, served.html, profile);
  } finally {
    served.cleanUp();
  }
}

async function audit(
  args: ReturnType<typeof options>,
  htmlPath: string,
  html: string,
  profile: KartraProfile | null,
): Promise<number> {
  const { url, from } = editorUrlFor(html, args.id);
  console.error(`Serving ${args.htmlPath} at ${url} (from ${from}).`);
  if (!args['no-build']) ensureBuilt(root);

  const session = await launchKartra({ extension: true });
  try {
    if (!session.extensionId) throw new Error('the extension did not start');
    if (profile) await storeProfileOverride(session.context, session.extensionId, profile);
    await serveSavedPage(session.context, htmlPath, url);
    const page = await session.context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    const reports = new ExtensionReports(session.context, session.extensionId);
    await reports.waitFor(page);
    // The first audit may have run before the saved stylesheets applied; a navigation event
    // (which the extension hears wherever it watches, unlike a change outside the builder) makes
    // it read the page again, now laid out.
    const nudgedAt = Date.now();
    await page.evaluate(() => window.dispatchEvent(new PopStateEvent('popstate')));
    const { report } = await reports.waitFor(
      page,
      (candidate) => Date.parse(candidate.generatedAt) >= nudgedAt,
    );
    if (args.screenshot) await page.screenshot({ path: args.screenshot, fullPage: true });
    if (report.page.kind === 'other') {
      console.error(
        `${url} is not a sequence builder URL for the extension (it read it as "${report.page.kind}"): pass --id.`,
      );
      return 2;
    }
    return writeReport(report, args.format, args.out);
  } finally {
    await session.close();
  }
}

runCli('audit:page', main);
