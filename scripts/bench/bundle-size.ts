import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The built content script's size as shipped (raw) and as gzip at its default level. */
export function contentScriptSize(root: string): { raw: number; gzip: number } {
  const code = readFileSync(join(root, '.output', 'chrome-mv3', 'content-scripts', 'content.js'));
  return { raw: code.length, gzip: gzipSync(code).length };
}
