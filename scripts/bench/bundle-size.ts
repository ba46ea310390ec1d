import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { AUDIT_MODULE_PATH } from '../../lib/extension/content/audit-module';

export interface FileSize {
  /** The file's path in the build. */
  file: string;
  raw: number;
  gzip: number;
}

/**
 * The content script as a sequence page gets it: the loader the manifest lists, the audit module
 * it imports there, and every file those import (chunks); the sums are the budget's figure. The
 * loader alone is what every other Kartra page evaluates.
 */
export interface ContentScriptSize {
  raw: number;
  gzip: number;
  loader: FileSize;
  files: FileSize[];
}

/** The relative imports of a built file (`import … from "./x.js"`, `import "./x.js"`, `import("./x.js")`). */
export function relativeImports(code: string): string[] {
  const found = new Set<string>();
  for (const match of code.matchAll(/\b(?:from|import)\s*\(?\s*["'`](\.{1,2}\/[^"'`]+)["'`]/g))
    if (match[1]) found.add(match[1]);
  return [...found];
}

function sizeOf(dir: string, file: string): FileSize {
  const code = readFileSync(join(dir, file));
  return { file, raw: code.length, gzip: gzipSync(code).length };
}

/** Each file's size as shipped (raw) and as gzip at its default level, summed, in `.output/chrome-mv3`. */
export function contentScriptSize(root: string): ContentScriptSize {
  const dir = join(root, '.output', 'chrome-mv3');
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    content_scripts?: { js?: string[] }[];
  };
  const [loaderFile, ...others] = (manifest.content_scripts ?? []).flatMap((script) => script.js ?? []);
  if (!loaderFile || others.length > 0)
    throw new Error(
      `Expected one content script in ${dir}/manifest.json, found ${others.length + (loaderFile ? 1 : 0)}`,
    );
  const moduleFile = AUDIT_MODULE_PATH.replace(/^\//, '');
  if (!existsSync(join(dir, moduleFile))) throw new Error(`The audit module ${moduleFile} is not in ${dir}`);

  const files: string[] = [];
  const visit = (file: string) => {
    if (files.includes(file)) return;
    files.push(file);
    for (const specifier of relativeImports(readFileSync(join(dir, file), 'utf8')))
      visit(posix.normalize(posix.join(posix.dirname(file), specifier)));
  };
  visit(loaderFile);
  visit(moduleFile);
  const sizes = files.map((file) => sizeOf(dir, file));
  return {
    raw: sizes.reduce((sum, size) => sum + size.raw, 0),
    gzip: sizes.reduce((sum, size) => sum + size.gzip, 0),
    loader: sizes[0] as FileSize,
    files: sizes,
  };
}
