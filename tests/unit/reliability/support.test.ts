import { describe, expect, it } from 'vitest';
import { firstDifference, normaliseJsPlumbIds } from '../../support/dom-snapshot';
import { classifyUrl, scanNetworkApis } from '../../support/network-scan';
import { parseCsv } from '../../support/parse-csv';

/** The reliability suite's own instruments: if they were blind, its green runs would prove nothing. */

describe('normaliseJsPlumbIds', () => {
  it("replaces only jsPlumb's per-load ids, leaving every other attribute as it was", () => {
    const html =
      '<div class="sequence_step jtk-connected" data-jtk-managed="0714-1391" style="left: 40px"><svg jtk-overlay-id="abc" data-jtk-other="keep"></svg></div>';
    expect(normaliseJsPlumbIds(html)).toBe(
      '<div class="sequence_step jtk-connected" data-jtk-managed="#" style="left: 40px"><svg jtk-overlay-id="#" data-jtk-other="keep"></svg></div>',
    );
  });
  it('reports where two markups differ, and null when they do not', () => {
    expect(firstDifference('a\nb\nc', 'a\nb\nc')).toBeNull();
    expect(firstDifference('a\nb\nc', 'a\nX\nc')).toContain('line 2');
  });
});

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    expect(parseCsv('a,"b, c","say ""hi""\r\nnext"\r\n\'=1,x\r\n')).toEqual([
      ['a', 'b, c', 'say "hi"\r\nnext'],
      ["'=1", 'x'],
    ]);
  });
});

describe('network scan', () => {
  it('finds network calls, whatever their spacing', () => {
    const hits = scanNetworkApis(
      'b.js',
      'navigator.sendBeacon("https://x.example/c", data); fetch (url, n); new  Worker(u)',
    );
    expect(hits.map((hit) => hit.match)).toEqual(['sendBeacon', 'fetch (', 'new  Worker(']);
    expect(scanNetworkApis('c.js', 'const prefetch = 1; refetchAll(x)')).toEqual([]);
  });
  it('accepts only URL literals of known harmless kinds', () => {
    expect(classifyUrl('http://www.w3.org/2000/svg')).not.toBeNull();
    expect(classifyUrl('https://support.kartra.com/support/solutions/articles/153000171218')).not.toBeNull();
    expect(classifyUrl('https://collect.example.com/track')).toBeNull();
    expect(classifyUrl('https://app.kartra.com/api/contacts')).toBeNull();
  });
});
