import { describe, expect, it } from 'vitest';
import { editorUrl } from '../../../lib/kartra/editor-url';
import { kartraProfile } from '../../../lib/kartra/profile';

describe("a sequence's editor address", () => {
  it("is made from the profile's editor path, on Kartra's app", () => {
    expect(editorUrl(kartraProfile, '2231')).toBe('https://app.kartra.com/marketing/sequences/edit/2231');
    const moved = { urls: { ...kartraProfile.urls, editorPath: '^/sequences/([0-9]+)/builder$' } };
    expect(editorUrl(moved, '42')).toBe('https://app.kartra.com/sequences/42/builder');
  });

  it('is none for an id the pattern does not match, so no text becomes a link elsewhere', () => {
    for (const id of ['../../logout', 'a b', '"><script>', 'javascript:alert(1)', ''])
      expect(editorUrl(kartraProfile, id)).toBeNull();
    const odd = { urls: { ...kartraProfile.urls, editorPath: '^https?://evil.example/(\\d+)$' } };
    expect(editorUrl(odd, '1')).toBeNull();
  });
});
