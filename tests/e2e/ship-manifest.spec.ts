import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderReport } from '../../lib/export';
import { loadEditorSpec } from '../fixtures/sequences/fixtures';
import { expect, test } from './extension-fixture';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const built = join(root, '.output', 'chrome-mv3');
const packageVersion = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string })
  .version;

interface Manifest {
  version: string;
  icons?: Record<string, string>;
  action?: { default_icon?: Record<string, string> };
}
const manifest = () => JSON.parse(readFileSync(join(built, 'manifest.json'), 'utf8')) as Manifest;

/** A PNG's width and height, from its IHDR chunk. */
function pngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(path);
  expect(bytes.subarray(1, 4).toString('latin1'), `${path} is a PNG`).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('the built manifest carries the package version and square PNG icons from 16 to 128 px', () => {
  const { version, icons, action } = manifest();
  expect(version).toBe(packageVersion);
  expect(Object.keys(icons ?? {}).sort((a, b) => Number(a) - Number(b))).toEqual([
    '16',
    '32',
    '48',
    '96',
    '128',
  ]);
  for (const [size, file] of Object.entries(icons ?? {})) {
    expect(pngSize(join(built, file)), `icon ${size}`).toEqual({ width: Number(size), height: Number(size) });
  }
  const toolbar = action?.default_icon ?? {};
  expect(Object.keys(toolbar).length).toBeGreaterThanOrEqual(2);
  for (const [size, file] of Object.entries(toolbar)) {
    expect(pngSize(join(built, file)), `toolbar icon ${size}`).toEqual({
      width: Number(size),
      height: Number(size),
    });
  }
});

test('the version shows in the popup, on any page, and in every export of the report', async ({
  kartra,
  reports,
}) => {
  const page = await kartra.openSpec(loadEditorSpec('step-inactive.fires'));
  const { report } = await reports.waitFor(page);
  expect(report.tool.version).toBe(packageVersion);
  const tabId = await reports.tabIdOf(page);
  const popup = await kartra.context.newPage();
  await popup.goto(`chrome-extension://${kartra.extensionId}/popup.html?tabId=${tabId}`);
  await expect(popup.locator('.tool-version')).toHaveText(`Kartra Sequence Auditor ${packageVersion}`);
  // A tab no content script answers in (the extension's own page): the popup still says its version.
  await popup.goto(`chrome-extension://${kartra.extensionId}/popup.html?tabId=999999`);
  await expect(popup.locator('.tool-version')).toHaveText(`Kartra Sequence Auditor ${packageVersion}`);

  expect(JSON.parse(renderReport(report, 'json')).tool.version).toBe(packageVersion);
  expect(renderReport(report, 'md')).toContain(`Kartra Sequence Auditor ${packageVersion}`);
  expect(renderReport(report, 'html')).toContain(`Kartra Sequence Auditor ${packageVersion}`);
});
