import { describe, expect, it } from 'vitest';
import { findChromium } from '../../harness/chromium';

describe('findChromium', () => {
  it('prefers CHROMIUM_PATH when that file exists', () => {
    expect(findChromium({ CHROMIUM_PATH: '/opt/my/chrome' }, (p) => p === '/opt/my/chrome')).toBe(
      '/opt/my/chrome',
    );
  });

  it("falls back to Debian's Chromium when nothing else is there", () => {
    expect(findChromium({}, (p) => p === '/usr/bin/chromium')).toBe('/usr/bin/chromium');
  });

  it('explains how to install a browser when none is found', () => {
    expect(() => findChromium({ CHROMIUM_PATH: '/nowhere/chrome' }, () => false)).toThrow(
      /CHROMIUM_PATH is set to \/nowhere\/chrome.*npx playwright install chromium.*apt-get install chromium/s,
    );
  });
});
