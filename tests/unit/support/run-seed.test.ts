import { describe, expect, it } from 'vitest';
import { seedFrom } from '../../support/run-seed';

describe("the run's seed", () => {
  it('replays the seed FC_SEED names', () => {
    expect(seedFrom({ FC_SEED: '-927338382' })).toBe(-927338382);
    expect(seedFrom({ FC_SEED: ' 42 ', CI: 'true' })).toBe(42);
  });

  it('names FC_SEED when it is not a whole number', () => {
    expect(() => seedFrom({ FC_SEED: 'abc' })).toThrow(/FC_SEED must be a whole number, not "abc"/);
  });

  it('in CI, derives it from the commit: the same commit, the same seed; another commit, another', () => {
    const a = seedFrom({ CI: 'true', GITHUB_SHA: 'd9f9442aa0c1' });
    expect(seedFrom({ CI: 'true', GITHUB_SHA: 'd9f9442aa0c1' })).toBe(a);
    expect(seedFrom({ CI: 'true', GITHUB_SHA: '5d9ed67bb0c1' })).not.toBe(a);
    expect(Number.isSafeInteger(a)).toBe(true);
  });

  it('in CI without a commit id, it is still the checkout HEAD', () => {
    expect(seedFrom({ CI: 'true' })).toBe(seedFrom({ CI: 'true' }));
  });

  it('locally, a new one each run', () => {
    const seeds = new Set(Array.from({ length: 5 }, () => seedFrom({})));
    expect(seeds.size).toBeGreaterThan(1);
  });
});
