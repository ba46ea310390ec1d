import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * The content script's loader runs on every Kartra page, so it carries no zod, no schema and no
 * rule; and nothing in lib/ imports a view, a script or a test. Biome enforces both (biome.json's
 * overrides); these tests keep the loader override's file list equal to what the loader really
 * imports, and show the rules bite.
 */

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

interface BiomeOverride {
  includes: string[];
  linter?: { rules?: { style?: { noRestrictedImports?: unknown } } };
}

function loaderOverride(): BiomeOverride {
  const config = JSON.parse(readFileSync(resolve(root, 'biome.json'), 'utf8')) as {
    overrides?: BiomeOverride[];
  };
  const found = config.overrides?.find(
    (o) => o.includes.includes('entrypoints/content.ts') && o.linter?.rules?.style?.noRestrictedImports,
  );
  if (!found) throw new Error("biome.json has no noRestrictedImports override on the loader's files");
  return found;
}

/** Whether `file` is one of `includes` (a path, or a folder ending in `/**`). */
const covered = (includes: string[], file: string) =>
  includes.some((pattern) =>
    pattern.endsWith('/**') ? file.startsWith(pattern.slice(0, -2)) : pattern === file,
  );

/** Lints `source` as if it were the file at `path` (written there for the run, then removed). */
function lint(path: string, source: string) {
  const probe = resolve(root, path.replace(/\.ts$/, `.lint-probe-${process.pid}.ts`));
  writeFileSync(probe, source);
  try {
    return spawnSync(
      process.execPath,
      [resolve(root, 'node_modules/@biomejs/biome/bin/biome'), 'lint', probe],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
  } finally {
    rmSync(probe, { force: true });
  }
}

describe("the content script's loader", () => {
  it('imports only files the lint override covers, and no zod', async () => {
    const result = await build({
      entryPoints: ['entrypoints/content.ts'],
      bundle: true,
      write: false,
      metafile: true,
      format: 'esm',
      platform: 'browser',
      absWorkingDir: root,
      alias: { '@': root },
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    const own = inputs.filter((input) => !input.includes('node_modules/'));
    expect(own).toContain('entrypoints/content.ts');
    const { includes } = loaderOverride();
    expect(own.filter((file) => !covered(includes, file))).toEqual([]);
    expect(inputs.filter((input) => /node_modules\/zod\//.test(input))).toEqual([]);
  });

  it.each([
    ["import * as z from 'zod/mini';", 'a validator'],
    ["import { z } from 'zod';", 'a validator'],
    ["import type { Report } from '../report-schema';", 'a schema'],
    ["import { CHECKS } from '../checks';", 'the rules'],
  ])('fails lint on %s (%s)', (line) => {
    const result = lint(
      'lib/reader/probe.ts',
      `${line}\nexport const used = typeof ${line.includes('type') ? '0' : 'z'};\n`,
    );
    expect(result.status, result.stdout + result.stderr).not.toBe(0);
    expect(result.stdout + result.stderr).toContain('noRestrictedImports');
  });

  it('lets the audit module import zod', () => {
    const result = lint(
      'lib/kartra/profile-validation.ts',
      "import * as z from 'zod/mini';\nexport const s = z.string();\n",
    );
    expect(result.stdout + result.stderr).not.toContain('noRestrictedImports');
  });
});

describe('lib/', () => {
  it.each([
    ["import { mountOverlay } from '../../components/overlay/mount-overlay';", 'a view'],
    ["import { mountOverlay } from '@/components/overlay/mount-overlay';", 'a view, by alias'],
    ["import { mountOverlay } from '../../scripts/demo';", 'a script'],
    ["import { mountOverlay } from '../../tests/harness';", 'a test'],
  ])('fails lint on %s (%s)', (line) => {
    const result = lint('lib/export/probe.ts', `${line}\nexport const used = mountOverlay;\n`);
    expect(result.status, result.stdout + result.stderr).not.toBe(0);
    expect(result.stdout + result.stderr).toContain('noRestrictedImports');
  });
});
