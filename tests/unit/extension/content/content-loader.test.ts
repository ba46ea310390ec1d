import type { InlineConfig } from 'vite';
import { describe, expect, it } from 'vitest';
import type { Entrypoint } from 'wxt';
import {
  AUDIT_MODULE_FILE,
  auditModuleResource,
  buildAuditModuleAsEsModule,
} from '../../../../config/audit-module-build';
import { AUDIT_MODULE_PATH } from '../../../../lib/extension/content/audit-module';
import { isAuditedPage } from '../../../../lib/extension/content/audited-page';
import { kartraProfile } from '../../../../lib/kartra/profile';

describe("the content script's loader imports the audit module", () => {
  it.each([
    ['https://app.kartra.com/marketing/sequences/edit/abc123', true],
    ['https://app.kartra.com/marketing/sequences/edit/abc123/', true],
    ['https://app.kartra.com/marketing/sequences', true],
    ['https://app.kartra.com/marketing/sequences/?page=2', true],
    ['https://app.kartra.com/dashboard', false],
    ['https://app.kartra.com/marketing/sequences/new', false],
    ['https://app.kartra.com/marketing/broadcasts/edit/abc123', false],
    ['not an address', false],
  ])('on %s: %s', (url, audited) => {
    expect(isAuditedPage(url, kartraProfile)).toBe(audited);
  });

  it("on the addresses an override's profile recognises, and no longer on the built-in ones", () => {
    const moved = {
      ...kartraProfile,
      urls: { editorPath: '^/sequences/([A-Za-z0-9_-]+)/builder$', listPath: '^/sequences$' },
    };
    expect(isAuditedPage('https://app.kartra.com/sequences/abc123/builder', moved)).toBe(true);
    expect(isAuditedPage('https://app.kartra.com/sequences', moved)).toBe(true);
    expect(isAuditedPage('https://app.kartra.com/marketing/sequences/edit/abc123', moved)).toBe(false);
  });
});

describe("the audit module's build", () => {
  it('is web-accessible to app.kartra.com only, through a dynamic address in Chrome', () => {
    expect(AUDIT_MODULE_FILE).toBe(AUDIT_MODULE_PATH.slice(1));
    expect(auditModuleResource('chrome')).toEqual({
      resources: [AUDIT_MODULE_FILE],
      matches: ['https://app.kartra.com/*'],
      use_dynamic_url: true,
    });
    // Firefox's extension addresses are per install already; it does not take the key.
    expect(auditModuleResource('firefox')).toEqual({
      resources: [AUDIT_MODULE_FILE],
      matches: ['https://app.kartra.com/*'],
    });
  });

  const libraryBuild = (): InlineConfig => ({
    build: {
      lib: { entry: 'virtual:wxt-unlisted-script-entrypoint?audit', formats: ['iife'], name: 'audit' },
      rollupOptions: { output: { entryFileNames: 'audit.js' } },
    },
  });
  const entrypoint = (type: string, name: string) => ({ type, name }) as unknown as Entrypoint;

  it("turns the audit script's build into a minified ES module, and leaves every other build alone", () => {
    const audit = libraryBuild();
    buildAuditModuleAsEsModule([entrypoint('unlisted-script', 'audit')], audit);
    const lib = audit.build?.lib;
    expect(lib ? lib.formats : null).toEqual(['es']);
    expect(audit.build?.rollupOptions?.output).toEqual({ entryFileNames: 'audit.js', minify: true });

    for (const other of [entrypoint('content-script', 'content'), entrypoint('unlisted-script', 'other')]) {
      const config = libraryBuild();
      buildAuditModuleAsEsModule([other], config);
      expect(config).toEqual(libraryBuild());
    }
  });

  it('says so when WXT did not build the audit script as a library', () => {
    expect(() => buildAuditModuleAsEsModule([entrypoint('unlisted-script', 'audit')], { build: {} })).toThrow(
      /audit module's build \(audit\) is not the library build/,
    );
  });
});
