import { describe, expect, it } from 'vitest';
import { CLIENT_DETAILS_LIMITS, withClientDetails } from '../../../lib/client-details/client-details';

const NOW = new Date('2026-12-01T09:00:00Z');
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

describe('the client details kept per sequence', () => {
  it('keeps the latest client and note of a sequence, trimmed, with when they were used', () => {
    const first = withClientDetails({}, '42', { client: ' Acme ', note: 'Hello' }, NOW);
    const second = withClientDetails(first, '42', { client: 'Acme Ltd', note: '' }, later(1));
    expect(second).toEqual({ '42': { client: 'Acme Ltd', note: '', usedAt: later(1).toISOString() } });
  });

  it('forgets a sequence whose client and note were both emptied', () => {
    const kept = withClientDetails({}, '42', { client: 'Acme', note: '' }, NOW);
    expect(withClientDetails(kept, '42', { client: ' ', note: '\n' }, later(1))).toEqual({});
  });

  it('is bounded: texts are cut, and the sequences used longest ago go first', () => {
    const long = withClientDetails({}, '1', { client: 'c'.repeat(500), note: 'n'.repeat(5000) }, NOW);
    expect(long['1']?.client).toHaveLength(CLIENT_DETAILS_LIMITS.client);
    expect(long['1']?.note).toHaveLength(CLIENT_DETAILS_LIMITS.note);
    let store = {};
    for (let i = 0; i <= CLIENT_DETAILS_LIMITS.sequences; i++)
      store = withClientDetails(store, `s${i}`, { client: `Client ${i}`, note: '' }, later(i));
    expect(Object.keys(store)).toHaveLength(CLIENT_DETAILS_LIMITS.sequences);
    expect(store).not.toHaveProperty('s0');
    expect(store).toHaveProperty(`s${CLIENT_DETAILS_LIMITS.sequences}`);
  });
});
