import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

// The builders also run in the extension (popup download), whose bundles have a size budget:
// they must pull in no zod and no DOM, and stay small. Besides their own files they use only the
// pure timeline modules the popup's Timeline section bundles anyway (the Markdown and HTML
// timeline say it in the popup's words and draw the popup's chart).
const SHARED_WITH_THE_POPUP = [
  'lib/graph.ts',
  'lib/quiet-hours.ts',
  'lib/timeline.ts',
  'lib/timeline-chart.ts',
  'lib/timeline-rows.ts',
  'lib/timeline-words.ts',
  'lib/timing.ts',
];
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

describe('the export bundle', () => {
  it('bundles for a neutral platform without zod, DOM or Node APIs, under 10 KB gzip', async () => {
    const result = await build({
      entryPoints: ['lib/export/index.ts'],
      bundle: true,
      write: false,
      minify: true,
      format: 'esm',
      platform: 'neutral',
      metafile: true,
      absWorkingDir: root,
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(
      inputs.filter((input) => !input.startsWith('lib/export/') && !SHARED_WITH_THE_POPUP.includes(input)),
    ).toEqual([]);
    const code = result.outputFiles[0]?.text ?? '';
    // As code, not as the words of the timeline ("its window never opens").
    expect(code).not.toMatch(/\b(?:document|window)\.\w|\brequire\(/);
    expect(gzipSync(code).length).toBeLessThan(10 * 1024);
  });
});
