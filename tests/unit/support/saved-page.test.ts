import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { editorUrlFor, savedAssetPath, savedUrlOf } from '../../../scripts/lib/saved-page';

const EDITOR = 'https://app.kartra.com/marketing/sequences/edit/';

describe('the URL a saved page came from', () => {
  it("is read from Chrome's comment, the canonical link or og:url, in that order", () => {
    const comment = '<!-- saved from url=(0052)https://app.kartra.com/marketing/sequences/edit/4410 -->';
    const canonical = `<link href='${EDITOR}12' rel="canonical">`;
    const og = `<meta content="${EDITOR}13" property="og:url">`;
    expect(savedUrlOf(`<!DOCTYPE html>\n${comment}\n<html><head>${canonical}${og}`)?.url).toBe(
      `${EDITOR}4410`,
    );
    expect(savedUrlOf(`<html><head>${og}${canonical}`)).toEqual({
      url: `${EDITOR}12`,
      from: 'the canonical link',
    });
    expect(savedUrlOf(`<html><head>${og}`)).toEqual({ url: `${EDITOR}13`, from: 'the og:url meta tag' });
    expect(savedUrlOf('<html><head><link rel="stylesheet" href="a.css">')).toBeNull();
  });

  it('gives the editor URL to serve at: --id first, then the saved Kartra URL, else "saved"', () => {
    const html = `<!-- saved from url=(0063)${EDITOR}4410/?tab=A -->`;
    expect(editorUrlFor(html).url).toBe(`${EDITOR}4410/`);
    expect(editorUrlFor(html, '77').url).toBe(`${EDITOR}77`);
    expect(editorUrlFor('<link rel="canonical" href="https://mirror.example/sequences/edit/88">').url).toBe(
      `${EDITOR}88`,
    );
    expect(editorUrlFor('<html>')).toEqual({ url: `${EDITOR}saved`, from: 'the default id "saved"' });
    expect(() => editorUrlFor('<html>', '../etc')).toThrow('--id must be');
  });
});

describe('the saved files served next to the page', () => {
  const dir = mkdtempSync(join(tmpdir(), 'saved-page-'));
  mkdirSync(join(dir, 'page_files'));
  writeFileSync(join(dir, 'page.html'), '<html>');
  writeFileSync(join(dir, 'page_files', 'style a.css'), 'body{}');
  writeFileSync(join(dir, 'secret.txt'), 'x');
  const html = join(dir, 'page.html');
  const page = `${EDITOR}4410`;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('are found from the relative URL the page asks for', () => {
    expect(savedAssetPath(html, page, `${EDITOR}page_files/style%20a.css`)).toBe(
      join(dir, 'page_files', 'style a.css'),
    );
  });

  it('are never outside the folder, on another origin, or missing', () => {
    expect(savedAssetPath(html, page, `${EDITOR}page_files/..%2F..%2Fsecret.txt`)).toBeNull();
    expect(savedAssetPath(html, page, `${EDITOR}page_files/missing.css`)).toBeNull();
    expect(
      savedAssetPath(html, page, 'https://cdn.example/marketing/sequences/edit/page_files/style%20a.css'),
    ).toBeNull();
    expect(savedAssetPath(html, page, 'https://app.kartra.com/other/page_files/style%20a.css')).toBeNull();
  });
});
