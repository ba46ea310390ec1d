import { describe, expect, it } from 'vitest';
import { rule } from '../../../lib/checks/fresh-test-address';
import { freshTestAddress } from '../../../lib/checks/test-address';
import { fillMessage } from '../../../lib/checks/types';
import { healthy, NOW, ruleTable, run, sequence } from './model-builder';

ruleTable(rule, [
  {
    name: 'always fires on the editor, for the whole sequence',
    seq: healthy(),
    expect: [['fail', [], 'freshAddress']],
  },
  { name: 'even on an empty canvas', seq: sequence({ steps: [] }), expect: [['fail', [], 'freshAddress']] },
]);

describe('fresh test address', () => {
  /** The fix `key` of the rule's `meta.fixes`, for `address`. */
  const fixFor = (key: string, address: string) =>
    fillMessage(rule.meta.fixes?.[key] ?? '', { address }, key);

  it("offers a plus-address of the user's own address", () => {
    const [f] = run(rule, healthy(), { settings: { testAddress: 'anna@example.com' } });
    expect(f?.message).toContain('anna+kartra-2231-20261127-1200@example.com');
    expect(f?.fix).toBe(fixFor('yourAddress', 'anna+kartra-2231-20261127-1200@example.com'));
  });

  it('replaces an existing plus tag instead of stacking them', () => {
    expect(freshTestAddress('anna+old@example.com', '7', NOW)).toBe(
      'anna+kartra-7-20261127-1200@example.com',
    );
  });

  it('gives a different address a minute later', () => {
    const later = new Date(NOW.getTime() + 60_000);
    expect(freshTestAddress('a@b.co', '1', later)).not.toBe(freshTestAddress('a@b.co', '1', NOW));
  });

  it('offers an example to adapt when no address is set', () => {
    const [f] = run(rule, healthy(), { settings: { testAddress: '' } });
    expect(f?.message).toContain('yourname+kartra-2231-20261127-1200@gmail.com');
    expect(f?.fix).toBe(fixFor('exampleAddress', 'yourname+kartra-2231-20261127-1200@gmail.com'));
  });

  it('refuses what is not an email address', () => {
    expect(freshTestAddress('not an address', '1', NOW)).toBeNull();
    expect(freshTestAddress('a@localhost', '1', NOW)).toBeNull();
  });
});
