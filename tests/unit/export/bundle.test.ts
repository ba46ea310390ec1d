import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

// The builders also run in the extension (popup download), whose bundles have a size budget:
// they must pull in no zod and no DOM, and stay small.
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

describe('the export bundle', () => {
  it('bundles for a neutral platform without zod, DOM or Node APIs, under 8 KB gzip', async () => {
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
    expect(inputs.filter((input) => !input.startsWith('lib/export/'))).toEqual([]);
    const code = result.outputFiles[0]?.text ?? '';
    expect(code).not.toMatch(/\b(document|window|require)\b/);
    expect(gzipSync(code).length).toBeLessThan(8 * 1024);
  });
});
