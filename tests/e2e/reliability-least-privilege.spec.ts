import { expect, test } from '@playwright/test';
import { AUDIT_MODULE_PATH } from '../../lib/extension/content/audit-module';
import { BUILD_DIR, builtFiles, hasBuild, MISSING_BUILD, readManifest } from '../support/built-extension';

/**
 * The built manifest asks for as little as the extension needs: settings storage and Kartra's
 * app, nothing else; it loads no code from anywhere but its own package. Reads the files in
 * .output/chrome-mv3, so it runs after the build like the other end-to-end tests.
 */

const KARTRA = 'https://app.kartra.com/*';

test.skip(!hasBuild(), MISSING_BUILD);

/** "script-src 'self'; object-src 'self'" → { 'script-src': ["'self'"], ... } */
function directives(policy: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out[name.toLowerCase()] = sources;
  }
  return out;
}

test('the manifest asks only for storage and for app.kartra.com', () => {
  const manifest = readManifest();
  expect(manifest.manifest_version).toBe(3);
  const permissions = [...((manifest.permissions as string[] | undefined) ?? [])].sort();
  // activeTab would only be acceptable if the code used what it unlocks (scripting, captures).
  const usesActiveTab = builtFiles('.js').some(([, code]) =>
    /\b(scripting\.executeScript|captureVisibleTab)\b/.test(code),
  );
  expect(permissions).toEqual(
    usesActiveTab && permissions.includes('activeTab') ? ['activeTab', 'storage'] : ['storage'],
  );
  expect(manifest.host_permissions).toEqual([KARTRA]);
  for (const key of [
    'optional_permissions',
    'optional_host_permissions',
    'externally_connectable',
    'update_url',
    'chrome_url_overrides',
    'declarative_net_request',
  ])
    expect(manifest[key], `${key} is not requested`).toBeUndefined();
});

test("the one web-accessible file is the content script's audit module, for Kartra's pages only", () => {
  // The content script imports it (its `import()` is fetched for the page's origin); through a
  // per-session address in Chrome, so a page cannot probe a fixed one to learn it is installed.
  expect(readManifest().web_accessible_resources).toEqual([
    { resources: [AUDIT_MODULE_PATH.slice(1)], matches: [KARTRA], use_dynamic_url: true },
  ]);
  expect(builtFiles('.js').map(([path]) => path)).toContain(AUDIT_MODULE_PATH.slice(1));
});

test('the content script runs on Kartra only, from a file in the package', () => {
  const scripts = readManifest().content_scripts as {
    matches: string[];
    js?: string[];
    exclude_matches?: string[];
    match_about_blank?: boolean;
    world?: string;
  }[];
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) {
    expect(script.matches).toEqual([KARTRA]);
    // The MAIN world would share the page's JavaScript globals with it.
    expect(script.world ?? 'ISOLATED').toBe('ISOLATED');
    expect(script.match_about_blank ?? false).toBe(false);
    for (const file of script.js ?? []) expect(file).not.toMatch(/^[a-z]+:|^\/\//i);
  }
});

test("the extension pages' CSP allows only the package's own scripts", () => {
  const csp = readManifest().content_security_policy as Record<string, string> | undefined;
  // Without one Chrome applies its default (script-src 'self'); the project sets it explicitly.
  expect(csp?.extension_pages).toBeDefined();
  const policy = directives(csp?.extension_pages ?? '');
  expect(policy['script-src']).toEqual(["'self'"]);
  expect(["'self'", "'none'"]).toContain((policy['object-src'] ?? ["'self'"]).join(' '));
  for (const [name, sources] of Object.entries(policy))
    for (const source of sources)
      expect(source, `${name} ${source}`).not.toMatch(
        /unsafe-eval|unsafe-inline|wasm-unsafe-eval|^\*$|^https?:|^data:|^blob:/,
      );
  expect(csp?.sandbox).toBeUndefined();
});

test('every HTML page loads scripts and styles from the package only, with no inline script', () => {
  const pages = builtFiles('.html');
  expect(pages.map(([path]) => path)).toEqual(expect.arrayContaining(['popup.html', 'options.html']));
  for (const [path, html] of pages) {
    for (const [, attribute, url] of html.matchAll(/\b(src|href)\s*=\s*["']([^"']*)["']/gi))
      expect(url, `${path}: ${attribute}=${url}`).not.toMatch(/^(https?:)?\/\/|^[a-z][a-z0-9+.-]*:/i);
    for (const [, body] of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi))
      expect(body?.trim(), `${path} has an inline script`).toBe('');
  }
});

test('the worker and the pages load no code from outside the package (no eval, no remote import)', () => {
  const manifest = readManifest();
  const background = manifest.background as { service_worker?: string; scripts?: string[] } | undefined;
  expect(background?.service_worker ?? '').not.toMatch(/^[a-z]+:|^\/\//i);
  const findings: string[] = [];
  for (const [path, code] of builtFiles('.js')) {
    for (const match of code.matchAll(
      /\bimportScripts\s*\(|\bimport\s*\(\s*[`'"]https?:|\beval\s*\(|\bnew Function\s*\(|\bsetTimeout\s*\(\s*[`'"]/g,
    ))
      findings.push(`${path}: ${match[0]}`);
  }
  expect(findings, `code loaded or built at run time in ${BUILD_DIR}`).toEqual([]);
});
