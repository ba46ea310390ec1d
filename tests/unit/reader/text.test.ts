import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapse, isTidy } from '../../../lib/reader/text';

/** Every character JavaScript's `\s` takes for whitespace, and a few that it does not. */
const SPACES = ' \t\n\v\f\r\u00a0\u1680\u2000\u2005\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
const OTHERS = 'ab1:%\u200b\u180e\u0085é😀';

describe('isTidy', () => {
  it('says a text is tidy exactly when collapsing whitespace and trimming leave it as it is', () => {
    const text = fc.string({ unit: fc.constantFrom(...`${SPACES}${OTHERS}`) });
    fc.assert(
      fc.property(text, (t) => {
        expect(isTidy(t)).toBe(t === t.replace(/\s+/g, ' ').trim());
      }),
      { numRuns: 5000 },
    );
  });

  it('knows every whitespace character of \\s up to U+FFFF', () => {
    const wrong: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      if (isTidy(`a${ch}b`) !== (!/\s/.test(ch) || ch === ' ')) wrong.push(`U+${c.toString(16)}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('collapse', () => {
  it.each([
    ['Send email', 'Send email'],
    ['  Send \n\t email ', 'Send email'],
    ['A:\u00a050%', 'A: 50%'],
    ['', ''],
    [' ', ''],
  ])('%j → %j', (text, expected) => {
    expect(collapse(text)).toBe(expected);
  });
});
