import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

// The builders also run in the extension (popup download), whose bundles have a size budget:
// they must pull in no zod and no DOM, and stay small. Besides their own files they use only the
// pure timeline modules the popup's Timeline section bundles anyway (the Markdown and HTML
// timeline say it in the popup's words and draw the popup's chart), and the step kinds' labels
// (the step map names kinds as the findings do), how a finding is keyed across audits (the
// "Changes since" section names the findings as the popup's does), and when an audit is complete
// (the step map compares only such audits, as the history does).
const SHARED_WITH_THE_POPUP = [
  'lib/audit/complete.ts',
  'lib/reader/fit.ts',
  'lib/audit/finding-key.ts',
  'lib/model/describe-step.ts',
  'lib/flow/refs.ts',
  'lib/reader/text.ts',
  'lib/time/quiet-hours.ts',
  'lib/timeline/timeline.ts',
  'lib/timeline/chart.ts',
  'lib/timeline/rows.ts',
  'lib/timeline/words.ts',
  'lib/time/timing.ts',
];
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

async function bundle(entry: string) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    metafile: true,
    absWorkingDir: root,
  });
  const inputs = Object.keys(result.metafile.inputs);
  return {
    foreign: inputs.filter(
      (input) => !input.startsWith('lib/export/') && !SHARED_WITH_THE_POPUP.includes(input),
    ),
    code: result.outputFiles[0]?.text ?? '',
  };
}

// The step map is its own entry (it needs the page model too, and compares it with the last
// audit's), loaded beside the report's exports. The report's exports hold the client report's
// cover, summary and print styles.
describe.each([
  ['lib/export/index.ts', 13],
  ['lib/export/step-map.ts', 4],
])('the export bundle %s', (entry, kilobytes) => {
  it(`bundles for a neutral platform without zod, DOM or Node APIs, under ${kilobytes} KB gzip`, async () => {
    const { foreign, code } = await bundle(entry);
    expect(foreign).toEqual([]);
    // As code, not as the words of the timeline ("its window never opens").
    expect(code).not.toMatch(/\b(?:document|window)\.\w|\brequire\(/);
    expect(gzipSync(code).length).toBeLessThan(kilobytes * 1024);
  });
});
