import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, resolve, sep } from 'node:path';
import type { BrowserContext, Route } from '@playwright/test';

/**
 * Serving a builder page saved from the browser ("Save page as…", "Webpage, complete":
 * page.html next to a page_files/ folder) at a Kartra editor URL, so the built extension reads it
 * exactly as it reads the live page. The saved DOM keeps what the app rendered (cards, the
 * jsPlumb svg nodes and lines, inline positions), and its stylesheets are in the folder, so the
 * geometry the reader needs is all there. The page's own scripts are not run (a CSP header
 * blocks them): without Kartra's servers they could only break the saved DOM.
 */

export const KARTRA_ORIGIN = 'https://app.kartra.com';
export const EDITOR_PATH_PREFIX = '/marketing/sequences/edit/';
const ID = /^[A-Za-z0-9_-]+$/;

const CONTENT_TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
};

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return match ? (match[2] ?? match[3] ?? match[4] ?? null) : null;
}

/**
 * The page's own URL as the saved file records it: Chrome's `<!-- saved from url=(NNNN)… -->`
 * comment, else `<link rel="canonical">`, else `<meta property="og:url">`.
 */
export function savedUrlOf(html: string): { url: string; from: string } | null {
  const comment = /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(html);
  if (comment?.[1]) return { url: comment[1], from: 'the "saved from url" comment' };
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    if (/^canonical$/i.test(attribute(tag, 'rel') ?? '')) {
      const href = attribute(tag, 'href');
      if (href) return { url: href, from: 'the canonical link' };
    }
  }
  for (const tag of html.match(/<meta\b[^>]*>/gi) ?? []) {
    if (/^og:url$/i.test(attribute(tag, 'property') ?? '')) {
      const content = attribute(tag, 'content');
      if (content) return { url: content, from: 'the og:url meta tag' };
    }
  }
  return null;
}

/**
 * The URL to serve the saved page at: `--id` when given, else the page's recorded URL when it is
 * an app.kartra.com page, else the editor URL of the id in that URL, else of "saved".
 */
export function editorUrlFor(html: string, id?: string): { url: string; from: string } {
  if (id !== undefined) {
    if (!ID.test(id)) throw new Error(`--id must be letters, digits, _ or - (got "${id}")`);
    return { url: `${KARTRA_ORIGIN}${EDITOR_PATH_PREFIX}${id}`, from: '--id' };
  }
  const saved = savedUrlOf(html);
  if (saved) {
    try {
      const url = new URL(saved.url);
      if (url.origin === KARTRA_ORIGIN) return { url: `${url.origin}${url.pathname}`, from: saved.from };
      const idInPath = /\/edit\/([A-Za-z0-9_-]+)\/?$/.exec(url.pathname)?.[1];
      if (idInPath) return { url: `${KARTRA_ORIGIN}${EDITOR_PATH_PREFIX}${idInPath}`, from: saved.from };
    } catch {
      // Not a URL: fall through to the default.
    }
  }
  return { url: `${KARTRA_ORIGIN}${EDITOR_PATH_PREFIX}saved`, from: 'the default id "saved"' };
}

/** The saved file that a request for `requestUrl` stands for, or null (outside the folder, absent). */
export function savedAssetPath(htmlPath: string, pageUrl: string, requestUrl: string): string | null {
  let request: URL;
  try {
    request = new URL(requestUrl);
  } catch {
    return null;
  }
  const page = new URL(pageUrl);
  if (request.origin !== page.origin) return null;
  const pageDir = page.pathname.slice(0, page.pathname.lastIndexOf('/') + 1);
  if (!request.pathname.startsWith(pageDir)) return null;
  let relative: string;
  try {
    relative = decodeURIComponent(request.pathname.slice(pageDir.length));
  } catch {
    return null;
  }
  if (!relative) return null;
  const folder = dirname(resolve(htmlPath));
  const file = resolve(folder, relative);
  if (!file.startsWith(folder + sep)) return null;
  return existsSync(file) && statSync(file).isFile() ? file : null;
}

/**
 * Serves the saved page at `url` and its saved assets at their relative URLs, in front of
 * whatever routes the context already has (later routes run first; the rest falls through).
 * Returns the function that stops serving it.
 */
export async function serveSavedPage(
  context: BrowserContext,
  htmlPath: string,
  url: string,
): Promise<() => Promise<void>> {
  const html = readFileSync(htmlPath);
  const pageUrl = new URL(url);
  const matches = (requested: URL) => requested.origin === pageUrl.origin;
  const handler = async (route: Route) => {
    const requested = new URL(route.request().url());
    if (requested.pathname === pageUrl.pathname) {
      await route.fulfill({
        status: 200,
        headers: {
          'content-type': 'text/html; charset=utf-8',
          // Content scripts are exempt from a page's CSP, so only the saved page's scripts stop.
          'content-security-policy': "script-src 'none'",
        },
        body: html,
      });
      return;
    }
    const file = savedAssetPath(htmlPath, url, requested.href);
    if (!file) {
      await route.fallback();
      return;
    }
    await route.fulfill({
      status: 200,
      contentType: CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      body: readFileSync(file),
    });
  };
  await context.route(matches, handler);
  return () => context.unroute(matches, handler);
}
