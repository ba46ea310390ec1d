/**
 * npm run audit:replica -- <spec.json> [--format json|md|html|csv] [--out FILE] [--screenshot FILE]
 *                                      [--dom-out FILE] [--without-extension] [--skin NAME]
 *
 * Renders a sequence spec in the replica at its Kartra URL, in Chromium with the built
 * extension, opens each sub-sequence tab as a user would, and writes the extension's own report.
 * `--skin` renders it in another markup (docs/replica-markup.md "Skins"; default: the replica's own).
 * Exit 0: no error-severity finding; 1: errors found; 2: could not run (reason on stderr).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Page } from '@playwright/test';
import type { Report } from '../lib/audit/report';
import { EXTENSION_HOST_TAG } from '../lib/extension/content/ui-host';
import { launchKartra } from '../tests/harness';
import { skinNamed } from '../tests/replica/skin';
import { ExtensionReports } from '../tests/support/extension-report';
import { reportFormat, runCli, UsageError, writeReport } from './lib/audit-cli';
import { ensureBuilt } from './lib/ensure-built';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function options() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'json' },
      out: { type: 'string' },
      screenshot: { type: 'string' },
      'dom-out': { type: 'string' },
      'without-extension': { type: 'boolean', default: false },
      skin: { type: 'string', default: 'default' },
    },
  });
  const [specPath, ...rest] = positionals;
  if (!specPath || rest.length > 0)
    throw new UsageError('usage: npm run audit:replica -- <spec.json> [options]');
  let skin: ReturnType<typeof skinNamed>;
  try {
    skin = skinNamed(values.skin);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  return { specPath, ...values, skin, format: reportFormat(values.format) };
}

/** The page's DOM with the extension's own host element left out; the live page is not touched. */
function domWithoutExtension(page: Page): Promise<string> {
  return page.evaluate((hostTag) => {
    const copy = document.documentElement.cloneNode(true) as HTMLElement;
    for (const host of copy.querySelectorAll(hostTag)) host.remove();
    return `<!doctype html>\n${copy.outerHTML}`;
  }, EXTENSION_HOST_TAG);
}

async function main(): Promise<number> {
  const args = options();
  let spec: unknown;
  try {
    spec = JSON.parse(readFileSync(args.specPath, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read ${args.specPath}: ${(error as Error).message}`);
  }
  const withExtension = !args['without-extension'];
  if (withExtension) ensureBuilt(root);

  const session = await launchKartra({ extension: withExtension });
  try {
    const page = await session.openSpec(spec, { skin: args.skin });
    const reports =
      withExtension && session.extensionId
        ? new ExtensionReports(session.context, session.extensionId)
        : null;
    const report: Report | null = reports ? (await reports.auditEveryTab(page)).report : null;

    if (args.screenshot) await page.screenshot({ path: args.screenshot, fullPage: true });
    if (args['dom-out']) writeFileSync(args['dom-out'], await domWithoutExtension(page));
    if (!report) {
      console.error('Rendered without the extension: no report.');
      return 0;
    }
    return writeReport(report, args.format, args.out);
  } finally {
    await session.close();
  }
}

runCli('audit:replica', main);
