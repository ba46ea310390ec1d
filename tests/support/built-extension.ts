import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built extension (.output/chrome-mv3), read as files: what the browser store would receive. */

export const BUILD_DIR = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '.output',
  'chrome-mv3',
);

export function hasBuild(): boolean {
  return existsSync(join(BUILD_DIR, 'manifest.json'));
}

export const MISSING_BUILD = `No built extension in ${BUILD_DIR}: run \`npx wxt build\` first (npm test does).`;

export function readManifest(): Record<string, unknown> {
  return JSON.parse(readFileSync(join(BUILD_DIR, 'manifest.json'), 'utf8')) as Record<string, unknown>;
}

/** Every file of the build with the given extension, as [path relative to the build, text]. */
export function builtFiles(extension: string): [string, string][] {
  const out: [string, string][] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(extension)) out.push([relative(BUILD_DIR, path), readFileSync(path, 'utf8')]);
    }
  };
  walk(BUILD_DIR);
  return out.sort(([a], [b]) => a.localeCompare(b));
}
